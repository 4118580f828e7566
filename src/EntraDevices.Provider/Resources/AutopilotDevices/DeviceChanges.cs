using EntraDevices.Graph;
using EntraDevices.Graph.AutopilotDevices;
using EntraDevices.Provider.Lifecycle;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// The work on devices already registered, one device at a time: the group tag and user through Graph's actions (not
/// a re-import), removals as declared (an enrolled device is never deleted), the old record of a device whose hash
/// changed, and imports left pending by an earlier run. A failure stops only its own device.
/// </summary>
internal sealed class DeviceChanges(AutopilotDeviceClient client)
{
    public async Task UpdatePropertiesAsync(DeviceWork work, IReadOnlyList<ChangedDevice> changed, Operation operation)
    {
        var done = 0;
        foreach (var (now, recorded) in changed)
        {
            var before = recorded;
            await PerDevice(work, before, $"update Autopilot device {now.SerialNumber}", async token =>
            {
                if (!before.SameGroupTag(now))
                {
                    await client.SetGroupTagAsync(before.DeviceId, now.SerialNumber, now.GroupTag, token);
                    work.Record(before = before with { GroupTag = now.GroupTag });
                }

                if (!before.SameUser(now))
                {
                    await (now.AssignedUser is { } user
                        ? client.AssignUserAsync(before.DeviceId, now.SerialNumber, user, token)
                        : client.UnassignUserAsync(before.DeviceId, now.SerialNumber, token));
                    work.Record(before with { AssignedUser = now.AssignedUser });
                }

                work.Changed++;
            }, operation.Token);
            await operation.StatusAsync($"{++done} of {changed.Count} devices given their new group tag or user");
        }
    }

    /// <summary>Devices no longer in the CSV (or all of them, on destroy): forgotten, or deleted unless enrolled.</summary>
    public async Task RemoveAsync(DeviceWork work, IReadOnlyList<RecordedDevice> removed, string whenRemoved, Operation operation)
    {
        if (removed.Count == 0)
        {
            return;
        }

        if (whenRemoved == DevicesProperties.Keep)
        {
            foreach (var device in removed)
            {
                work.Forget(device.SerialNumber);
            }

            await operation.NoteAsync($"{removed.Count} device(s) left the stack but stay registered in Autopilot (whenRemoved: keep): {Serials(removed)}.");
            return;
        }

        var enrolled = new List<string>();
        var done = 0;
        foreach (var device in removed)
        {
            if (device.Pending)
            {
                work.Forget(device.SerialNumber);
                work.Fail($"Device {device.SerialNumber} was still being imported, so it was not deleted; if it is registered now, delete it in the Intune admin center.");
                continue;
            }

            await PerDevice(work, device, $"delete Autopilot device {device.SerialNumber}", async token =>
            {
                var live = await client.DeviceAsync(device.DeviceId, token);
                if (live is { Enrolled: true })
                {
                    enrolled.Add($"{device.SerialNumber} ({device.DeviceId})");
                    return;
                }

                if (live is not null)
                {
                    await client.DeleteDeviceAsync(live, token);
                    work.Changed++;
                }

                work.Forget(device.SerialNumber);
            }, operation.Token);
            await operation.StatusAsync($"{++done} of {removed.Count} removed devices deleted from Autopilot");
        }

        if (enrolled.Count > 0)
        {
            work.Fail($"{enrolled.Count} device(s) removed from the CSV are enrolled in Intune and were not deleted (an enrolled device is never deleted): "
                + $"{Listing.FirstOf(enrolled, 20)}. "
                + "Retire or delete them in Intune first, or set whenRemoved: keep.");
        }
    }

    /// <summary>
    /// A device whose hash or product key changed must be registered anew: its old record is deleted first, unless it is
    /// enrolled. Returns those that may be imported now.
    /// </summary>
    public async Task<List<CsvDevice>> ClearForReimportAsync(DeviceWork work, IReadOnlyList<ChangedDevice> reimported, Operation operation)
    {
        var ready = new List<CsvDevice>();
        foreach (var (now, before) in reimported)
        {
            await PerDevice(work, before, $"delete the old record of Autopilot device {now.SerialNumber} to import its new hash", async token =>
            {
                var live = await client.DeviceAsync(before.DeviceId, token);
                if (live is { Enrolled: true })
                {
                    work.Fail($"Device {now.SerialNumber} has a new hash or product key in the CSV, but it is enrolled in Intune, so its record was kept and the new hash "
                        + "not imported. Retire it in Intune first, or restore its old row.");
                    return;
                }

                if (live is not null)
                {
                    await client.DeleteDeviceAsync(live, token);
                }

                work.Forget(now.SerialNumber);
                ready.Add(now);
            }, operation.Token);
        }

        return ready;
    }

    /// <summary>Imports an earlier run left pending: settled now, still pending (returned, to poll), or gone (to import again).</summary>
    public async Task<(List<RecordedDevice> StillPending, List<CsvDevice> Again)> ResolvePendingAsync(DeviceWork work, IReadOnlyList<ChangedDevice> pending, Operation operation)
    {
        List<RecordedDevice> still = [];
        List<CsvDevice> again = [];
        foreach (var (now, before) in pending)
        {
            await PerDevice(work, before, $"read the pending import of device {now.SerialNumber}", async token =>
            {
                switch (await client.ImportRecordAsync(before.ImportRecordId!, token))
                {
                    case null:
                        work.Forget(now.SerialNumber);
                        again.Add(now);
                        break;
                    case { Finished: false }:
                        still.Add(before);
                        break;
                    case { Succeeded: true, DeviceId: { Length: > 0 } id } record:
                        work.Record(before with { DeviceId = id });
                        work.Imported++;
                        await client.DeleteImportRecordAsync(record.Id, token);
                        break;
                    case var record:
                        work.DeviceFailed(now.SerialNumber, record.Reason);
                        await client.DeleteImportRecordAsync(record.Id, token);
                        break;
                }
            }, operation.Token);
        }

        return (still, again);
    }

    /// <summary>One device's step: a failure is that device's alone, told by serial number, and its record stays as it was.</summary>
    private static async Task PerDevice(DeviceWork work, RecordedDevice device, string what, Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        try
        {
            await step(cancellationToken);
        }
        catch (GraphRequestException error) when (error.Status == 404 && !device.Pending)
        {
            work.DeviceFailed(device.SerialNumber, "its Autopilot record was deleted outside Pulumi; the next `pulumi up` imports it again");
        }
        catch (Exception error) when (error is GraphRequestException or UnexpectedPolicyShapeException)
        {
            work.Fail($"Could not {what}: {error.Message.TrimEnd('.')}. Its record is kept as it was; run `pulumi up` again.");
        }
    }

    private static string Serials(IReadOnlyList<RecordedDevice> devices) => Listing.FirstOf([.. devices.Select(d => d.SerialNumber)], 20);
}
