using System.Text;
using EntraDevices.Provider.Hosting;
using EntraDevices.Provider.Resources.AutopilotDevices;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Resources.CorporateDeviceIdentifiers;

/// <summary>The identifiers' CSV source: one file or a folder of them (<see cref="CsvSource"/>'s rule), every row checked, unique across files.</summary>
internal sealed class IdentifierFiles(ProjectDirectories directories)
{
    private readonly CsvSource _source = new(directories, IdentifierProperties.Csv,
        "accepted: a FileAsset of the CSV the Intune admin center takes (e.g. new FileAsset(\"devices/corporate-identifiers.csv\")), or a FileArchive of a folder of them",
        "every identifier included");

    /// <summary>
    /// Every row and every problem of the source, file after file; or, when the source cannot be located, why, naming
    /// the property and what is accepted (then no file is read).
    /// </summary>
    public string? Read(PropertyValue source, out IReadOnlyList<IdentifierRow> rows, out IReadOnlyList<CsvProblem> problems)
    {
        var found = new List<IdentifierRow>();
        var reported = new List<CsvProblem>();
        rows = found;
        problems = reported;
        if (_source.Locate(source, out var files) is { } problem)
        {
            return problem;
        }

        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, full) in files)
        {
            try
            {
                using var reader = new StreamReader(full, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                found.AddRange(IdentifierCsv.Read(reader, reported, seen, files.Count > 1 || source.Plain is ArchiveValue ? name : null));
            }
            catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
            {
                reported.Add(new CsvProblem(0, $"{name} cannot be read: {unreadable.Message.TrimEnd('.')}"));
            }
        }

        return null;
    }
}
