using EntraDevices.Graph.AutopilotDevices;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Sets;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.AutopilotDevices.DevicesProperties;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// <c>pulumi import</c> of devices already registered: the id names them, <c>all</c>, <c>serials:SN1,SN2</c> or
/// <c>groupTag:Sales</c>. The tenant never tells a device's hash, so each is recorded with an unknown digest that
/// any row of the CSV matches; the id stays the one given.
/// </summary>
internal static class DevicesImport
{
    public const string BySerials = "serials:";
    public const string ByGroupTag = "groupTag:";
    public const string All = "all";
    private const string Accepted = $"accepted: {All} (every Autopilot device of the tenant), {BySerials}SN1,SN2 (serial numbers) or {ByGroupTag}<group tag>";

    public static (SetLedger<RecordedDevice> Ledger, ObjectValue Inputs) Read(string id, IReadOnlyList<AutopilotDevice> tenant)
    {
        List<AutopilotDevice> chosen;
        var inputs = new Dictionary<string, PropertyValue> { [WhenRemoved] = new StringValue(Keep) };
        if (id == All)
        {
            chosen = [.. tenant.DistinctBy(d => d.SerialNumber, StringComparer.OrdinalIgnoreCase)];
        }
        else if (id.StartsWith(BySerials, StringComparison.Ordinal))
        {
            // Serial numbers are one device whatever their case; one named twice is imported once.
            var serials = id[BySerials.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            var bySerial = tenant.ToLookup(d => d.SerialNumber, StringComparer.OrdinalIgnoreCase);
            var missing = serials.Where(s => !bySerial[s].Any()).ToList();
            if (serials.Length == 0 || missing.Count > 0)
            {
                throw new CleanFailure(CleanFailureReason.InvalidInput, serials.Length == 0
                    ? $"The import id '{id}' names no serial number; {Accepted}."
                    : $"No Autopilot device in the tenant has the serial number {string.Join(", ", missing)}; nothing was imported.");
            }

            chosen = [.. serials.Select(s => bySerial[s].First())];
        }
        else if (id.StartsWith(ByGroupTag, StringComparison.Ordinal) && id[ByGroupTag.Length..] is { Length: > 0 } tag)
        {
            chosen = [.. tenant.Where(d => string.Equals(d.GroupTag, tag, StringComparison.Ordinal)).DistinctBy(d => d.SerialNumber, StringComparer.OrdinalIgnoreCase)];
            if (chosen.Count == 0)
            {
                throw new CleanFailure(CleanFailureReason.InvalidInput, $"No Autopilot device in the tenant has the group tag '{tag}'; nothing was imported.");
            }

            inputs[GroupTag] = new StringValue(tag);
        }
        else
        {
            throw new CleanFailure(CleanFailureReason.InvalidInput,
                $"The import id '{id}' is not one this resource takes; {Accepted}.");
        }

        var ledger = new SetLedger<RecordedDevice>(
            chosen.ToDictionary(d => d.SerialNumber, d => new RecordedDevice(d.SerialNumber, d.Id, RecordedDevice.UnknownDigest, d.GroupTag, d.UserPrincipalName), StringComparer.OrdinalIgnoreCase),
            new Dictionary<string, string>());
        return (ledger, new ObjectValue(inputs));
    }
}
