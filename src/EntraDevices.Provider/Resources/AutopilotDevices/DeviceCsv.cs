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

/// <summary>What is wrong with one line of the CSV, in words that name the line (and the file, in a folder) and never show a hash.</summary>
internal sealed record CsvProblem(int Line, string Reason)
{
    /// <summary>The file of a folder the line is in; null for a single file.</summary>
    public string? File { get; init; }

    public string Where => File is null ? $"line {Line}" : $"{File} line {Line}";

    public override string ToString() => $"{Where}: {Reason}";
}

/// <summary>What a read has seen so far, across the files of one folder: each serial number and hash, and where (serial numbers are unique across files).</summary>
internal sealed class CsvSeen
{
    public Dictionary<string, CsvProblem> Serials { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<UInt128, CsvProblem> Hashes { get; } = [];
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
    /// <param name="seen">Shared by the reads of one folder's files, so a serial number or hash is one device across them.</param>
    /// <param name="file">The file's name in a folder, for the problems' words; null for a single file.</param>
    public static IEnumerable<DeviceRow> Read(TextReader reader, ICollection<CsvProblem> problems, bool keepHashes = false, CsvSeen? seen = null, string? file = null)
    {
        problems = file is null ? problems : new InFile(problems, file);
        seen ??= new CsvSeen();
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

            if (seen.Serials.TryGetValue(row.SerialNumber, out var earlier))
            {
                problems.Add(new CsvProblem(number, $"repeats serial number {row.SerialNumber} of {Other(earlier, file)}; each device may appear once."));
                continue;
            }

            if (seen.Hashes.TryGetValue(row.HashDigest, out var same))
            {
                // One device in two rows: Graph refuses the second (ZtdDeviceDuplicated), then its retry (806). Never show the hash.
                problems.Add(new CsvProblem(number, $"has the same {HashColumn} as {Other(same, file)} (the hash is not shown): one device in two rows; keep one."));
                continue;
            }

            var here = new CsvProblem(number, "") { File = file };
            seen.Serials[row.SerialNumber] = here;
            seen.Hashes[row.HashDigest] = here;
            yield return row;
        }
    }

    /// <summary>Where an earlier row is, in words: its line, and its file when that is another one.</summary>
    private static string Other(CsvProblem earlier, string? file) => earlier.File is null || earlier.File == file ? $"line {earlier.Line}" : earlier.Where;

    /// <summary>Problems added for one file of a folder carry its name.</summary>
    private sealed class InFile(ICollection<CsvProblem> inner, string file) : ICollection<CsvProblem>
    {
        public int Count => inner.Count;

        public bool IsReadOnly => false;

        public void Add(CsvProblem item) => inner.Add(item with { File = file });

        public void Clear() => throw new NotSupportedException();

        public bool Contains(CsvProblem item) => inner.Contains(item);

        public void CopyTo(CsvProblem[] array, int arrayIndex) => inner.CopyTo(array, arrayIndex);

        public bool Remove(CsvProblem item) => throw new NotSupportedException();

        public IEnumerator<CsvProblem> GetEnumerator() => inner.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
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
