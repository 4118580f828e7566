using EntraDevices.Graph.AutopilotDevices;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Objects;
using EntraDevices.Provider.Lifecycle.Sets;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// Refresh: the recorded devices as the tenant holds them. Intune's replicas lag behind an import (a new device can be
/// missing from reads for some seconds, graph-autopilot-journey.md §0), so a device recorded as registered that the
/// list lacks is dropped only when it is still missing after the lag is waited out, as the object lifecycle believes
/// a 404; a refresh right after an up then never forgets what the up registered.
/// </summary>
internal static class DevicesRefresh
{
    public static async Task ReadAsync(AutopilotDeviceClient client, SetWork<RecordedDevice> work, Consistency lag, Operation operation)
    {
        var byId = await lag.ReadUntilAsync(_ => ListAsync(client, operation),
            listed => Missing(work, listed) is var missing and > 0 ? $"{missing} recorded device(s) not in Autopilot's list yet" : null,
            operation.Token, operation.StatusAsync);
        foreach (var device in work.Devices.Values.Where(d => !d.Pending).ToList())
        {
            if (byId.TryGetValue(device.DeviceId, out var live))
            {
                work.Record(device with { GroupTag = live.GroupTag, AssignedUser = live.UserPrincipalName });
            }
            else
            {
                work.Forget(device.SerialNumber);
            }
        }
    }

    private static async Task<Dictionary<string, AutopilotDevice>> ListAsync(AutopilotDeviceClient client, Operation operation) =>
        (await GraphFailures.BeforeWrite(() => client.DevicesAsync(operation.Token), "read the Autopilot devices"))
            .ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);

    private static int Missing(SetWork<RecordedDevice> work, Dictionary<string, AutopilotDevice> byId) =>
        work.Devices.Values.Count(d => !d.Pending && !byId.ContainsKey(d.DeviceId));
}
