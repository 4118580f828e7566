using System.Diagnostics;
using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Lifecycle.Sets;

/// <summary>
/// The lifecycle of every set resource, written once: the id is the stack's own; a plan compares the recorded items
/// with the file's by key (no Graph call at preview); an apply brings the tenant there item by item and records what
/// happened whatever stops it; a failure of some items records the others (a partial failure whose state says which
/// are in and which are not), and the next run retries only those; refresh drops only items known gone; items removed
/// from the file, and all of them on destroy, are deleted when the program says so and kept otherwise.
/// </summary>
internal sealed class SetResource<TRow, TItem>(ISetKind<TRow, TItem> kind, Func<GraphConnection> connection) : IResource
{
    private SetNames Names => kind.Names;

    public string Token => kind.Token;

    public CheckResult Check(ResourceCheck check) => kind.Check(check);

    public DiffResult Diff(ResourceDiff diff)
    {
        var changes = new Dictionary<string, PropertyChange>();
        foreach (var (name, fallback) in Names.ScalarInputs)
        {
            var before = diff.OldOutputs.At(name)?.Plain ?? PropertyValue.Null;
            var after = diff.NewInputs.At(name)?.Plain ?? (fallback is null ? PropertyValue.Null : new StringValue(fallback));
            if (!Equals(before, after))
            {
                changes[name] = before is NullValue ? PropertyChange.Add : after is NullValue ? PropertyChange.Delete : PropertyChange.Update;
            }
        }

        var rows = kind.Rows(diff.NewInputs, fresh: false);
        if (rows is null)
        {
            changes[kind.Source] = PropertyChange.Update;
            return new DiffResult(changes);
        }

        var ledger = Ledger(diff.OldOutputs);
        var plan = Plan(ledger, rows);
        foreach (var row in plan.Added)
        {
            changes[Names.ItemPath(kind.KeyOf(row))] = PropertyChange.Add;
        }

        foreach (var item in plan.Changed)
        {
            changes[Names.ItemPath(kind.KeyOf(item.Now))] = PropertyChange.Update;
        }

        foreach (var item in plan.Removed)
        {
            changes[Names.ItemPath(item.Key)] = PropertyChange.Delete;
        }

        foreach (var key in plan.FailuresGone)
        {
            changes[Names.FailedPath(key)] = PropertyChange.Delete;
        }

        List<string> notes = plan.IsEmpty ? [] : [Told(plan, diff.NewInputs)];
        if (Names.Tallies is { } tallies && kind.Leftover(ledger) is { } leftover)
        {
            // Left by an earlier run: this up goes on with it.
            changes[tallies] = PropertyChange.Update;
            notes.Add(leftover);
        }

        kind.Settle(rows.Count);
        return new DiffResult(changes) { Notes = notes };
    }

    public async Task<CreateResult> CreateAsync(ResourceCreate create, Operation operation)
    {
        if (create.Preview)
        {
            // The engine asks no Diff of a new resource: the first preview tells the plan itself. No Graph call.
            if (kind.Rows(create.Inputs, fresh: false) is { } rows)
            {
                await operation.NoteAsync(Told(Plan(SetLedger<TItem>.Empty, rows), create.Inputs));
                kind.Settle(rows.Count);
            }

            return new CreateResult("", Promised(create.Inputs));
        }

        var id = Guid.NewGuid().ToString();
        return new CreateResult(id, await ApplyAsync(id, SetLedger<TItem>.Empty, create.Inputs, operation, creating: true));
    }

    public async Task<ObjectValue> UpdateAsync(ResourceUpdate update, Operation operation) => update.Preview
        ? Promised(update.NewInputs)
        : await ApplyAsync(update.Id, Ledger(update.OldOutputs), update.NewInputs, operation, creating: false);

    public async Task<ReadResult> ReadAsync(ResourceRead read, Operation operation)
    {
        var endpoint = kind.Endpoint(connection());
        if (read.IsImport)
        {
            var (found, inputs) = await GraphFailures.BeforeWrite(() => endpoint.ImportAsync(read.Id, operation), $"read the {kind.Noun} of {read.Id}");
            return new ReadResult(read.Id, found.Outputs(inputs, Names, kind), inputs);
        }

        var work = new SetWork<TItem>(Ledger(read.Properties));
        await GraphFailures.BeforeWrite(async () =>
        {
            await endpoint.RefreshAsync(work, operation);
            return true;
        }, $"read the {kind.Noun} of {read.Id}");
        return new ReadResult(read.Id, work.Ledger.Outputs(read.Inputs.Properties.Count > 0 ? read.Inputs : read.Properties, Names, kind), read.Inputs);
    }

