using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using EntraDevices.Provider.Lifecycle.Sets;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>The group tag and user of rows that name none (the resource's <c>groupTag</c> and <c>assignedUser</c>).</summary>
internal sealed record DeviceDefaults(string? GroupTag, string? AssignedUser)
{
    public static readonly DeviceDefaults None = new(null, null);
}

/// <summary>
/// One row of the CSV without its hash: the digest of what the import sends, and the group tag and user it declares
/// (defaults filled in). What planning keeps of 10,000 rows is this, never the hashes.
/// </summary>
internal sealed record CsvDevice(int Line, string SerialNumber, string ImportDigest, string? GroupTag, string? AssignedUser)
{
    public static CsvDevice Of(DeviceRow row, DeviceDefaults defaults) =>
        new(row.Line, row.SerialNumber, row.ImportDigest, row.GroupTag ?? defaults.GroupTag, row.AssignedUser ?? defaults.AssignedUser);
}

/// <summary>
/// What state keeps of one device: its Graph id (or the import record still pending), a digest of what the import
/// sent (serial, product key, hardware hash), never the hash, and the group tag and user it was given.
/// </summary>
internal sealed record RecordedDevice(string SerialNumber, string DeviceId, string ImportDigest, string? GroupTag, string? AssignedUser)
{
    /// <summary>The digest of a device brought in by <c>pulumi import</c>: the tenant does not tell its hash, so any row matches.</summary>
    public const string UnknownDigest = "imported";

    private const string PendingPrefix = "pending:";

    public bool Pending => DeviceId.StartsWith(PendingPrefix, StringComparison.Ordinal);

    public string? ImportRecordId => Pending ? DeviceId[PendingPrefix.Length..] : null;

    public static string PendingOn(string importRecordId) => $"{PendingPrefix}{importRecordId}";

    public static RecordedDevice Of(CsvDevice device, string deviceId) => new(device.SerialNumber, deviceId, device.ImportDigest, device.GroupTag, device.AssignedUser);

    public bool SameRow(CsvDevice device) => ImportDigest == UnknownDigest || ImportDigest == device.ImportDigest;

    public bool SameProperties(CsvDevice device) => SameGroupTag(device) && SameUser(device);

    /// <summary>Group tags are compared as written; none and an empty one are the same.</summary>
    public bool SameGroupTag(CsvDevice device) => (GroupTag ?? "") == (device.GroupTag ?? "");

    /// <summary>User principal names are compared whatever their case; none and an empty one are the same.</summary>
    public bool SameUser(CsvDevice device) => string.Equals(AssignedUser ?? "", device.AssignedUser ?? "", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A device in the CSV and in state that needs work: its row now, and what state recorded.</summary>
internal sealed record ChangedDevice(CsvDevice Now, RecordedDevice Before);

/// <summary>
/// What an apply must do to bring the tenant from the recorded devices to the CSV's, by serial number: import the new
/// (and those that failed before), import again those whose hash or product key changed, update the group tag or user
/// of others, wait for imports still pending, and handle the removed as the program declares. Pure.
/// </summary>
internal sealed record DevicePlan(
    IReadOnlyList<CsvDevice> Added,
    IReadOnlyList<ChangedDevice> Reimported,
    IReadOnlyList<ChangedDevice> PropertiesChanged,
    IReadOnlyList<ChangedDevice> Pending,
    IReadOnlyList<RecordedDevice> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Reimported.Count == 0 && PropertiesChanged.Count == 0 && Pending.Count == 0 && Removed.Count == 0;

    /// <summary>Devices that failed before and are no longer in the CSV: their failure is no longer news.</summary>
    public IReadOnlyList<string> FailuresGone { get; init; } = [];

    /// <summary>How many of <see cref="Added"/> failed before: the retries.</summary>
    public int Retried { get; init; }

    /// <param name="failed">The devices that failed before, by serial number (state's <c>failed</c>).</param>
    public static DevicePlan Compare(IReadOnlyCollection<RecordedDevice> recorded, IEnumerable<CsvDevice> rows, IReadOnlyDictionary<string, string>? failed = null) =>
        From(SetPlan<CsvDevice, RecordedDevice>.Compare(
            recorded.ToDictionary(d => d.SerialNumber, StringComparer.OrdinalIgnoreCase), rows, row => row.SerialNumber,
            (before, row) => !before.Pending && before.SameRow(row) && before.SameProperties(row), failed));

    /// <summary>The set lifecycle's plan in the devices' words: of the changed, which wait for an import, which are imported again, which only change a group tag or user.</summary>
    public static DevicePlan From(SetPlan<CsvDevice, RecordedDevice> plan)
    {
        List<ChangedDevice> reimported = [], changed = [], pending = [];
        foreach (var item in plan.Changed)
        {
            var device = new ChangedDevice(item.Now, item.Before);
            (item.Before.Pending ? pending : !item.Before.SameRow(item.Now) ? reimported : changed).Add(device);
        }

        return new DevicePlan(plan.Added, reimported, changed, pending, [.. plan.Removed.Select(r => r.Item)])
        {
            FailuresGone = plan.FailuresGone,
            Retried = plan.Retried,
        };
    }

    /// <summary>The first 128 bits of SHA-256 over what the import sends, hex; the same device exported twice gives the same digest.</summary>
    public static string ImportDigest(string serial, string? productKey, ReadOnlySpan<char> hash)
    {
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        digest.AppendData(Encoding.UTF8.GetBytes($"{serial.ToUpperInvariant()}\n{productKey}\n"));
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.ASCII.GetMaxByteCount(hash.Length));
        try
        {
            digest.AppendData(bytes, 0, Encoding.ASCII.GetBytes(hash, bytes));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }

        return Convert.ToHexStringLower(digest.GetHashAndReset().AsSpan(0, 16));
    }

    /// <summary>The preview's summary: counts, and which serial numbers (the first few of each).</summary>
    public string Summary(int listed = 10)
    {
        string Which(IEnumerable<string> serials) => Listing.InParentheses(serials, listed);

        var summary = $"{Added.Count} to import{Which(Added.Select(r => r.SerialNumber))}, "
            + $"{Reimported.Count} to import again (hash or product key changed){Which(Reimported.Select(r => r.Now.SerialNumber))}, "
            + $"{PropertiesChanged.Count} with a new group tag or user{Which(PropertiesChanged.Select(r => r.Now.SerialNumber))}, "
            + $"{Removed.Count} removed from the CSV{Which(Removed.Select(r => r.SerialNumber))}";
        return Pending.Count == 0 ? summary : $"{summary}, {Pending.Count} still being imported{Which(Pending.Select(r => r.Now.SerialNumber))}";
    }
}
