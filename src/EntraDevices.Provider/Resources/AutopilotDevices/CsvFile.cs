using System.Text;
using EntraDevices.Provider.Hosting;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// Where the CSV comes from: a <c>FileAsset</c>'s path, held to <see cref="CsvPath"/>'s rule (relative paths are read
/// from the folder the program runs in, as the engine reads a FileAsset's). A <c>StringAsset</c> is refused (the engine
/// would keep its text, hashes included, in state), and so is a remote asset (Check and Diff must not reach the
/// network). Read as a stream, never whole.
/// </summary>
internal sealed class CsvFile(ProjectDirectories directories)
{
    /// <summary>Why the asset cannot be read, in words that name the property and what is accepted; null when it can.</summary>
    public string? Problem(AssetValue asset) => Locate(asset, out _);

    private string? Locate(AssetValue asset, out string full)
    {
        full = "";
        if (asset.Uri is not null)
        {
            return $"'{DevicesProperties.Csv}' is a remote asset; accepted: a FileAsset of the CSV in the repository (e.g. new FileAsset(\"devices/dev.csv\")).";
        }

        if (asset.Path is { } path)
        {
            return CsvPath.Problem(path, directories.Resolve, $"the folder the program runs in, {directories.Program}", out full) is { } problem
                ? $"'{DevicesProperties.Csv}' {problem}" : null;
        }

        return asset.Text is not null
            ? $"'{DevicesProperties.Csv}' is a StringAsset, whose text (hardware hashes included) the engine keeps in the state; accepted: a FileAsset of the OEM's CSV "
                + "(e.g. new FileAsset(\"devices/dev.csv\")), of which the state keeps only the path and a hash."
            : $"'{DevicesProperties.Csv}' is an asset with neither a path nor text; accepted: a FileAsset of the OEM's CSV.";
    }

    /// <summary>
    /// The CSV, line by line, once <see cref="Problem"/> found none. ANSI and UTF-8 files alike read as UTF-8: serials,
    /// keys and hashes are ASCII. A file that cannot be opened is an input error, named.
    /// </summary>
    public TextReader Open(AssetValue asset)
    {
        if (Locate(asset, out var full) is { } problem)
        {
            throw new CleanFailure(CleanFailureReason.InvalidInput, $"{problem} Nothing was changed.");
        }

        try
        {
            return new StreamReader(full, Encoding.UTF8, detectEncodingFromByteOrderMarks: true,
                new FileStreamOptions { BufferSize = 64 * 1024, Options = FileOptions.SequentialScan });
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            throw new CleanFailure(CleanFailureReason.InvalidInput, $"'{DevicesProperties.Csv}' names {asset.Path}, which cannot be read: {unreadable.Message.TrimEnd('.')}.");
        }
    }

    /// <summary>Every hash-free row of the CSV. Check refused bad files; one that turned bad since is refused here too.</summary>
    public List<CsvDevice> Devices(AssetValue asset, DeviceDefaults defaults)
    {
        var problems = new List<CsvProblem>();
        using var reader = Open(asset);
        var devices = DeviceCsv.Read(reader, problems).Select(row => CsvDevice.Of(row, defaults)).ToList();
        return problems.Count == 0 ? devices : throw new CleanFailure(CleanFailureReason.InvalidInput,
            $"The CSV changed since it was checked and now has problems ({string.Join("; ", problems.Take(5).Select(p => p.ToString().TrimEnd('.')))}). Fix it and run `pulumi preview` again. Nothing was changed.");
    }
}
