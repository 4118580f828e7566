using System.Security.Cryptography;
using System.Text;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// What state keeps of one device: a digest of what the import sends (serial, product key, hardware hash), never the
/// hash itself, and the properties changed without a re-import (group tag, assigned user).
/// </summary>
internal sealed record RecordedDevice(string SerialNumber, string ImportDigest, string? GroupTag, string? AssignedUser);

/// <summary>
/// What an apply must do to bring the tenant from the recorded devices to the CSV's, by serial number: import the new
/// and those whose hash or product key changed, update the properties of those whose group tag or user changed, and
/// handle the removed as the program declares. Pure; the hash only enters a digest.
/// </summary>
internal sealed record DevicePlan(
    IReadOnlyList<DeviceRow> Added,
    IReadOnlyList<DeviceRow> Reimported,
    IReadOnlyList<DeviceRow> PropertiesChanged,
    IReadOnlyList<RecordedDevice> Removed)
{
    public bool IsEmpty => Added.Count == 0 && Reimported.Count == 0 && PropertiesChanged.Count == 0 && Removed.Count == 0;

    /// <param name="defaultGroupTag">The group tag of rows that name none.</param>
    /// <param name="defaultUser">The assigned user of rows that name none.</param>
    public static DevicePlan Compare(IReadOnlyCollection<RecordedDevice> recorded, IReadOnlyList<DeviceRow> rows, string? defaultGroupTag = null, string? defaultUser = null)
    {
        var known = recorded.ToDictionary(d => d.SerialNumber, StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        List<DeviceRow> added = [], reimported = [], changed = [];
        foreach (var row in rows)
        {
            seen.Add(row.SerialNumber);
            if (!known.TryGetValue(row.SerialNumber, out var before))
            {
                added.Add(row);
            }
            else if (before.ImportDigest != ImportDigest(row))
            {
                reimported.Add(row);
            }
            else if (before.GroupTag != (row.GroupTag ?? defaultGroupTag) || !string.Equals(before.AssignedUser, row.AssignedUser ?? defaultUser, StringComparison.OrdinalIgnoreCase))
            {
                changed.Add(row);
            }
        }

        return new DevicePlan(added, reimported, changed, [.. recorded.Where(d => !seen.Contains(d.SerialNumber))]);
    }

    /// <summary>SHA-256 of what the import sends; the same device exported twice gives the same digest.</summary>
    public static string ImportDigest(DeviceRow row) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{row.SerialNumber.ToUpperInvariant()}\n{row.ProductKey}\n{row.HardwareHash}")));

    /// <summary>What state records of a row once it is in the tenant.</summary>
    public static RecordedDevice Record(DeviceRow row, string? defaultGroupTag = null, string? defaultUser = null) =>
        new(row.SerialNumber, ImportDigest(row), row.GroupTag ?? defaultGroupTag, row.AssignedUser ?? defaultUser);

    /// <summary>The preview's summary: counts, and which serial numbers (the first few of each).</summary>
    public string Summary(int listed = 10)
    {
        static string Which(IEnumerable<string> serials, int listed)
        {
            var all = serials.ToList();
            return all.Count == 0 ? "" : $" ({string.Join(", ", all.Take(listed))}{(all.Count > listed ? $", and {all.Count - listed} more" : "")})";
        }

        return $"{Added.Count} to import{Which(Added.Select(r => r.SerialNumber), listed)}, "
            + $"{Reimported.Count} to import again (hash or product key changed){Which(Reimported.Select(r => r.SerialNumber), listed)}, "
            + $"{PropertiesChanged.Count} with a new group tag or user{Which(PropertiesChanged.Select(r => r.SerialNumber), listed)}, "
            + $"{Removed.Count} removed from the CSV{Which(Removed.Select(r => r.SerialNumber), listed)}";
    }
}
