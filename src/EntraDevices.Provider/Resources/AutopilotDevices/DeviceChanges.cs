using EntraDevices.Graph;
using EntraDevices.Graph.AutopilotDevices;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Sets;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// The work on devices already registered, one device at a time: the group tag and user through Graph's actions (not
/// a re-import), the old record of a device whose hash changed, and imports left pending by an earlier run (removals
/// are <see cref="DeviceRemoval"/>'s). A failure stops only its own device.
/// </summary>
internal sealed class DeviceChanges(AutopilotDeviceClient client)
{
    /// <summary>Why a device whose record Graph no longer has is in <c>failed</c>.</summary>
    private const string DeletedOutside = "its Autopilot record was deleted outside Pulumi; the next `pulumi up` imports it again";

    /// <summary>
    /// New group tags and users, through Graph's device actions. A change whose answer was lost is read back and
    /// recorded as the tenant holds it, so state never keeps an old value the tenant no longer has (or a new one it
    /// never got); the progress counts only the devices that were given their new values.
    /// </summary>
    public async Task UpdatePropertiesAsync(SetWork<RecordedDevice> work, IReadOnlyList<ChangedDevice> changed, Operation operation)
    {
        var (given, failed) = (0, 0);
        foreach (var (now, recorded) in changed)
        {
            var before = recorded;
            try
            {
                if (!before.SameGroupTag(now))
                {
                    await client.SetGroupTagAsync(before.DeviceId, now.SerialNumber, now.GroupTag, operation.Token);
                    work.Record(before = before with { GroupTag = now.GroupTag });
                }

                if (!before.SameUser(now))
                {
                    await (now.AssignedUser is { } user
                        ? client.AssignUserAsync(before.DeviceId, now.SerialNumber, user, operation.Token)
                        : client.UnassignUserAsync(before.DeviceId, now.SerialNumber, operation.Token));
                    work.Record(before = before with { AssignedUser = now.AssignedUser });
                }

                work.Changed++;
                given++;
            }
            catch (GraphRequestException lost) when (lost.OutcomeUnknown && lost.Kind != GraphFailureKind.Cancelled)
            {
                if (await ReadBackAsync(work, before, now, lost))
                {
                    given++;
                }
                else
                {
                    failed++;
                }
            }
            catch (GraphRequestException gone) when (gone.Status == 404)
            {
                failed++;
                work.DeviceFailed(now.SerialNumber, DeletedOutside);
            }
            catch (Exception error) when (GraphFailures.StepFailed(error))
            {
                failed++;
                work.Fail($"Could not update Autopilot device {now.SerialNumber}: {error.Message.TrimEnd('.')}. Its record is kept as it was; run `pulumi up` again.");
            }

            await operation.StatusAsync($"{given} of {changed.Count} devices given their new group tag or user" + (failed > 0 ? $", {failed} not" : ""));
        }
    }

    /// <summary>After a lost answer: the device as the tenant holds it is recorded; true when it holds what was declared.</summary>
    private async Task<bool> ReadBackAsync(SetWork<RecordedDevice> work, RecordedDevice before, CsvDevice now, GraphRequestException lost)
    {
        AutopilotDevice? live;
        try
        {
            live = await Reread.AfterFailureAsync(token => client.DeviceAsync(before.DeviceId, token), search => new InvalidOperationException(search.Message, search));
        }
        catch (InvalidOperationException search)
        {
            work.Fail($"The answer to the change of Autopilot device {now.SerialNumber} was lost ({lost.Message.TrimEnd('.')}), and reading it back failed too "
                + $"({search.Message.TrimEnd('.')}), so whether it changed is not known; its record is kept as it was and the next `pulumi up` sets it again.");
            return false;
        }

        if (live is null)
        {
            work.DeviceFailed(now.SerialNumber, DeletedOutside);
            return false;
        }

        var read = before with { GroupTag = live.GroupTag, AssignedUser = live.UserPrincipalName };
        work.Record(read);
        if (read.SameProperties(now))
        {
            work.Changed++;
            return true;
        }

        work.Fail($"The answer to the change of Autopilot device {now.SerialNumber} was lost ({lost.Message.TrimEnd('.')}); read back, it has group tag "
            + $"'{read.GroupTag}' and user '{read.AssignedUser}', which is what is recorded, and the next `pulumi up` sets the rest.");
        return false;
    }

    /// <summary>
    /// A device whose hash or product key changed must be registered anew: its old record is deleted first, unless it is
    /// enrolled. Returns those that may be imported now.
    /// </summary>
    public async Task<List<CsvDevice>> ClearForReimportAsync(SetWork<RecordedDevice> work, IReadOnlyList<ChangedDevice> reimported, Operation operation)
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
    public async Task<(List<RecordedDevice> StillPending, List<CsvDevice> Again)> ResolvePendingAsync(SetWork<RecordedDevice> work, IReadOnlyList<ChangedDevice> pending, Operation operation)
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
    private static async Task PerDevice(SetWork<RecordedDevice> work, RecordedDevice device, string what, Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        try
        {
            await step(cancellationToken);
        }
        catch (GraphRequestException error) when (error.Status == 404 && !device.Pending)
        {
            work.DeviceFailed(device.SerialNumber, DeletedOutside);
        }
        catch (Exception error) when (error is GraphRequestException or UnexpectedPolicyShapeException)
        {
            work.Fail($"Could not {what}: {error.Message.TrimEnd('.')}. Its record is kept as it was; run `pulumi up` again.");
        }
    }
}
