using System.Buffers.Text;
using System.Text.RegularExpressions;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// One device of the OEM's CSV, with the line it came from. Its hardware hash never leaves this record, and is kept
/// only when the reader was asked to (an import); the digest of what the import sends is always there.
/// </summary>
internal sealed record DeviceRow(int Line, string SerialNumber, string? ProductKey, string? HardwareHash, string? GroupTag, string? AssignedUser)
{
    private readonly string? _digest;

    public string ImportDigest
    {
        get => _digest ?? DevicePlan.ImportDigest(SerialNumber, ProductKey, HardwareHash);
        init => _digest = value;
    }

    /// <summary>The first 16 bytes of SHA-256 over the hardware hash alone: two rows of one device share it, and it shows nothing.</summary>
    public UInt128 HashDigest { get; init; }

    // The hash is a few kilobytes of base64 and a secret of the device: never in a string meant for people.
    public override string ToString() => $"line {Line}: device {SerialNumber}";
}

/// <summary>What is wrong with one line of the CSV, in words that name the line and never show a hash.</summary>
internal sealed record CsvProblem(int Line, string Reason)
{
    public override string ToString() => $"line {Line}: {Reason}";
}

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

    /// <summary>
    /// The rows of a CSV, one line at a time over a pooled buffer, so that no line and (unless
    /// <paramref name="keepHashes"/>) no hash becomes a string: 10,000 rows are tens of megabytes. Every problem is added
    /// to <paramref name="problems"/> as the reading reaches it; a bad row is skipped.
    /// </summary>
    public static IEnumerable<DeviceRow> Read(TextReader reader, ICollection<CsvProblem> problems, bool keepHashes = false)
    {
        using var lines = new LineReader(reader);
        if (!lines.TryRead(out var first) || Columns(first.Span) is not { } columns)
        {
            // The first line is never quoted: a file that is not the Autopilot CSV (a device row without its header, a
            // file named by mistake) must not have its content shown in a preview or a log.
            var cells = first.Span.IsEmpty ? 0 : first.Span.Count(',') + 1;
            problems.Add(new CsvProblem(1, $"is not the Autopilot CSV's header (it has {cells} comma-separated cell(s); its text is not shown); accepted: exactly "
                + $"\"{string.Join(',', Headers[0])}\", optionally followed by \",{GroupTagColumn}\" and \",{UserColumn}\" (names are case-sensitive)."));
            yield break;
        }

        var serials = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var hashes = new Dictionary<UInt128, int>();
        var number = 1;
        while (lines.TryRead(out var line))
        {
            number++;
            if (lines.TooLong)
            {
                problems.Add(new CsvProblem(number, $"is longer than {LineReader.MaxLine:N0} characters (not shown); a row of the Autopilot CSV is a few kilobytes. Is this the OEM's CSV?"));
                continue;
            }

            if (Row(number, line.Span, columns, problems, keepHashes) is not { } row)
            {
                continue;
            }

            if (serials.TryGetValue(row.SerialNumber, out var earlier))
            {
                problems.Add(new CsvProblem(number, $"repeats serial number {row.SerialNumber} of line {earlier}; each device may appear once."));
                continue;
            }

            if (hashes.TryGetValue(row.HashDigest, out var same))
            {
                // One device in two rows: Graph refuses the second (ZtdDeviceDuplicated), then its retry (806). Never show the hash.
                problems.Add(new CsvProblem(number, $"has the same {HashColumn} as line {same} (the hash is not shown): one device in two rows; keep one."));
                continue;
            }

            serials[row.SerialNumber] = number;
            hashes[row.HashDigest] = number;
            yield return row;
        }
    }

    private static string[]? Columns(ReadOnlySpan<char> header)
    {
        var text = header.TrimStart('\uFEFF').ToString();
        return Headers.FirstOrDefault(h => string.Join(',', h) == text);
    }

    private static DeviceRow? Row(int line, ReadOnlySpan<char> text, string[] columns, ICollection<CsvProblem> problems, bool keepHashes)
    {
        if (text.Trim().IsEmpty)
        {
            return null;
        }

        if (text.Contains('"'))
        {
            problems.Add(new CsvProblem(line, "holds a quote; the Autopilot CSV takes no quotes."));
            return null;
        }

        var count = text.Count(',') + 1;
        if (count != columns.Length)
        {
            problems.Add(new CsvProblem(line, $"has {count} columns; the header has {columns.Length} ({string.Join(", ", columns)})."));
            return null;
        }

        Span<Range> cells = stackalloc Range[5];
        text.Split(cells, ',');
        ReadOnlySpan<char> Cell(Span<Range> cells, ReadOnlySpan<char> text, int index) => index < columns.Length ? text[cells[index]].Trim() : [];

        var before = problems.Count;
        var serial = Cell(cells, text, 0).ToString();
        if (SerialProblem(serial) is { } serialProblem)
        {
            problems.Add(new CsvProblem(line, serialProblem));
        }

        var product = Cell(cells, text, 1).ToString();
        if (product.Length > 0 && !ProductKey().IsMatch(product) && !ProductId().IsMatch(product) && !Pkid().IsMatch(product))
        {
            // A product key is a licence: never shown, only its length.
            problems.Add(new CsvProblem(line, $"has a {ProductColumn} of {product.Length} characters (not shown) of no known shape; accepted: empty, the 13-digit "
                + "Windows Product ID (PKID) that OEMs and Get-WindowsAutopilotInfo fill in, a product key (five groups of five letters or digits, like "
                + "XXXXX-XXXXX-XXXXX-XXXXX-XXXXX) or a product ID (like 00330-80000-00000-AA123)."));
        }

        var hash = Cell(cells, text, 2);
        if (hash.ContainsAny(' ', '\t'))
        {
            // Base64 readers skip white space, Graph does not: one such row made Graph refuse its whole chunk of 500.
            problems.Add(new CsvProblem(line, $"has a {HashColumn} with white space inside it, which Graph refuses; export it again with Get-WindowsAutopilotInfo."));
        }
        else if (hash.IsEmpty || !Base64.IsValid(hash, out var decoded) || decoded == 0)
        {
            // The hash itself is never repeated back: only that it is not one.
            problems.Add(new CsvProblem(line, $"has a {HashColumn} that is {(hash.IsEmpty ? "empty" : "not valid base64")}; export it again with Get-WindowsAutopilotInfo."));
        }
        else if (hash.Length < MinHashLength)
        {
            // A serial number or product key is valid base64 too: a short value here is most likely one in the wrong column.
            problems.Add(new CsvProblem(line, $"has a {HashColumn} of {hash.Length} characters; a hardware hash is a few kilobytes of base64 (at least {MinHashLength} "
                + $"characters). Are the columns in the header's order ({string.Join(", ", columns)})?"));
        }

        var tag = Cell(cells, text, 3) is { IsEmpty: false } groupTag ? groupTag.ToString() : null;
        if (tag is not null && GroupTagProblem(tag) is { } tagProblem)
        {
            problems.Add(new CsvProblem(line, $"has a {GroupTagColumn} {tagProblem}"));
        }

        var user = Cell(cells, text, 4) is { IsEmpty: false } upn ? upn.ToString() : null;
        if (user is not null && !IsUserPrincipalName(user))
        {
            problems.Add(new CsvProblem(line, $"has an {UserColumn} of {user.Length} characters (not shown) that is not a user principal name like person@contoso.com "
                + $"(at most {MaxUserPrincipalName} characters)."));
        }

        var productKey = product.Length == 0 ? null : product;
        return problems.Count > before ? null : new DeviceRow(line, serial, productKey, keepHashes ? hash.ToString() : null, tag, user)
        {
            ImportDigest = DevicePlan.ImportDigest(serial, productKey, hash),
            HashDigest = Digest(hash),
        };
    }

    private static UInt128 Digest(ReadOnlySpan<char> hash)
    {
        Span<byte> sum = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(hash), sum);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(sum);
    }

    /// <summary>A user principal name's shape: person@contoso.com, at most 113 characters (Entra's limit: 64 before the @, 48 after).</summary>
    public static bool IsUserPrincipalName(string text) => text.Length <= MaxUserPrincipalName && UserPrincipalName().IsMatch(text);

    public const int MaxUserPrincipalName = 113;

    /// <summary>
    /// Serial numbers are short (7 to about 55 characters, a VM's with spaces); the limit keeps a hardware hash in the
    /// wrong column out of every message, key and state, since a serial number is all of those.
    /// </summary>
    public const int MaxSerialNumber = 64;

    /// <summary>A hardware hash is a few kilobytes; anything shorter than 64 bytes is a value from another column.</summary>
    public const int MinHashLength = 88;

    /// <summary>Group tags are short labels (graph-autopilot-journey.md gives no limit; 128 is this project's, far below a hash).</summary>
    public const int MaxGroupTag = 128;

    /// <summary>Why a serial number cannot be one, in words that never show it unless it is short and printable; null when it can.</summary>
    public static string? SerialProblem(string serial) => serial switch
    {
        { Length: 0 } => $"has no {SerialColumn}.",
        { Length: > MaxSerialNumber } => $"has a {SerialColumn} of {serial.Length} characters (not shown); accepted: at most {MaxSerialNumber}. "
            + $"Is a {HashColumn} in the wrong column? The header's order is {SerialColumn}, {ProductColumn}, {HashColumn}.",
        _ when serial.Any(c => c < ' ' || c > '~') => $"has a {SerialColumn} with a character other than a printable ASCII letter, digit, space or mark (not shown).",
        _ => null,
    };

    /// <summary>Why a group tag cannot be one (the words follow "has a Group Tag"); null when it can.</summary>
    public static string? GroupTagProblem(string tag) => tag switch
    {
        { Length: > MaxGroupTag } => $"of {tag.Length} characters (not shown); accepted: at most {MaxGroupTag}. Is a {HashColumn} in the wrong column?",
        _ when tag.Any(c => c < ' ' || c == ',') => "with a comma or a control character (not shown); accepted: a label without them.",
        _ => null,
    };

    [GeneratedRegex(@"^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){4}$")]
    private static partial Regex ProductKey();

    [GeneratedRegex(@"^\d{5}-\d{5}-\d{5}-[A-Za-z]{2}\d{3}$")]
    private static partial Regex ProductId();

    /// <summary>The OEM's Windows Product ID (PKID), as OEMs and Get-WindowsAutopilotInfo fill the column: 13 digits (issue #25).</summary>
    [GeneratedRegex(@"^\d{13}$")]
    private static partial Regex Pkid();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex UserPrincipalName();
}
