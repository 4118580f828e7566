using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Lifecycle.Sets;

/// <summary>
/// The lifecycle of every set resource, written once: the id is the stack's own; a plan compares the recorded items
/// with the file's by key (no Graph call at preview); an apply brings the tenant there item by item and records what
/// happened whatever stops it; a failure of some items records the others (a partial failure whose state says which
/// are in and which are not), and the next run retries only those; refresh drops only items known gone; destroy
/// deletes the items when the program says so, and keeps them otherwise.
/// </summary>
internal sealed class SetResource<TRow>(ISetKind<TRow> kind, Func<GraphConnection> connection) : IResource
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

        var plan = Plan(SetLedger.FromOutputs(diff.OldOutputs, Names), rows);
        foreach (var row in plan.Added)
        {
            changes[Names.ItemPath(kind.KeyOf(row))] = PropertyChange.Add;
        }

        foreach (var item in plan.Changed)
        {
            changes[Names.ItemPath(item.Before.Key)] = PropertyChange.Update;
        }

        foreach (var item in plan.Removed)
        {
            changes[Names.ItemPath(item.Key)] = PropertyChange.Delete;
        }

        foreach (var key in plan.FailuresGone)
        {
            changes[Names.FailedPath(key)] = PropertyChange.Delete;
        }

        return new DiffResult(changes) { Notes = plan.IsEmpty ? [] : [Told(plan, diff.NewInputs)] };
    }

    public async Task<CreateResult> CreateAsync(ResourceCreate create, Operation operation)
    {
        if (create.Preview)
        {
            // The engine asks no Diff of a new resource: the first preview tells the plan itself. No Graph call.
            if (kind.Rows(create.Inputs, fresh: false) is { } rows)
            {
                await operation.NoteAsync(Told(Plan(SetLedger.Empty, rows), create.Inputs));
            }

            return new CreateResult("", Promised(create.Inputs));
        }

        var id = Guid.NewGuid().ToString();
        return new CreateResult(id, await ApplyAsync(id, SetLedger.Empty, create.Inputs, operation, creating: true));
    }

    public async Task<ObjectValue> UpdateAsync(ResourceUpdate update, Operation operation) => update.Preview
        ? Promised(update.NewInputs)
        : await ApplyAsync(update.Id, SetLedger.FromOutputs(update.OldOutputs, Names), update.NewInputs, operation, creating: false);

    public async Task<ReadResult> ReadAsync(ResourceRead read, Operation operation)
    {
        var endpoint = kind.Endpoint(connection());
        if (read.IsImport)
        {
            var found = await GraphFailures.BeforeWrite(() => endpoint.ImportAsync(operation), $"read the {kind.Noun} of {read.Id}");
            return new ReadResult(read.Id, found.Outputs(ObjectValue.Empty, Names), ObjectValue.Empty);
        }

        var work = new SetWork(SetLedger.FromOutputs(read.Properties, Names));
        await GraphFailures.BeforeWrite(async () =>
        {
            await endpoint.RefreshAsync(work, operation);
            return true;
        }, $"read the {kind.Noun} of {read.Id}");
        return new ReadResult(read.Id, work.Ledger.Outputs(read.Inputs.Properties.Count > 0 ? read.Inputs : read.Properties, Names), read.Inputs);
    }

    public async Task DeleteAsync(ResourceDelete delete, Operation operation)
    {
        if (!kind.DeletesRemoved(delete.Properties))
        {
            await operation.NoteAsync($"The {kind.Noun} stay in the tenant (whenRemoved is keep); they leave only the stack's state.");
            return;
        }

        var ledger = SetLedger.FromOutputs(delete.Properties, Names);
        var work = new SetWork(ledger);
        await kind.Endpoint(connection()).RemoveAsync(work, [.. ledger.Items.Select(i => new RecordedItem(i.Key, i.Value))], operation);
        if (work.Problems.Count > 0 || work.Unknowns.Count > 0)
        {
            var deleted = ledger.Items.Count - work.Items.Count;
            var message = $"{deleted} of the {ledger.Items.Count} {kind.Noun} were deleted; the others stay. A destroy that fails keeps the stack's state as it "
                + "was: run `pulumi destroy` again once the cause is fixed, and it finds the deleted ones gone. " + string.Join(" ", work.Unknowns.Concat(work.Problems));
            // Only a destroy that deleted nothing is "nothing changed".
            throw deleted == 0 && work.Unknowns.Count == 0
                ? new CleanFailure(CleanFailureReason.Refused, message)
                : new StateUnknown(message, delete.Properties, null, delete.Id);
        }
    }

    public JsonObject Schema() => kind.Schema();

    private SetPlan<TRow> Plan(SetLedger ledger, IEnumerable<TRow> rows) => SetPlan<TRow>.Compare(ledger, rows, kind.KeyOf, kind.Same);

    private string Told(SetPlan<TRow> plan, ObjectValue inputs) =>
        $"{Sentences.Capitalized(kind.Noun)}: {plan.Summary(kind.KeyOf, kind.ChangedWhat)}"
        + (plan.Removed.Count > 0 ? kind.DeletesRemoved(inputs) ? " (deleted from the tenant)" : " (kept in the tenant: whenRemoved is keep)" : "") + ".";

    /// <summary>What a preview can promise: the inputs as given; the items are known only once applied.</summary>
    private ObjectValue Promised(ObjectValue inputs) => SetLedger.Empty.Outputs(inputs, Names)
        .With(Names.Items, PropertyValue.Unknown).With(Names.Failed, PropertyValue.Unknown).With(Names.Count, PropertyValue.Unknown);

    private async Task<ObjectValue> ApplyAsync(string id, SetLedger before, ObjectValue inputs, Operation operation, bool creating)
    {
        var rows = kind.Rows(inputs, fresh: true)
            ?? throw new CleanFailure(CleanFailureReason.InvalidInput, $"'{kind.Source}' cannot be read. Nothing was changed.");
        var plan = Plan(before, rows);
        var work = new SetWork(before);
        foreach (var key in plan.FailuresGone)
        {
            work.ForgetFailure(key);
        }

        var endpoint = kind.Endpoint(connection());
        try
        {
            if (plan.Removed.Count > 0)
            {
                if (kind.DeletesRemoved(inputs))
                {
                    await endpoint.RemoveAsync(work, plan.Removed, operation);
                }
                else
                {
                    // Kept in the tenant, as the program declares: they only leave the stack's state.
                    foreach (var item in plan.Removed)
                    {
                        work.Forget(item.Key);
                    }
                }
            }

            await endpoint.ApplyAsync(work, plan, operation);
        }
        catch (Exception stopped) when (GraphFailures.Stopped(stopped))
        {
            work.Fail($"Stopped before the end ({stopped.Message.TrimEnd('.')}); what was done is recorded.");
        }

        return Outcome(id, work, inputs, creating);
    }

    /// <summary>The apply's result as the engine must record it: clean, partly done (which items are in and which not), or nothing at all.</summary>
    private ObjectValue Outcome(string id, SetWork work, ObjectValue inputs, bool creating)
    {
        var outputs = work.Ledger.Outputs(inputs, Names);
        var reasons = new List<string>();
        if (work.Failed.Count > 0)
        {
            reasons.Add($"{work.Failed.Count} of the {kind.Noun} are not in the tenant as declared: "
                + string.Join("; ", work.Failed.Take(25).Select(f => $"{f.Key}: {f.Value}")) + (work.Failed.Count > 25 ? $"; and {work.Failed.Count - 25} more (see the '{Names.Failed}' output)" : "")
                + (work.Items.Count > 0 ? ". The others are recorded; `pulumi up` retries only these." : "."));
        }

        reasons.AddRange(work.Problems);
        reasons.InsertRange(0, work.Unknowns);
        if (creating && reasons.Count > 0 && work.Unknowns.Count == 0 && work.Items.Count == 0)
        {
            // Not one item is in the tenant: nothing exists to record, and the next run starts afresh.
            throw new CleanFailure(CleanFailureReason.Refused, $"None of the {kind.Noun} was added. {string.Join(" ", reasons)} Nothing was changed.");
        }

        return reasons.Count == 0 ? outputs : throw new PartialFailure(id, outputs, reasons, inputs);
    }
}
