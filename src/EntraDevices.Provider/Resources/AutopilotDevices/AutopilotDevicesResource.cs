using System.Text.Json.Nodes;
using EntraDevices.Graph;
using EntraDevices.Graph.AutopilotDevices;
using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Hosting;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.AutopilotDevices.DevicesProperties;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// A set of Windows Autopilot devices from the OEM's CSV (steps 3 and 7 of the journey). Its lifecycle is a set's: the
/// id is the stack's own, an apply brings the tenant from the recorded devices to the CSV's one device at a time, and a
/// failure of some devices records the others (a partial failure whose state says which are in and which are not).
/// Check and Diff read the CSV and never call Graph.
/// </summary>
internal sealed class AutopilotDevicesResource(Func<GraphConnection> connection, ProjectDirectories directories, ImportPacing? pacing = null) : IResource
{
    private readonly CsvFile _csv = new(directories);
    private readonly ImportPacing _pacing = pacing ?? ImportPacing.Default;

    public string Token => DevicesProperties.Token;

    public CheckResult Check(ResourceCheck check) => DevicesCheck.Check(check.NewInputs, _csv);

    public DiffResult Diff(ResourceDiff diff)
    {
        var changes = new Dictionary<string, PropertyChange>();
        foreach (var name in ScalarInputs)
        {
            var before = diff.OldOutputs.At(name)?.Plain ?? PropertyValue.Null;
            var after = diff.NewInputs.At(name)?.Plain ?? (name == WhenRemoved ? new StringValue(Keep) : PropertyValue.Null);
            if (!Equals(before, after))
            {
                changes[name] = before is NullValue ? PropertyChange.Add : after is NullValue ? PropertyChange.Delete : PropertyChange.Update;
            }
        }

        if (diff.NewInputs.At(Csv) is not { } asset || !CsvFile.IsSource(asset))
        {
            changes[Csv] = PropertyChange.Update;
            return new DiffResult(changes);
        }

        var ledger = DeviceLedger.FromOutputs(diff.OldOutputs);
        var rows = _csv.Devices(asset, Defaults(diff.NewInputs));
        var plan = DevicePlan.Compare(ledger.Devices, rows, ledger.Failed);
        foreach (var device in plan.Added)
        {
            changes[DevicePath(device.SerialNumber)] = PropertyChange.Add;
        }

        foreach (var device in plan.Reimported.Concat(plan.PropertiesChanged).Concat(plan.Pending))
        {
            changes[DevicePath(device.Now.SerialNumber)] = PropertyChange.Update;
        }

        foreach (var device in plan.Removed)
        {
            changes[DevicePath(device.SerialNumber)] = PropertyChange.Delete;
        }

        foreach (var serial in plan.FailuresGone)
        {
            changes[FailedPath(serial)] = PropertyChange.Delete;
        }

        List<string> notes = plan.IsEmpty ? [] : [Told(plan)];
        if (ledger.LeftImportRecords.Values.Sum() is var left and > 0)
        {
            // Left by an earlier run's budget: this up goes on deleting them (ImportCleanup).
            changes[LeftImportRecords] = PropertyChange.Update;
            notes.Add($"Autopilot devices: {left} finished import record(s) of earlier imports are still in Intune; this up deletes up to "
                + $"{_pacing.CleanupBudget} of them (they do not affect their devices; about 20 s per 100 past the first 100, at Intune's write limits).");
        }

        Memory.SettleAfter(rows.Count);
        return new DiffResult(changes) { Notes = notes };
    }

    public async Task<CreateResult> CreateAsync(ResourceCreate create, Operation operation)
    {
        if (create.Preview)
        {
            // The engine asks no Diff of a new resource: the first preview tells the counts itself (issue #25). No Graph call.
            if (create.Inputs.At(Csv) is { } asset && CsvFile.IsSource(asset) && _csv.Problem(asset) is null)
            {
                var rows = _csv.Devices(asset, Defaults(create.Inputs));
                await operation.NoteAsync(Told(DevicePlan.Compare([], rows)));
                Memory.SettleAfter(rows.Count);
            }

            return new CreateResult("", Promised(create.Inputs));
        }

        var id = Guid.NewGuid().ToString();
        return new CreateResult(id, await ApplyAsync(id, DeviceLedger.Empty, create.Inputs, operation, creating: true));
    }

