using System.Diagnostics;
using EntraDevices.Graph;
using EntraDevices.Graph.AutopilotDevices;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Sets;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.AutopilotDevices.DevicesProperties;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// How Autopilot devices are read and written, in an order that never loses a device: pending imports settled, new
/// hashes cleared, group tags and users set, imports, the import records' cleanup, one sync (removals come first, from
/// the set lifecycle). What happened is recorded in the work whatever stops it.
/// </summary>
internal sealed class DevicesEndpoint(AutopilotDeviceClient client, CsvFile csv, ImportPacing pacing) : ISetEndpoint<CsvDevice, RecordedDevice>
{
    public async Task ApplyAsync(SetWork<RecordedDevice> work, SetPlan<CsvDevice, RecordedDevice> setPlan, ObjectValue inputs, TimeSpan elapsed, Operation operation)
    {
        var clock = Stopwatch.StartNew();
        var plan = DevicePlan.From(setPlan);
        var changes = new DeviceChanges(client);
        var (stillPending, again) = await changes.ResolvePendingAsync(work, plan.Pending, operation);
        var reimport = await changes.ClearForReimportAsync(work, plan.Reimported, operation);
        await changes.UpdatePropertiesAsync(work, plan.PropertiesChanged, operation);
        var toImport = plan.Added.Concat(reimport).Concat(again).ToDictionary(d => d.SerialNumber, StringComparer.OrdinalIgnoreCase);
        var (importId, finished) = toImport.Count > 0 || stillPending.Count > 0
            ? await new DeviceImport(client, csv, pacing).RunAsync(work, inputs.At(Csv)!, toImport, stillPending, operation)
            : (null, []);
        if (finished.Count > 0 || work.LeftImportRecords.Count > 0)
        {
            // A run that did nothing else is the cleanup run its preview announced: it may take the whole budget.
            var onlyCleanup = finished.Count == 0 && work.Imported + work.Changed == 0 && work.Problems.Count == 0;
            await new ImportCleanup(client, pacing).RunAsync(work, finished, importId, onlyCleanup ? null : elapsed + clock.Elapsed, operation);
        }

        if (work.Imported + work.Changed > 0)
        {
            await SyncAsync(operation);
        }
    }

    public async Task RemoveAsync(SetWork<RecordedDevice> work, IReadOnlyList<RecordedItem<RecordedDevice>> items, Operation operation) =>
        await new DeviceRemoval(client).RemoveAsync(work, [.. items.Select(i => i.Item)], operation);

    public Task RefreshAsync(SetWork<RecordedDevice> work, Operation operation) => DevicesRefresh.ReadAsync(client, work, pacing.Lag, operation);

    public async Task<(SetLedger<RecordedDevice> Ledger, ObjectValue Inputs)> ImportAsync(string id, Operation operation) =>
        DevicesImport.Read(id, await client.DevicesAsync(operation.Token));

    private async Task SyncAsync(Operation operation)
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
}
