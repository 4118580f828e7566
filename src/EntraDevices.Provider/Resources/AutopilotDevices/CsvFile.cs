using System.Text;
using EntraDevices.Provider.Hosting;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// Where the CSV comes from: a <c>FileAsset</c> of one file, or a <c>FileArchive</c> of a folder of them (read in name
/// order, serial numbers and hashes unique across them), held to <see cref="CsvPath"/>'s rule (relative paths are read
/// from the folder the program runs in, as the engine reads a FileAsset's). A <c>StringAsset</c> is refused (the
/// engine would keep its text, hashes included, in state), and so are remote assets and archives (Check and Diff must
/// not reach the network) and archives of assets or files. Read as a stream, never whole.
/// </summary>
internal sealed class CsvFile(ProjectDirectories directories)
{
    private readonly CsvSource _source = new(directories, DevicesProperties.Csv,
        "accepted: a FileAsset of the OEM's CSV (e.g. new FileAsset(\"devices/dev.csv\")), or a FileArchive of a folder of them (e.g. new FileArchive(\"devices/oem\"))",
        "hardware hashes included");

    /// <summary>The last whole read, for the next operation on the same unchanged files (a preview's Check, then its Diff or Create).</summary>
    private Scanned? _last;

    /// <summary>Whether a value is a source this resource reads at all (an asset or an archive); its problems are <see cref="Problem"/>'s.</summary>
    public static bool IsSource(PropertyValue? value) => CsvSource.IsSource(value);

    /// <summary>Why the source cannot be read, in words that name the property and what is accepted; null when it can.</summary>
    public string? Problem(PropertyValue source) => Locate(source, out _);

    /// <summary>
    /// Every row of the source, file after file, each problem added as the reading reaches it (named by file and
    /// line in a folder). Hashes are kept only when asked (an import), one row at a time.
    /// </summary>
    public IEnumerable<DeviceRow> Read(PropertyValue source, ICollection<CsvProblem> problems, bool keepHashes = false) =>
        Read(source, Files(source), problems, keepHashes);

    /// <summary>
    /// Every hash-free row and every problem of the source. A preview reads the files for Check and again for its Diff
    /// (or a first Create): the second gets the first's rows when every file has the same path, size and time (at
    /// 100,000 devices that is half a gigabyte not read twice).
    /// </summary>
    public (IReadOnlyList<DeviceRow> Rows, IReadOnlyList<CsvProblem> Problems) Scan(PropertyValue source)
    {
        var files = Files(source);
        var stamp = string.Join('\n', files.Select(f => new FileInfo(f.Full) is var info ? $"{f.Full}|{info.Length}|{info.LastWriteTimeUtc.Ticks}" : ""));
        if (_last is { } last && last.Stamp == stamp)
        {
            return (last.Rows, last.Problems);
        }

        _last = null;
        var problems = new List<CsvProblem>();
        var rows = Read(source, files, problems, keepHashes: false).ToList();
        _last = new Scanned(stamp, rows, problems);
        return (rows, problems);
    }

    private IEnumerable<DeviceRow> Read(PropertyValue source, IReadOnlyList<(string Name, string Full)> files, ICollection<CsvProblem> problems, bool keepHashes)
    {
        var seen = new CsvSeen();
        foreach (var (name, full) in files)
        {
            using var reader = Open(name, full);
            foreach (var row in DeviceCsv.Read(reader, problems, keepHashes, seen, files.Count > 1 || source.Plain is ArchiveValue ? name : null))
            {
                yield return row;
            }
        }
    }

    /// <summary>
    /// Every hash-free row of the source. Check refused bad files; one that turned bad since is refused here too. An
    /// apply reads the files afresh (<paramref name="fresh"/>): what it imports is what it plans from.
    /// </summary>
    public List<CsvDevice> Devices(PropertyValue source, DeviceDefaults defaults, bool fresh = false)
    {
        if (fresh)
        {
            _last = null;
        }

        var (rows, problems) = fresh ? Fresh(source) : Scan(source);
        var devices = rows.Select(row => CsvDevice.Of(row, defaults)).ToList();
        return problems.Count == 0 ? devices : throw new CleanFailure(CleanFailureReason.InvalidInput,
            $"The CSV changed since it was checked and now has problems ({string.Join("; ", problems.Take(5).Select(p => p.ToString().TrimEnd('.')))}). Fix it and run `pulumi preview` again. Nothing was changed.");
    }

    private (IReadOnlyList<DeviceRow> Rows, IReadOnlyList<CsvProblem> Problems) Fresh(PropertyValue source)
    {
        var problems = new List<CsvProblem>();
        return (Read(source, problems).ToList(), problems);
    }

    private sealed record Scanned(string Stamp, List<DeviceRow> Rows, List<CsvProblem> Problems);

    /// <summary>The files to read, once the source passed the rule; a source that does not is an input error, named.</summary>
    private IReadOnlyList<(string Name, string Full)> Files(PropertyValue source) =>
        Locate(source, out var files) is { } problem ? throw new CleanFailure(CleanFailureReason.InvalidInput, $"{problem} Nothing was changed.") : files;

    private string? Locate(PropertyValue source, out IReadOnlyList<(string Name, string Full)> files) => _source.Locate(source, out files);

    /// <summary>One file, once its path passed the rule. ANSI and UTF-8 files alike read as UTF-8: serials, keys and hashes are ASCII.</summary>
    private static StreamReader Open(string name, string full)
    {
        try
        {
            return new StreamReader(full, Encoding.UTF8, detectEncodingFromByteOrderMarks: true,
                new FileStreamOptions { BufferSize = 64 * 1024, Options = FileOptions.SequentialScan });
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            throw new CleanFailure(CleanFailureReason.InvalidInput, $"'{DevicesProperties.Csv}' names {name}, which cannot be read: {unreadable.Message.TrimEnd('.')}. Nothing was changed.");
        }
    }
}
