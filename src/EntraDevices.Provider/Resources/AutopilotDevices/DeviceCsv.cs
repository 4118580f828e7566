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

    /// <summary>All rows and problems of a CSV held in memory (tests, small files).</summary>
    public static DeviceCsvResult Parse(string text)
    {
        var problems = new List<CsvProblem>();
        var rows = Read(new StringReader(text), problems).ToList();
        return new DeviceCsvResult(rows, problems);
    }

    /// <summary>
    /// The rows of a CSV, one line at a time, so that only one row's hash is in memory at once (10,000 rows are tens of
    /// megabytes). Every problem is added to <paramref name="problems"/> as the reading reaches it; a bad row is skipped.
    /// </summary>
    public static IEnumerable<DeviceRow> Read(TextReader reader, ICollection<CsvProblem> problems)
    {
        var first = reader.ReadLine() ?? "";
        var header = first.TrimStart('\uFEFF').Split(',');
        var columns = Headers.FirstOrDefault(h => h.SequenceEqual(header, StringComparer.Ordinal));
        if (columns is null)
        {
            problems.Add(new CsvProblem(1, $"the header is \"{Shorten(first)}\"; accepted: exactly \"{string.Join(',', Headers[0])}\", "
                + $"optionally followed by \",{GroupTagColumn}\" and \",{UserColumn}\" (names are case-sensitive)."));
            yield break;
        }

        var serials = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
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

            if (serials.TryGetValue(row.SerialNumber, out var earlier))
            {
                problems.Add(new CsvProblem(number, $"repeats serial number {row.SerialNumber} of line {earlier}; each device may appear once."));
                continue;
            }

            serials[row.SerialNumber] = number;
            yield return row;
        }
    }

    private static DeviceRow? Row(int line, string[] cells, ICollection<CsvProblem> problems)
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
        if (user is not null && !IsUserPrincipalName(user))
        {
            problems.Add(new CsvProblem(line, $"has an {UserColumn} \"{Shorten(user)}\" that is not a user principal name like person@contoso.com."));
        }

        return problems.Count > before ? null : new DeviceRow(line, serial, product.Length == 0 ? null : product, hash, tag, user);
    }

    /// <summary>A user principal name's shape: person@contoso.com.</summary>
    public static bool IsUserPrincipalName(string text) => UserPrincipalName().IsMatch(text);

    private static string Shorten(string text) => text.Length <= 60 ? text : $"{text[..57]}...";

    [GeneratedRegex(@"^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){4}$")]
    private static partial Regex ProductKey();

    [GeneratedRegex(@"^\d{5}-\d{5}-\d{5}-[A-Za-z]{2}\d{3}$")]
    private static partial Regex ProductId();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex UserPrincipalName();
}
