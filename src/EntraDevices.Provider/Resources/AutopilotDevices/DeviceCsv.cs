using System.Buffers.Text;
using System.Text.RegularExpressions;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>One device of the OEM's CSV, with the line it came from. Its hardware hash never leaves this record.</summary>
internal sealed record DeviceRow(int Line, string SerialNumber, string? ProductKey, string HardwareHash, string? GroupTag, string? AssignedUser)
{
    // The hash is a few kilobytes of base64 and a secret of the device: never in a string meant for people.
    public override string ToString() => $"line {Line}: device {SerialNumber}";
}

/// <summary>What is wrong with one line of the CSV, in words that name the line and never show a hash.</summary>
internal sealed record CsvProblem(int Line, string Reason)
{
    public override string ToString() => $"line {Line}: {Reason}";
}

/// <summary>The rows of a CSV and every problem found in it (all of them, not only the first).</summary>
internal sealed record DeviceCsvResult(IReadOnlyList<DeviceRow> Rows, IReadOnlyList<CsvProblem> Problems);

/// <summary>
/// The CSV that OEMs, resellers and <c>Get-WindowsAutopilotInfo</c> produce (graph-autopilot-journey.md §2): the
/// header exactly <c>Device Serial Number,Windows Product ID,Hardware Hash</c>, optionally followed by
/// <c>,Group Tag</c> and <c>,Assigned User</c>; no quotes, no extra columns. Pure.
/// </summary>
internal static partial class DeviceCsv
{
    public const string SerialColumn = "Device Serial Number";
    public const string ProductColumn = "Windows Product ID";
    public const string HashColumn = "Hardware Hash";
    public const string GroupTagColumn = "Group Tag";
    public const string UserColumn = "Assigned User";

    private static readonly string[][] Headers =
    [
        [SerialColumn, ProductColumn, HashColumn],
        [SerialColumn, ProductColumn, HashColumn, GroupTagColumn],
        [SerialColumn, ProductColumn, HashColumn, GroupTagColumn, UserColumn],
    ];

    public static DeviceCsvResult Parse(string text)
    {
        var problems = new List<CsvProblem>();
        var rows = new List<DeviceRow>();
        var lines = text.Split('\n');
        var header = lines[0].TrimEnd('\r').TrimStart('\uFEFF').Split(',');
        var columns = Headers.FirstOrDefault(h => h.SequenceEqual(header, StringComparer.Ordinal));
        if (columns is null)
        {
            problems.Add(new CsvProblem(1, $"the header is \"{Shorten(lines[0].TrimEnd('\r'))}\"; accepted: exactly \"{string.Join(',', Headers[0])}\", "
                + $"optionally followed by \",{GroupTagColumn}\" and \",{UserColumn}\" (names are case-sensitive)."));
            return new DeviceCsvResult(rows, problems);
        }

        var serials = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var number = i + 1;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (line.Contains('"'))
            {
                problems.Add(new CsvProblem(number, "holds a quote; the Autopilot CSV takes no quotes."));
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != columns.Length)
            {
                problems.Add(new CsvProblem(number, $"has {cells.Length} columns; the header has {columns.Length} ({string.Join(", ", columns)})."));
                continue;
            }

            if (Row(number, cells, problems) is not { } row)
            {
                continue;
            }

            if (serials.TryGetValue(row.SerialNumber, out var first))
            {
                problems.Add(new CsvProblem(number, $"repeats serial number {row.SerialNumber} of line {first}; each device may appear once."));
                continue;
            }

            serials[row.SerialNumber] = number;
            rows.Add(row);
        }

        return new DeviceCsvResult(rows, problems);
    }

    private static DeviceRow? Row(int line, string[] cells, List<CsvProblem> problems)
    {
        var before = problems.Count;
        var serial = cells[0].Trim();
        if (serial.Length == 0)
        {
            problems.Add(new CsvProblem(line, $"has no {SerialColumn}."));
        }

        var product = cells[1].Trim();
        if (product.Length > 0 && !ProductKey().IsMatch(product) && !ProductId().IsMatch(product))
        {
            problems.Add(new CsvProblem(line, $"has a {ProductColumn} \"{Shorten(product)}\" of no known shape; accepted: empty, a product key "
                + "(five groups of five letters or digits, like XXXXX-XXXXX-XXXXX-XXXXX-XXXXX) or a product ID (like 00330-80000-00000-AA123)."));
        }

        var hash = cells[2].Trim();
        if (hash.Length == 0 || !Base64.IsValid(hash, out var decoded) || decoded == 0)
        {
            // The hash itself is never repeated back: only that it is not one.
            problems.Add(new CsvProblem(line, $"has a {HashColumn} that is {(hash.Length == 0 ? "empty" : "not valid base64")}; export it again with Get-WindowsAutopilotInfo."));
        }

        var tag = cells.Length > 3 && cells[3].Trim() is { Length: > 0 } groupTag ? groupTag : null;
        var user = cells.Length > 4 && cells[4].Trim() is { Length: > 0 } upn ? upn : null;
        if (user is not null && !UserPrincipalName().IsMatch(user))
        {
            problems.Add(new CsvProblem(line, $"has an {UserColumn} \"{Shorten(user)}\" that is not a user principal name like person@contoso.com."));
        }

        return problems.Count > before ? null : new DeviceRow(line, serial, product.Length == 0 ? null : product, hash, tag, user);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : $"{text[..57]}...";

    [GeneratedRegex(@"^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){4}$")]
    private static partial Regex ProductKey();

    [GeneratedRegex(@"^\d{5}-\d{5}-\d{5}-[A-Za-z]{2}\d{3}$")]
    private static partial Regex ProductId();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex UserPrincipalName();
}
