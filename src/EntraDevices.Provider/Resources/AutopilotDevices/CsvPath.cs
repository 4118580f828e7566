namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// The one rule for where the OEM's CSV may be, held by the provider (Check and every apply) and by the program (its
/// stack setting; infra/Infra.csproj compiles this file too): a path, relative or absolute (a pipeline may fetch the
/// OEM's files from a protected store into a temporary folder, since hashes are sensitive), to a regular file named
/// <c>*.csv</c> of at most <see cref="MaxBytes"/>, or to a folder of such files (OEMs deliver at most 500 rows a file,
/// and one file of 10,000 hashes is past GitHub's 50 MB warning), symbolic links followed. Only metadata is looked at
/// here: a pipe, a device or another special file is refused before it is opened (opening a FIFO blocks, and
/// <c>/dev/zero</c> never ends), and no message ever quotes what a file holds.
/// </summary>
internal static class CsvPath
{
    /// <summary>1 GiB a file: 100,000 devices of the largest hashes seen (about 5.5 KB a row) are about 550 MB.</summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>The most CSV files a folder may hold: 200 files of 500 rows are 100,000 devices.</summary>
    public const int MaxFiles = 1000;

    /// <summary>What is wrong with the path as written, without looking at the disk (the words follow the setting's name); null when nothing.</summary>
    public static string? ShapeProblem(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "is an empty path; accepted: a path to the OEM's CSV file or to a folder of them (e.g. devices/dev.csv).";
        }

        // Never shown: a NUL or a line end in a path would garble the message, or a log line.
        return path.Any(char.IsControl)
            ? "is a path with a control character (such as NUL or a line end) in it; accepted: a path to the OEM's CSV file or to a folder of them (e.g. devices/dev.csv)."
            : null;
    }

    /// <summary>
    /// What is wrong with what the path names (the words follow the setting's name); null when it can be read, with
    /// <paramref name="files"/> the full paths to read in order: the one file, or the folder's <c>*.csv</c> files by name
    /// (other files and subfolders are not read).
    /// </summary>
    /// <param name="resolve">Makes a relative path absolute, as the caller reads it.</param>
    /// <param name="relativeTo">Where relative paths are read from, in the user's words (e.g. "the project folder").</param>
    public static string? Problem(string path, Func<string, string> resolve, string relativeTo, out IReadOnlyList<string> files, out bool folder)
    {
        (files, folder) = ([], false);
        if (ShapeProblem(path) is { } shape)
        {
            return shape;
        }

        string full;
        try
        {
            full = resolve(path);
        }
        catch (Exception invalid) when (invalid is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"is \"{path}\", which is not a valid path here ({invalid.Message.TrimEnd('.')}).";
        }

        if (Directory.Exists(full))
        {
            folder = true;
            return FolderProblem(path, full, out files);
        }

        files = [full];
        return FileProblem(path, full, relativeTo);
    }

    private static string? FolderProblem(string path, string full, out IReadOnlyList<string> files)
    {
        files = [.. Directory.EnumerateFiles(full, "*", new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive, AttributesToSkip = 0 })
            .Where(file => file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];
        if (files.Count == 0)
        {
            return $"names the folder {path}, which holds no .csv file; accepted: a folder of the OEM's CSV files (subfolders are not read).";
        }

        if (files.Count > MaxFiles)
        {
            return $"names the folder {path}, which holds {files.Count:N0} .csv files; accepted: at most {MaxFiles:N0}.";
        }

        foreach (var file in files)
        {
            var name = $"{path.TrimEnd('/', '\\')}/{Path.GetFileName(file)}";
            if (FileProblem(name, file, "") is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? FileProblem(string path, string full, string relativeTo)
    {
        var named = $"names {path}";
        if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return $"is \"{path}\", which does not name a .csv file; accepted: a path to the OEM's CSV file, whose name ends in .csv (e.g. devices/dev.csv), or to a folder of them.";
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
