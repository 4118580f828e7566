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

    /// <summary>Why the source cannot be read, naming the property and what is accepted; null when it can.</summary>
    public string? Problem(PropertyValue source) => _source.Locate(source, out _);

    /// <summary>Every row and every problem of the source; null when the source cannot be located.</summary>
    public (IReadOnlyList<IdentifierRow> Rows, IReadOnlyList<CsvProblem> Problems)? Read(PropertyValue source)
    {
        if (_source.Locate(source, out var files) is not null)
        {
            return null;
        }

        var problems = new List<CsvProblem>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rows = new List<IdentifierRow>();
        foreach (var (name, full) in files)
        {
            try
            {
                using var reader = new StreamReader(full, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                rows.AddRange(IdentifierCsv.Read(reader, problems, seen, files.Count > 1 || source.Plain is ArchiveValue ? name : null));
            }
            catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
            {
                problems.Add(new CsvProblem(0, $"{name} cannot be read: {unreadable.Message.TrimEnd('.')}"));
            }
        }

        return (rows, problems);
    }
}