    public async Task DeleteAsync(ResourceDelete delete, Operation operation)
    {
        var ledger = Ledger(delete.Properties);
        var all = ledger.Items.Select(i => new RecordedItem<TItem>(i.Key, i.Value)).ToList();
        var work = new SetWork<TItem>(ledger);
        await RemoveAsync(work, all, delete.Properties, operation);
        var deleted = all.Count - work.Items.Count;
        if (work.Problems.Count > 0 || work.Unknowns.Count > 0)
        {
            var message = $"{deleted} of the {all.Count} {kind.ItemNoun}(s) were deleted; the others stay. A destroy that fails keeps the stack's state "
                + "as it was: run `pulumi destroy` again once the cause is fixed, and it finds the deleted ones gone. " + string.Join(" ", work.Unknowns.Concat(work.Problems));
            // Only a destroy that deleted nothing is "nothing changed".
            throw deleted == 0 && work.Unknowns.Count == 0
                ? new CleanFailure(CleanFailureReason.Refused, message)
                : new StateUnknown(message, delete.Properties, null, delete.Id);
        }
    }

    public JsonObject Schema() => kind.Schema();

    private SetLedger<TItem> Ledger(ObjectValue outputs) => SetLedger<TItem>.FromOutputs(outputs, Names, kind);

    private SetPlan<TRow, TItem> Plan(SetLedger<TItem> ledger, IEnumerable<TRow> rows) =>
        SetPlan<TRow, TItem>.Compare(ledger.Items, rows, kind.KeyOf, kind.Same, ledger.Failed);

    private string Told(SetPlan<TRow, TItem> plan, ObjectValue inputs) => kind.Told(plan, inputs);

    /// <summary>What a preview can promise: the inputs as given; the items are known only once applied.</summary>
    private ObjectValue Promised(ObjectValue inputs) => SetLedger<TItem>.Empty.Outputs(inputs, Names, kind)
        .With(Names.Items, PropertyValue.Unknown).With(Names.Failed, PropertyValue.Unknown).With(Names.Count, PropertyValue.Unknown);

    /// <summary>Items removed from the file (or all, on destroy): deleted when the program says so, otherwise they only leave the state.</summary>
    private async Task RemoveAsync(SetWork<TItem> work, IReadOnlyList<RecordedItem<TItem>> removed, ObjectValue inputs, Operation operation)
    {
        if (removed.Count == 0)
        {
            return;
        }

        if (kind.DeletesRemoved(inputs))
        {
            await kind.Endpoint(connection()).RemoveAsync(work, removed, operation);
            return;
        }

        foreach (var item in removed)
        {
            work.Forget(item.Key);
        }

        await operation.NoteAsync($"{removed.Count} {kind.ItemNoun}(s) left the stack but stay {kind.KeptWhere} (whenRemoved: keep): "
            + $"{Listing.FirstOf([.. removed.Select(i => i.Key)], 20)}.");
    }

    private async Task<ObjectValue> ApplyAsync(string id, SetLedger<TItem> before, ObjectValue inputs, Operation operation, bool creating)
    {
        var rows = kind.Rows(inputs, fresh: true)
            ?? throw new CleanFailure(CleanFailureReason.InvalidInput, $"'{kind.Source}' cannot be read. Nothing was changed.");
        var plan = Plan(before, rows);
        kind.Settle(rows.Count);
        var work = new SetWork<TItem>(before);
        foreach (var key in plan.FailuresGone)
        {
            work.ForgetFailure(key);
        }

        var clock = Stopwatch.StartNew();
        try
        {
            await RemoveAsync(work, plan.Removed, inputs, operation);
            await kind.Endpoint(connection()).ApplyAsync(work, plan, inputs, clock.Elapsed, operation);
        }
        catch (Exception stopped) when (GraphFailures.Stopped(stopped))
        {
            work.Fail($"Stopped before the end ({stopped.Message.TrimEnd('.')}); what was done is recorded.");
        }

        // The outputs of a large set are built from the ledger alone: what the apply read and sent is garbage by now.
        kind.Settle(work.Items.Count);
        return Outcome(id, work, inputs, creating);
    }

    /// <summary>The apply's result as the engine must record it: clean, partly done (which items are in and which not), or nothing at all.</summary>
    private ObjectValue Outcome(string id, SetWork<TItem> work, ObjectValue inputs, bool creating)
    {
        var outputs = work.Ledger.Outputs(inputs, Names, kind);
        var reasons = new List<string>();
        if (work.Failed.Count > 0)
        {
            reasons.Add($"{work.Failed.Count} {kind.ItemNoun}(s) {kind.NotIn}: "
                + string.Join("; ", work.Failed.Take(25).Select(f => $"{f.Key}: {f.Value}")) + (work.Failed.Count > 25 ? $"; and {work.Failed.Count - 25} more (see the '{Names.Failed}' output)" : "")
                + (work.Items.Count > 0 ? ". The others are recorded; `pulumi up` retries only these." : "."));
        }

        reasons.AddRange(work.Problems);
        reasons.InsertRange(0, work.Unknowns);
        if (creating && reasons.Count > 0 && work.Unknowns.Count == 0 && work.Items.Count == 0)
        {
            // Not one item is in the tenant or pending: nothing exists to record, and the next run starts afresh.
            throw new CleanFailure(CleanFailureReason.Refused, $"Not one {kind.ItemNoun} was added. {string.Join(" ", reasons)} Nothing was changed.");
        }

        return reasons.Count == 0 ? outputs : throw new PartialFailure(id, outputs, reasons, inputs);
    }
}
