using EntraDevices.Graph;
using EntraDevices.Graph.AutopilotDevices;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Objects;
using EntraDevices.Provider.Lifecycle.Sets;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// Long batches of requests (a chunk's hashes, thousands of deletes) leave their garbage in the oldest generation,
/// which the runtime collects rarely: left alone, 10,000 devices take the provider past 300 MB. One full collection
/// per chunk (milliseconds, against requests of seconds) keeps the peak near what one chunk needs.
/// </summary>
internal static class Memory
{
    /// <summary>Below this many devices the garbage is small and the runtime's own pace is fine.</summary>
    public const int Large = 1000;

    public static void Settle() => GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

    /// <summary>After a whole CSV was read (Check, Diff, an apply's plan): settles when it was large.</summary>
    public static void SettleAfter(int devices)
    {
        if (devices >= Large)
        {
            Settle();
        }
    }
}

/// <summary>
/// How imports are paced: devices per bulk import (the portal's 500 per file; Graph gives no limit), the polls' waits,
/// and how long a device missing from a read is waited for before it is believed gone (Intune's replica lag).
/// </summary>
internal sealed record ImportPacing(int ChunkSize, Backoff Polls, Consistency? Lag = null)
{
    public static readonly ImportPacing Default = new(500, new Backoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30)));

    public Consistency Lag { get; } = Lag ?? Consistency.Intune;

    /// <summary>Finished import records a run deletes at most (about 200 s at Intune's 100 writes per 20 s) …</summary>
    public int CleanupBudget { get; init; } = 1000;

    /// <summary>… and for at most this long; later runs delete the rest (<see cref="ImportCleanup"/>).</summary>
    public TimeSpan CleanupTime { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>A run that imported or changed devices deletes records for as long as the rest of it took, and at least this long.</summary>
    public TimeSpan CleanupFloor { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Imports devices: the CSV is read again as a stream and only the rows to import are sent, a chunk at a time; the
/// import records are polled by page with backoff until each is complete or in error (progress after each poll),
/// then deleted. Every outcome lands in the <see cref="DeviceWork"/>, so what state records is what happened.
/// </summary>
internal sealed class DeviceImport(AutopilotDeviceClient client, CsvFile csv, ImportPacing pacing)
{
    /// <summary>
    /// Why a device is in <c>failed</c> after the answer to its import was lost and no record of it was found: it may be
    /// registered. The next import of it that ends in ZtdDeviceAlreadyAssigned (806) then finds it by serial number.
    /// </summary>
    public const string LostAnswer = "the answer to its import was lost and no import record of it was found, so whether it is registered is not known; "
        + "the next `pulumi up` imports it, or finds it registered";

    /// <summary>Imports and polls; this run's import id and its finished import records, for <see cref="ImportCleanup"/>.</summary>
    public async Task<(string ImportId, IReadOnlyList<ImportRecord> Finished)> RunAsync(
        SetWork<RecordedDevice> work, PropertyValue asset, IReadOnlyDictionary<string, CsvDevice> toImport, IReadOnlyList<RecordedDevice> pending, Operation operation)
    {
        var waiting = new Dictionary<string, CsvDevice>(StringComparer.OrdinalIgnoreCase);
        foreach (var device in pending)
        {
            waiting[device.ImportRecordId!] = new CsvDevice(0, device.SerialNumber, device.ImportDigest, device.GroupTag, device.AssignedUser);
        }

        var importId = Guid.NewGuid().ToString();
        var chunks = (toImport.Count + pacing.ChunkSize - 1) / pacing.ChunkSize;
        var sent = 0;
        try
        {
            foreach (var chunk in Chunks(asset, toImport))
            {
                await operation.StatusAsync($"Importing devices {sent + 1} to {sent + chunk.Count} of {toImport.Count} ({(sent / pacing.ChunkSize) + 1} of {chunks} imports)");
                var records = await SendAsync(work, chunk, importId, operation);
                if (records is null)
                {
                    work.Fail($"Importing stopped: {toImport.Count - sent - chunk.Count} more device(s) of the CSV were not sent; run `pulumi up` again to import them.");
                    break;
                }

                var bySerial = chunk.ToDictionary(c => c.Device.SerialNumber, c => c.Device, StringComparer.OrdinalIgnoreCase);
                foreach (var record in records)
                {
                    if (bySerial.TryGetValue(record.SerialNumber, out var device))
                    {
                        waiting[record.Id] = device;
                    }
                }

                sent += chunk.Count;
                chunk.Clear();
                Memory.Settle();
            }
        }
        catch (Exception stopped) when (GraphFailures.Stopped(stopped))
        {
            // Stopped (the operation's timeout, Cancel): the imports already made are recorded as pending, for the next run.
            RecordPending(work, waiting);
            throw;
        }

        return (importId, waiting.Count > 0 ? await PollAsync(work, waiting, importId, operation) : []);
    }

    private static void RecordPending(SetWork<RecordedDevice> work, Dictionary<string, CsvDevice> waiting)
    {
        foreach (var (recordId, device) in waiting)
        {
            work.Record(RecordedDevice.Of(device, RecordedDevice.PendingOn(recordId)));
        }
    }

    /// <summary>The rows to import, read from the CSV again (hashes only for one chunk at a time).</summary>
    private IEnumerable<List<(CsvDevice Device, DeviceToImport Import)>> Chunks(PropertyValue asset, IReadOnlyDictionary<string, CsvDevice> toImport)
    {
        var chunk = new List<(CsvDevice, DeviceToImport)>(Math.Min(pacing.ChunkSize, toImport.Count));
        foreach (var row in csv.Read(asset, new List<CsvProblem>(), keepHashes: true))
        {
            if (toImport.TryGetValue(row.SerialNumber, out var device))
            {
                chunk.Add((device, new DeviceToImport(row.SerialNumber, row.ProductKey, row.HardwareHash!, device.GroupTag, device.AssignedUser)));
                if (chunk.Count == pacing.ChunkSize)
                {
                    yield return chunk;
                    chunk = new List<(CsvDevice, DeviceToImport)>(pacing.ChunkSize);
                }
            }
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    /// <summary>One bulk import; null when it was refused or its answer lost and importing should stop.</summary>
    private async Task<IReadOnlyList<ImportRecord>?> SendAsync(SetWork<RecordedDevice> work, List<(CsvDevice Device, DeviceToImport Import)> chunk, string importId, Operation operation)
    {
        try
        {
            return await client.ImportAsync([.. chunk.Select(c => c.Import)], importId, operation.Token);
        }
        catch (Exception stop) when (GraphFailures.Stopped(stop))
        {
            // Stopped while the import was on its way: it may have been made.
            foreach (var (device, _) in chunk)
            {
                work.DeviceFailed(device.SerialNumber, LostAnswer);
            }

            work.Unknown($"Stopped while importing {chunk.Count} device(s), so whether that import was made is not known. They are recorded in 'failed'; "
                + "run `pulumi up` again: it imports them, and finds by serial number any this import did register.");
            throw;
        }
        catch (GraphRequestException refused) when (!refused.OutcomeUnknown)
        {
            foreach (var (device, _) in chunk)
            {
                work.DeviceFailed(device.SerialNumber, $"the import was refused: {refused.Message.TrimEnd('.')}");
            }

            work.Fail($"{Sentences.End(refused.Message)} None of the {chunk.Count} device(s) of that import was registered.");
            return null;
        }
        catch (Exception lost) when (GraphFailures.StepFailed(lost))
        {
            // The import may have been made: its records carry this run's import id, so a read of the records tells
            // (read again while some are missing, as Intune's replicas lag behind the import).
            try
            {
                var found = await Reread.AfterFailureAsync(
                    token => pacing.Lag.ReadUntilAsync(async t => Ours(await client.ImportRecordsAsync(t), chunk, importId),
                        records => records.Count < chunk.Count ? $"{chunk.Count - records.Count} import record(s) of a lost answer not found yet" : null,
                        token, operation.StatusAsync),
                    search => new InvalidOperationException(search.Message, search));
                var foundSerials = found.Select(r => r.SerialNumber).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var missing = chunk.Where(c => !foundSerials.Contains(c.Device.SerialNumber)).ToList();
                foreach (var (device, _) in missing)
                {
                    work.DeviceFailed(device.SerialNumber, LostAnswer);
                }

                if (missing.Count == 0)
                {
                    // Made once, and every record found: nothing is unknown, so the run goes on as if answered.
                    await operation.NoteAsync($"{Sentences.End(lost.Message)} All {chunk.Count} device(s) of that import were found among the import records "
                        + "by this run's import id, so it was made once and is followed.");
                }
                else
                {
                    work.Fail($"{Sentences.End(lost.Message)} {found.Count} of the {chunk.Count} device(s) of that import were found among the import records and are followed; "
                        + $"the other {missing.Count} are recorded in 'failed', and the next `pulumi up` imports them again (one this import did register is then found by its serial number).");
                }

                return found;
            }
            catch (InvalidOperationException search)
            {
                foreach (var (device, _) in chunk)
                {
                    work.DeviceFailed(device.SerialNumber, LostAnswer);
                }

                work.Unknown($"{Sentences.End(lost.Message)} Whether the import of {chunk.Count} device(s) was made is not known, and reading the import records "
                    + $"failed too ({search.Message.TrimEnd('.')}). They are recorded in 'failed'; run `pulumi up` again: it imports them, and finds by serial number "
                    + "any this import did register.");
                return null;
            }
        }
    }

    private static List<ImportRecord> Ours(IReadOnlyList<ImportRecord> records, List<(CsvDevice Device, DeviceToImport Import)> chunk, string importId)
    {
        var serials = chunk.Select(c => c.Device.SerialNumber).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. records.Where(r => r.ImportId == importId && serials.Contains(r.SerialNumber))];
    }

    private async Task<IReadOnlyList<ImportRecord>> PollAsync(SetWork<RecordedDevice> work, Dictionary<string, CsvDevice> waiting, string importId, Operation operation)
    {
        var total = waiting.Count;
        var finished = new List<ImportRecord>();
        var (registered, failed) = (0, 0);
        try
        {
            await Polling.UntilDoneAsync(async token =>
            {
                // Only the records that finished are kept as the pages are read: a poll of 100,000 pending ones holds none of them.
                foreach (var record in await client.ImportRecordsAsync(token, r => r.Finished && waiting.ContainsKey(r.Id)))
                {
                    finished.Add(record);
                    _ = Settle(work, record, waiting[record.Id]) ? registered++ : failed++;
                    waiting.Remove(record.Id);
                }

                if (total >= Memory.Large)
                {
                    // A poll of 100,000 records reads a few hundred megabytes of pages: their garbage goes before the next.
                    Memory.Settle();
                }

                // Counted as they are: registered, failed, still being imported (a failed one is never counted as imported).
                return new Polling.Poll<int>(waiting.Count == 0, waiting.Count, $"{registered} of {total} devices registered"
                    + (failed > 0 ? $", {failed} failed" : "") + (waiting.Count > 0 ? $", {waiting.Count} still being imported" : ""));
            }, pacing.Polls, operation);
        }
        catch (Exception stopped) when (GraphFailures.Stopped(stopped))
        {
            // The operation's time is up: what is still pending is recorded, for the next run to settle, and so are the finished records.
            RecordPending(work, waiting);
            work.LeaveImportRecords(importId, finished.Count(r => r.ImportId == importId));
            throw;
        }
        catch (Exception stopped) when (stopped is PollingStopped<int> or GraphRequestException or UnexpectedPolicyShapeException)
        {
            work.Fail($"{waiting.Count} import(s) were still pending when {(stopped is PollingStopped<int> ? "the wait ended" : $"polling failed ({stopped.Message.TrimEnd('.')})")}; "
                + "they are recorded as pending and the next `pulumi up` checks them again.");
        }

        RecordPending(work, waiting);
        if (operation.Token.IsCancellationRequested)
        {
            // No time left to find ids: a registered device without one is left for the next run to find by serial number.
            foreach (var device in work.Devices.Values.Where(d => d.DeviceId.Length == 0).ToList())
            {
                work.DeviceFailed(device.SerialNumber, LostAnswer);
            }

            work.LeaveImportRecords(importId, finished.Count(r => r.ImportId == importId));
            return [];
        }

        await FindMissingIdsAsync(work, operation);
        return finished;
    }

    /// <summary>Records a finished import; true when its device is registered (imported now, or found registered after a lost answer).</summary>
    private static bool Settle(SetWork<RecordedDevice> work, ImportRecord record, CsvDevice device)
    {
        if (record.Succeeded)
        {
            work.Record(RecordedDevice.Of(device, record.DeviceId ?? ""));
            work.Imported++;
            return true;
        }

        if (record.ErrorName == "ZtdDeviceAlreadyAssigned" && work.Failed.TryGetValue(device.SerialNumber, out var before) && before == LostAnswer)
        {
            // An earlier import whose answer was lost did register it: its id is found by serial number below.
            work.Record(RecordedDevice.Of(device, ""));
            work.Imported++;
            return true;
        }

        work.DeviceFailed(device.SerialNumber, record.Reason);
        return false;
    }

    /// <summary>A complete import without its device's id: the device record is found by serial number in one paged list.</summary>
    private async Task FindMissingIdsAsync(SetWork<RecordedDevice> work, Operation operation)
    {
        var missing = work.Devices.Values.Where(d => d.DeviceId.Length == 0).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var bySerial = await pacing.Lag.ReadUntilAsync(
            async token => (await client.DevicesAsync(token)).ToLookup(d => d.SerialNumber, StringComparer.OrdinalIgnoreCase),
            listed => missing.Count(d => !listed[d.SerialNumber].Any()) is var lacking and > 0 ? $"{lacking} registered device(s) not in Autopilot's list yet" : null,
            operation.Token, operation.StatusAsync);
        foreach (var device in missing)
        {
            if (bySerial[device.SerialNumber].FirstOrDefault() is { } found)
            {
                work.Record(device with { DeviceId = found.Id });
            }
            else
            {
                work.Forget(device.SerialNumber);
                work.DeviceFailed(device.SerialNumber, "its import completed, but no Autopilot device with its serial number was found; run `pulumi refresh`, then `pulumi up`");
            }
        }
    }
}
