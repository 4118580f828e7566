using EntraDevices.Graph.AutopilotDevices;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Objects;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// Refresh: the recorded devices as the tenant holds them. Intune's replicas lag behind an import (a new device can be
/// missing from reads for some seconds, graph-autopilot-journey.md §0), so a device recorded as registered that the
/// list lacks is dropped only when it is still missing after the lag is waited out, as the object lifecycle believes
/// a 404; a refresh right after an up then never forgets what the up registered.
/// </summary>
internal static class DevicesRefresh
{
    public static async Task<DeviceLedger> ReadAsync(AutopilotDeviceClient client, DeviceLedger ledger, Consistency lag, Operation operation)
    {
        var byId = await lag.ReadUntilAsync(_ => ListAsync(client, operation),
            listed => Missing(ledger, listed).Count is var missing and > 0 ? $"{missing} recorded device(s) not in Autopilot's list yet" : null,
            operation.Token, operation.StatusAsync);
        var live = ledger.Devices
            .Where(d => d.Pending || byId.ContainsKey(d.DeviceId))
            .Select(d => d.Pending ? d : d with { GroupTag = byId[d.DeviceId].GroupTag, AssignedUser = byId[d.DeviceId].UserPrincipalName })
            .ToList();
        return ledger with { Devices = live };
    }

    private static async Task<Dictionary<string, AutopilotDevice>> ListAsync(AutopilotDeviceClient client, Operation operation) =>
        (await GraphFailures.BeforeWrite(() => client.DevicesAsync(operation.Token), "read the Autopilot devices"))
            .ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);

    private static List<RecordedDevice> Missing(DeviceLedger ledger, Dictionary<string, AutopilotDevice> byId) =>
        [.. ledger.Devices.Where(d => !d.Pending && !byId.ContainsKey(d.DeviceId))];
}
