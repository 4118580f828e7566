using EntraDevices.Graph;
using EntraDevices.Graph.AutopilotDevices;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Sets;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// Devices no longer in the CSV (or all of them, on destroy): forgotten (<c>whenRemoved: keep</c>), or deleted with
/// Graph's bulk <c>deleteDevices</c>, a hundred serial numbers a request (graph-autopilot-journey.md §2). Graph answers
/// 200 whatever became of each device, and never deletes an enrolled one, so every device it did not say it deleted
/// is read back: gone (forgotten), enrolled (named, kept), or still there (kept, with Graph's reason). A device is
/// forgotten only when it is known to be gone; a lost answer leaves it recorded, for the next run to delete again.
/// </summary>
internal sealed class DeviceRemoval(AutopilotDeviceClient client)
{
    /// <summary>Deletes the devices (the set lifecycle keeps them instead when whenRemoved is keep).</summary>
    public async Task RemoveAsync(SetWork<RecordedDevice> work, IReadOnlyList<RecordedDevice> removed, Operation operation)
    {
        if (removed.Count == 0)
        {
            return;
        }

        foreach (var device in removed.Where(d => d.Pending))
        {
            work.Forget(device.SerialNumber);
            work.Fail($"Device {device.SerialNumber} was still being imported, so it was not deleted; if it is registered now, delete it in the Intune admin center.");
        }

        var registered = removed.Where(d => !d.Pending).ToList();
        var tally = new Tally();
        foreach (var batch in registered.Chunk(AutopilotDeviceClient.MaxSerialsPerDelete))
        {
            if (!await DeleteAsync(work, batch, tally, operation))
            {
                break;
            }

            await operation.StatusAsync($"{tally.Deleted} of {registered.Count} removed devices deleted from Autopilot"
                + (tally.Kept > 0 ? $", {tally.Kept} kept" : ""));
        }

        if (tally.Enrolled.Count > 0)
        {
            work.Fail($"{tally.Enrolled.Count} device(s) removed from the CSV are enrolled in Intune and were not deleted (an enrolled device is never deleted): "
                + $"{Listing.FirstOf(tally.Enrolled, 20)}. Retire or delete them in Intune first, or set whenRemoved: keep.");
        }

    }

    /// <summary>One request for a batch, then each device's outcome; false when Graph refused the request itself and the rest should not be sent.</summary>
    private async Task<bool> DeleteAsync(SetWork<RecordedDevice> work, RecordedDevice[] batch, Tally tally, Operation operation)
    {
        IReadOnlyList<DeviceDeletion> outcomes;
        try
        {
            outcomes = await client.DeleteDevicesAsync([.. batch.Select(d => d.SerialNumber)], operation.Token);
        }
        catch (GraphRequestException refused) when (!refused.OutcomeUnknown && refused.Kind != GraphFailureKind.Cancelled)
        {
            // Nothing of this request was done (a 403, a 400): these and the rest stay recorded as they were.
            tally.Kept += batch.Length;
            work.Fail($"Could not delete {batch.Length} device(s) ({Listing.FirstOf([.. batch.Select(d => d.SerialNumber)], 10)}): {refused.Message.TrimEnd('.')}. "
                + "They are recorded as they were, and so is every other device still to delete; run `pulumi up` again once that is fixed.");
            return false;
        }
        catch (Exception lost) when (GraphFailures.StepFailed(lost))
        {
            // The answer was lost: each device is read back to learn what became of it.
            outcomes = [.. batch.Select(d => new DeviceDeletion(d.SerialNumber, DeletionOutcome.Unknown, null, null, lost.Message.TrimEnd('.')))];
        }

        var bySerial = batch.ToDictionary(d => d.SerialNumber, StringComparer.OrdinalIgnoreCase);
        foreach (var outcome in outcomes)
        {
            var device = bySerial[outcome.SerialNumber];
            if (outcome.Outcome == DeletionOutcome.Deleted)
            {
                work.Forget(device.SerialNumber);
                work.Changed++;
                tally.Deleted++;
                continue;
            }

            await ReadBackAsync(work, device, outcome, tally, operation);
        }

        return true;
    }

    /// <summary>A device Graph did not say it deleted: what the tenant holds of it decides what state records.</summary>
    private async Task ReadBackAsync(SetWork<RecordedDevice> work, RecordedDevice device, DeviceDeletion outcome, Tally tally, Operation operation)
    {
        AutopilotDevice? live;
        try
        {
            live = await client.DeviceAsync(device.DeviceId, operation.Token);
        }
        catch (Exception unreadable) when (GraphFailures.StepFailed(unreadable))
        {
            tally.Kept++;
            work.Fail($"{Sentences.End(outcome.Reason)} Reading the device back failed too ({unreadable.Message.TrimEnd('.')}), so it stays recorded as registered; "
                + "the next `pulumi up` deletes it if it is still there.");
            return;
        }

        if (live is null)
        {
            // Gone: deleted by this request (its answer lost or vague) or outside Pulumi. Either way not in the tenant.
            work.Forget(device.SerialNumber);
            work.Changed++;
            tally.Deleted++;
        }
        else if (live.Enrolled)
        {
            tally.Kept++;
            tally.Enrolled.Add($"{device.SerialNumber} ({device.DeviceId})");
        }
        else
        {
            // Still there (a refusal, or a read the replicas have not caught up with): recorded as registered, deleted again next time.
            tally.Kept++;
            work.Fail($"{Sentences.End(outcome.Reason)} It is still in Autopilot as read now, so it stays recorded as registered; the next `pulumi up` deletes it again.");
        }
    }

    private sealed class Tally
    {
        public int Deleted { get; set; }

        public int Kept { get; set; }

        public List<string> Enrolled { get; } = [];
    }
}
