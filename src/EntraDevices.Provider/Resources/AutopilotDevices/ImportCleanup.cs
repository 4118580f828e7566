using System.Diagnostics;
using EntraDevices.Graph;
using EntraDevices.Graph.AutopilotDevices;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Sets;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// Deletes finished import records within a budget per run. Graph has no bulk delete for them, each DELETE is one of
/// Intune's 100 writes per 20 s, and a record left behind does not change its device (graph-autopilot-journey.md §2):
/// at 10,000 devices, deleting them all would be half an hour of a run whose devices are long registered. A run that
/// imported or changed devices deletes for no longer than the rest of it took (at least <see cref="ImportPacing.CleanupFloor"/>),
/// so the cleanup never dominates it; a run that only cleans up (its preview said so) takes up to the whole budget.
/// What is left is kept in state by import id (<c>leftImportRecords</c>), told in a note, and deleted by later runs,
/// which their Diff announces. Only records of this stack's own imports are ever deleted.
/// </summary>
internal sealed class ImportCleanup(AutopilotDeviceClient client, ImportPacing pacing)
{
    /// <param name="finished">This run's finished import records.</param>
    /// <param name="importId">This run's import id (null when it imported nothing).</param>
    /// <param name="spent">How long the run took before its cleanup; null when it only cleans up.</param>
    public async Task RunAsync(SetWork<RecordedDevice> work, IReadOnlyList<ImportRecord> finished, string? importId, TimeSpan? spent, Operation operation)
    {
        var run = new Run(client, pacing, TimeFor(spent, pacing), operation);
        await run.DeleteAsync(finished);
        // What this run could not delete is left under each record's own import (one an earlier run left pending has that run's).
        foreach (var import in finished.Skip(run.Deleted).GroupBy(r => r.ImportId ?? importId ?? "", StringComparer.OrdinalIgnoreCase).Where(g => g.Key.Length > 0))
        {
            work.LeaveImportRecords(import.Key, work.LeftImportRecords.GetValueOrDefault(import.Key) + import.Count());
        }

        var earlier = work.LeftImportRecords.Keys.Where(id => id != importId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (earlier.Count > 0 && run.CanGoOn)
        {
            try
            {
                var theirs = (await client.ImportRecordsAsync(operation.Token)).Where(r => r.Finished && r.ImportId is { } id && earlier.Contains(id)).ToList();
                var before = run.Deleted;
                await run.DeleteAsync(theirs);
                foreach (var id in earlier)
                {
                    work.LeaveImportRecords(id, theirs.Skip(run.Deleted - before).Count(r => r.ImportId == id));
                }
            }
            catch (Exception error) when (GraphFailures.StepFailed(error))
            {
                run.Stopped = error;
            }
        }

        if (run.Stopped is { } stopped)
        {
            await operation.NoteAsync($"Deleting finished import records stopped ({stopped.Message.TrimEnd('.')}); they do not affect their devices, "
                + "and later runs delete the rest.");
        }

        if (work.LeftImportRecords.Values.Sum() is var left and > 0)
        {
            await operation.NoteAsync($"{run.Deleted} finished import record(s) deleted; {left} left in Intune (they do not affect their devices). "
                + $"Later runs delete them, up to {pacing.CleanupBudget} a run (about 20 s per 100 past the first 100, at Intune's write limits); "
                + "the stack's 'leftImportRecords' counts them.");
        }
    }

    /// <summary>How long a run may delete: as long as the rest of it took, within the floor and the budget's time; the whole time when it only cleans up.</summary>
    public static TimeSpan TimeFor(TimeSpan? spent, ImportPacing pacing) =>
        spent is { } took ? TimeSpan.FromTicks(Math.Clamp(took.Ticks, pacing.CleanupFloor.Ticks, pacing.CleanupTime.Ticks)) : pacing.CleanupTime;

    /// <summary>One run's deletions against its budget and time; a failed DELETE stops them (the record stays, counted as left).</summary>
    private sealed class Run(AutopilotDeviceClient client, ImportPacing pacing, TimeSpan time, Operation operation)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public int Deleted { get; private set; }

        public Exception? Stopped { get; set; }

        public bool CanGoOn => Stopped is null && Deleted < pacing.CleanupBudget && _clock.Elapsed < time;

        public async Task DeleteAsync(IReadOnlyList<ImportRecord> records)
        {
            foreach (var record in records)
            {
                if (!CanGoOn)
                {
                    return;
                }

                try
                {
                    await client.DeleteImportRecordAsync(record.Id, operation.Token);
                }
                catch (Exception error) when (GraphFailures.StepFailed(error))
                {
                    Stopped = error;
                    return;
                }

                if (++Deleted % 100 == 0)
                {
                    await operation.StatusAsync($"{Deleted} finished import records deleted (at most {pacing.CleanupBudget} this run)");
                }

                if (Deleted % pacing.ChunkSize == 0)
                {
                    Memory.Settle();
                }
            }
        }
    }
}
