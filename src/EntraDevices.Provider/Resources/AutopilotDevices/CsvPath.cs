namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// The one rule for where the OEM's CSV may be, held by the provider (Check and every apply) and by the program (its
/// stack setting; infra/Infra.csproj compiles this file too): a path, relative or absolute (a pipeline may fetch the
/// OEM's files from a protected store into a temporary folder, since hashes are sensitive), to a regular file named
/// <c>*.csv</c> of at most <see cref="MaxBytes"/>, symbolic links followed. Only the file's metadata is looked at here:
/// a pipe, a device or another special file is refused before it is opened (opening a FIFO blocks, and <c>/dev/zero</c>
/// never ends), and no message ever quotes what a file holds.
/// </summary>
internal static class CsvPath
{
    /// <summary>1 GiB: 100,000 devices of the largest hashes seen (about 5.5 KB a row) are about 550 MB.</summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>What is wrong with the path as written, without looking at the disk (the words follow the setting's name); null when nothing.</summary>
    public static string? ShapeProblem(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "is an empty path; accepted: a path to the OEM's CSV file (e.g. devices/dev.csv).";
        }

        if (path.Any(char.IsControl))
        {
            // Never shown: a NUL or a line end in a path would garble the message, or a log line.
            return "is a path with a control character (such as NUL or a line end) in it; accepted: a path to the OEM's CSV file (e.g. devices/dev.csv).";
        }

        return path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? null
            : $"is \"{path}\", which does not name a .csv file; accepted: a path to the OEM's CSV file, whose name ends in .csv (e.g. devices/dev.csv).";
    }

    /// <summary>
    /// What is wrong with the file the path names (the words follow the setting's name); null when it can be read, with
    /// <paramref name="full"/> the path to open.
    /// </summary>
    /// <param name="resolve">Makes a relative path absolute, as the caller reads it.</param>
    /// <param name="relativeTo">Where relative paths are read from, in the user's words (e.g. "the project folder").</param>
    public static string? Problem(string path, Func<string, string> resolve, string relativeTo, out string full)
    {
        full = "";
        if (ShapeProblem(path) is { } shape)
        {
            return shape;
        }

        try
        {
            full = resolve(path);
        }
        catch (Exception invalid) when (invalid is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"is \"{path}\", which is not a valid path here ({invalid.Message.TrimEnd('.')}).";
        }

        var named = $"names {path}";
        if (Directory.Exists(full))
        {
            return $"{named}, which is a folder; accepted: the OEM's CSV file in it.";
        }

        var entry = new FileInfo(full);
        if (!entry.Exists && entry.LinkTarget is null)
        {
            return $"{named}, which does not exist (relative paths are read from {relativeTo}); accepted: a path to the OEM's CSV file.";
        }

        FileInfo file;
        try
        {
            file = File.ResolveLinkTarget(full, returnFinalTarget: true) as FileInfo ?? entry;
        }
        catch (FileNotFoundException)
        {
            return $"{named}, a symbolic link to {entry.LinkTarget}, which does not exist; accepted: a path to the OEM's CSV file.";
        }
        catch (IOException)
        {
            return $"{named}, a symbolic link that leads back to itself (a loop); accepted: a path to the OEM's CSV file.";
        }

        if (!file.Exists)
        {
            return $"{named}, a symbolic link to {file.FullName}, which does not exist; accepted: a path to the OEM's CSV file.";
        }

        if (file.Length == 0)
        {
            // Pipes, devices and /proc files all report no length; so does an empty file, which is no CSV either.
            return $"{named}, which is empty or is not a regular file (a pipe, a device or another special file); accepted: a regular file, the OEM's CSV.";
        }

        return file.Length > MaxBytes
            ? $"{named}, of {file.Length / (1024 * 1024):N0} MB; accepted: at most {MaxBytes / (1024 * 1024):N0} MB (100,000 devices are about 550 MB)."
            : null;
    }
}
