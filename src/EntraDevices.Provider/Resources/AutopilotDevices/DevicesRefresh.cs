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
        var byId = await ListUntilAsync(lag, operation, () => ListAsync(client, operation),
            listed => Missing(ledger, listed).Count is var missing and > 0 ? $"{missing} recorded device(s) not in Autopilot's list yet" : null);
        var live = ledger.Devices
            .Where(d => d.Pending || byId.ContainsKey(d.DeviceId))
            .Select(d => d.Pending ? d : d with { GroupTag = byId[d.DeviceId].GroupTag, AssignedUser = byId[d.DeviceId].UserPrincipalName })
            .ToList();
        return ledger with { Devices = live };
    }

    /// <summary>
    /// Reads until <paramref name="lacking"/> finds nothing lacking or the lag's waits run out (each wait told as a status); the last read.
    /// </summary>
    /// <param name="lacking">What the read still lacks, in words; null when nothing.</param>
    public static async Task<T> ListUntilAsync<T>(Consistency lag, Operation operation, Func<Task<T>> read, Func<T, string?> lacking)
    {
        var listed = await read();
        foreach (var wait in lag.Waits)
        {
            if (lacking(listed) is not { } what)
            {
                break;
            }

            await operation.StatusAsync($"{what}; reading again in {wait.TotalSeconds:0.#} s (Intune's replicas lag)");
            await Task.Delay(wait, operation.Token);
            listed = await read();
        }

        return listed;
    }

    private static async Task<Dictionary<string, AutopilotDevice>> ListAsync(AutopilotDeviceClient client, Operation operation) =>
        (await GraphFailures.BeforeWrite(() => client.DevicesAsync(operation.Token), "read the Autopilot devices"))
            .ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);

    private static List<RecordedDevice> Missing(DeviceLedger ledger, Dictionary<string, AutopilotDevice> byId) =>
        [.. ledger.Devices.Where(d => !d.Pending && !byId.ContainsKey(d.DeviceId))];
}