    public async Task<ObjectValue> UpdateAsync(ResourceUpdate update, Operation operation) => update.Preview
        ? Promised(update.NewInputs)
        : await ApplyAsync(update.Id, DeviceLedger.FromOutputs(update.OldOutputs), update.NewInputs, operation, creating: false);

    public async Task<ReadResult> ReadAsync(ResourceRead read, Operation operation)
    {
        if (read.IsImport)
        {
            var devices = await GraphFailures.BeforeWrite(() => Client().DevicesAsync(operation.Token), $"read the Autopilot devices of {read.Id}");
            return DevicesImport.Read(read.Id, devices);
        }

        var ledger = await DevicesRefresh.ReadAsync(Client(), DeviceLedger.FromOutputs(read.Properties), _pacing.Lag, operation);
        return new ReadResult(read.Id, ledger.Outputs(read.Inputs.Properties.Count > 0 ? read.Inputs : read.Properties), read.Inputs);
    }

    public async Task DeleteAsync(ResourceDelete delete, Operation operation)
    {
        var ledger = DeviceLedger.FromOutputs(delete.Properties);
        var work = new DeviceWork(ledger);
        var deleted = await new DeviceRemoval(Client()).RemoveAsync(work, ledger.Devices, WhenRemovedOf(delete.Properties), operation);
        if (work.Problems.Count > 0)
        {
            throw new CleanFailure(CleanFailureReason.Refused,
                $"{deleted} of the {ledger.Devices.Count} device(s) were deleted from Autopilot; the others stay. A destroy that fails keeps the stack's "
                + $"state as it was, so it still lists all {ledger.Devices.Count}: run `pulumi destroy` again once the cause is fixed, and it finds the deleted ones gone. "
                + string.Join(" ", work.Problems));
        }
    }

    public JsonObject Schema() => DevicesSchema.Resource();

    private AutopilotDeviceClient Client() => new(connection());

    /// <summary>What a preview tells of the plan: counts, and the first serial numbers of each.</summary>
    private static string Told(DevicePlan plan) =>
        $"Autopilot devices: {plan.Summary()}{(plan.Retried > 0 ? $"; {plan.Retried} of those to import failed before and are retried" : "")}.";

    private static DeviceDefaults Defaults(ObjectValue inputs) =>
        new(Text(inputs, GroupTag), Text(inputs, AssignedUser));

    /// <summary>What a preview can promise: the inputs as given; the devices are known only once imported.</summary>
    private static ObjectValue Promised(ObjectValue inputs) => DeviceLedger.Empty.Outputs(inputs)
        .With(Devices, PropertyValue.Unknown).With(Failed, PropertyValue.Unknown).With(DeviceCount, PropertyValue.Unknown);

    /// <summary>
    /// One apply, in an order that never loses a device: pending imports settled, removals, new hashes cleared, group
    /// tags and users set, imports, one sync. What happened is recorded whatever stops it.
    /// </summary>
    private async Task<ObjectValue> ApplyAsync(string id, DeviceLedger before, ObjectValue inputs, Operation operation, bool creating)
    {
        var asset = inputs.At(Csv) is { } source && CsvFile.IsSource(source) ? source
            : throw new CleanFailure(CleanFailureReason.InvalidInput, $"'{Csv}' must be a FileAsset of the OEM's CSV, or a FileArchive of a folder of them. Nothing was changed.");
        var rows = _csv.Devices(asset, Defaults(inputs), fresh: true);
        var plan = DevicePlan.Compare(before.Devices, rows, before.Failed);
        Memory.SettleAfter(rows.Count);
        var work = new DeviceWork(before);
        foreach (var serial in plan.FailuresGone)
        {
            work.ForgetFailure(serial);
        }

        var client = Client();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var changes = new DeviceChanges(client);
        try
        {
            var (stillPending, again) = await changes.ResolvePendingAsync(work, plan.Pending, operation);
            await new DeviceRemoval(client).RemoveAsync(work, plan.Removed, WhenRemovedOf(inputs), operation);
            var reimport = await changes.ClearForReimportAsync(work, plan.Reimported, operation);
            await changes.UpdatePropertiesAsync(work, plan.PropertiesChanged, operation);
            var toImport = plan.Added.Concat(reimport).Concat(again).ToDictionary(d => d.SerialNumber, StringComparer.OrdinalIgnoreCase);
            var (importId, finished) = toImport.Count > 0 || stillPending.Count > 0
                ? await new DeviceImport(client, _csv, _pacing).RunAsync(work, asset, toImport, stillPending, operation)
                : (null, []);
            if (finished.Count > 0 || work.LeftImportRecords.Count > 0)
            {
                // A run that did nothing else is the cleanup run its preview announced: it may take the whole budget.
                var onlyCleanup = finished.Count == 0 && work.Imported + work.Changed == 0 && work.Problems.Count == 0;
                await new ImportCleanup(client, _pacing).RunAsync(work, finished, importId, onlyCleanup ? null : clock.Elapsed, operation);
            }

            if (work.Imported + work.Changed > 0)
            {
                await SyncAsync(client, operation);
            }
        }
        catch (Exception stopped) when (GraphFailures.Stopped(stopped))
        {
            work.Fail($"Stopped before the end ({stopped.Message.TrimEnd('.')}); what was done is recorded.");
        }

        // The outputs of a large set are built from the ledger alone: what the apply read and sent is garbage by now.
        Memory.SettleAfter(work.Devices.Count);
        return Outcome(id, work, inputs, creating);
    }

    private static async Task SyncAsync(AutopilotDeviceClient client, Operation operation)
    {
        try
        {
            var outcome = await client.SyncAsync(operation.Token);
            await operation.NoteAsync(outcome switch
            {
                SyncOutcome.Started => "Autopilot sync started: new devices and changes reach Autopilot's service within minutes.",
                SyncOutcome.AlreadyRunning => "An Autopilot sync is already running (409); it picks up these devices, so this is not a failure.",
                // A 429 is ambiguous: a sync within the last 10 minutes, or throttling that outlasted the waits. Never claim a sync ran.
                _ => "Graph answered the Autopilot sync with 429 (a sync ran within the last 10 minutes, or the request was throttled), so this run "
                    + "started none; Intune's next sync picks up these devices. Not a failure.",
            });
        }
        catch (Exception error) when (error is GraphRequestException or UnexpectedPolicyShapeException)
        {
            await operation.NoteAsync($"The devices are registered, but the Autopilot sync could not be asked for ({error.Message.TrimEnd('.')}); "
                + "Intune syncs on its own schedule, or use Sync in the Intune admin center.");
        }
    }

    /// <summary>The apply's result as the engine must record it: clean, partly done (which devices are in and which not), or unknown.</summary>
    private static ObjectValue Outcome(string id, DeviceWork work, ObjectValue inputs, bool creating)
    {
        var outputs = work.Ledger.Outputs(inputs);
        var reasons = new List<string>();
        if (work.Failed.Count > 0)
        {
            reasons.Add($"{work.Failed.Count} device(s) are not registered: "
                + string.Join("; ", work.Failed.Take(25).Select(f => $"{f.Key}: {f.Value}")) + (work.Failed.Count > 25 ? $"; and {work.Failed.Count - 25} more (see the 'failed' output)" : "")
                + (work.Devices.Count > 0 ? ". The others are recorded; `pulumi up` retries only these." : "."));
        }

        reasons.AddRange(work.Problems);
        reasons.InsertRange(0, work.Unknowns);
        if (creating && reasons.Count > 0 && work.Unknowns.Count == 0 && work.Devices.Count == 0)
        {
            // Not one device is in the tenant or pending: nothing exists to record, and the next run starts afresh.
            throw new CleanFailure(CleanFailureReason.Refused, $"No device was registered. {string.Join(" ", reasons)} Nothing was changed.");
        }

        return reasons.Count == 0 ? outputs : throw new PartialFailure(id, outputs, reasons, inputs);
    }
}
