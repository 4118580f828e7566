using System.Text.Json.Nodes;
using EntraDevices.Graph;
using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Resources;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Lifecycle.Settings;

/// <summary>
/// The lifecycle of every settings resource, written once: create adopts the tenant's object and writes only what
/// is declared, refresh records drift, import declares what it finds, destroy puts the declared fields back as
/// found (or to Entra's defaults) and leaves everything else alone.
/// </summary>
internal sealed class SettingsResource<TLive>(ISettings<TLive> kind, Func<GraphConnection> connection) : IResource
    where TLive : class
{
    public const string OnDestroy = "onDestroy";
    public const string RestoreOriginal = "restoreOriginal";
    public const string RestoreDefaults = "restoreDefaults";

    private readonly string[] _leaves = kind.Defaults is null ? [.. kind.Leaves] : [.. kind.Leaves, OnDestroy];

    public string Token => kind.Token;

    public CheckResult Check(ResourceCheck check)
    {
        if (kind.Defaults is null)
        {
            return kind.Check(check.NewInputs);
        }

        // onDestroy is the lifecycle's own input: checked here, defaulted, and hidden from the resource's check.
        var onDestroy = check.NewInputs.At(OnDestroy);
        var own = new ObjectValue(check.NewInputs.Properties.Where(p => p.Key != OnDestroy).ToDictionary());
        var result = kind.Check(own);
        var rules = new InputRules(check.NewInputs);
        rules.OneOf(OnDestroy, RestoreOriginal, RestoreDefaults);
        return new CheckResult(
            result.Inputs.With(OnDestroy, onDestroy ?? new StringValue(RestoreOriginal)),
            [.. result.Failures, .. rules.Failures],
            result.Warnings);
    }

    public DiffResult Diff(ResourceDiff diff) => LeafDiff.Compare(diff.OldOutputs, diff.NewInputs, _leaves, kind.IdLists, kind.ElementLists);

    public async Task<CreateResult> CreateAsync(ResourceCreate create, Operation operation)
    {
        if (create.Preview)
        {
            // Undeclared fields and the original are only known once Graph is read.
            var unknown = kind.Leaves.Concat(kind.ReadOnlyOutputs).Append(kind.OriginalProperty)
                .Aggregate(ObjectValue.Empty, (outputs, leaf) => outputs.With(leaf, PropertyValue.Unknown));
            return new CreateResult(kind.FixedId, LeafDiff.Promise(unknown, create.Inputs, _leaves));
        }

        var live = await ReadLive("adopt", operation);
        try
        {
            var applied = await Apply(live, kind.Declared(create.Inputs).ApplyTo(live), live, create.Inputs, "update", operation);
            return new CreateResult(kind.FixedId, Outputs(applied, live, create.Inputs));
        }
        catch (CleanFailure unsure) when (unsure.InnerException is GraphRequestException { OutcomeUnknown: true } lost)
        {
            // A re-read right after a write whose answer was lost may lag behind it: showing the object as it was proves
            // nothing, and a failed create leaves no state, so the next run would adopt the written value as the original.
            // Record the adoption instead, with what this first read found as the original, across every retry.
            throw new StateUnknown(
                $"{Sentences.End(lost.Message)} A re-read shows {kind.Noun} as it was, but a read right after a write can lag behind it, so the write "
                + $"may or may not have been applied. {Sentences.Capitalized(kind.Noun)} is recorded as adopted, with the settings it held before this run "
                + $"kept as {kind.OriginalProperty}; run `pulumi up` again to settle it.",
                Outputs(live, live, create.Inputs), unsure, kind.FixedId);
        }
    }

    public async Task<ReadResult> ReadAsync(ResourceRead read, Operation operation)
    {
        if (read.Id != kind.FixedId)
        {
            throw new CleanFailure(CleanFailureReason.InvalidInput,
                $"{Sentences.Capitalized(kind.Noun)} is tenant-wide, so its id is always '{kind.FixedId}'; got '{read.Id}'.");
        }

        var live = await ReadLive("read", operation);
        if (read.IsImport)
        {
            var imported = kind.Defaults is null ? kind.ImportedInputs(live) : kind.ImportedInputs(live).With(OnDestroy, new StringValue(RestoreOriginal));
            return new ReadResult(kind.FixedId, Outputs(live, live, imported), imported);
        }

        var original = kind.Recorded(read.Properties.At(kind.OriginalProperty)) ?? live;
        var onDestroy = read.Inputs.At(OnDestroy) is null ? read.Properties : read.Inputs;
        return new ReadResult(kind.FixedId, Outputs(live, original, read.Inputs, onDestroy), read.Inputs);
    }

    public async Task<ObjectValue> UpdateAsync(ResourceUpdate update, Operation operation)
    {
        if (update.Preview)
        {
            return LeafDiff.Promise(update.OldOutputs, update.NewInputs, _leaves);
        }

        var recorded = kind.Recorded(update.OldOutputs.At(kind.OriginalProperty));
        var live = await ReadLive("update", operation);
        var original = recorded ?? live;
        var applied = await Apply(live, kind.Declared(update.NewInputs).ApplyTo(live), original, update.NewInputs, "update", operation);
        return Outputs(applied, original, update.NewInputs);
    }

    public async Task DeleteAsync(ResourceDelete delete, Operation operation)
    {
        var declared = kind.Declared(delete.OldInputs);
        if (declared.IsEmpty)
        {
            // Nothing was declared, so nothing was written: there is nothing to put back.
            return;
        }

        var source = kind.Defaults is { } defaults && delete.OldInputs.At(OnDestroy)?.Plain is StringValue { Value: RestoreDefaults }
            ? defaults
            : kind.Recorded(delete.Properties.At(kind.OriginalProperty))
                ?? throw new CleanFailure(CleanFailureReason.Refused,
                    $"The state has no {kind.OriginalProperty} to restore, so destroy cannot put {kind.Noun} back as it was. Run `pulumi refresh`, "
                    + (kind.Defaults is null ? "" : $"or set {OnDestroy} to \"{RestoreDefaults}\", ")
                    + "or remove the resource from state with `pulumi state delete`. Nothing was changed.");
        var live = await ReadLive("restore", operation);
        var restored = kind.Restorable(live, declared.RestoreFrom(live, source));
        try
        {
            await Apply(live, restored, source, delete.OldInputs, "restore", operation);
        }
        catch (PartialFailure partly)
        {
            throw Unfinished(partly, restored, delete.OldInputs);
        }
    }

    /// <summary>
    /// A restore that left the tenant between before and after. The engine ignores properties sent with a failed
    /// Delete and keeps the resource in state as it was, so say what is true instead: which declared settings were put
    /// back and which were not (by name: no value, a secret's included), and what to run.
    /// </summary>
    private StateUnknown Unfinished(PartialFailure partly, TLive restored, ObjectValue declared)
    {
        var wanted = kind.Outputs(restored);
        var leaves = kind.Leaves.Where(leaf => declared.At(leaf) is not null && wanted.At(leaf) is not null).ToList();
        var back = leaves.Where(leaf => Equals(partly.Outputs.At(leaf)?.Plain, wanted.At(leaf)?.Plain)).ToList();
        var notBack = leaves.Except(back).ToList();
        var reason = partly.Reasons.FirstOrDefault()?.Split(" A re-read shows ")[0] ?? partly.Message;
        return new StateUnknown(
            $"{Sentences.End(reason)} A re-read shows destroy put back {(back.Count == 0 ? "none of the declared settings" : string.Join(", ", back))}"
            + (notBack.Count == 0 ? ", but the tenant differs from what was written elsewhere" : $", and not {string.Join(", ", notBack)}")
            + $". {Sentences.Capitalized(kind.Noun)} stays in the stack's state "
            + "as it was: run `pulumi refresh` to record what the tenant holds, then `pulumi destroy` again to finish putting it back.",
            partly.Outputs, partly);
    }

    public JsonObject Schema() => kind.Schema();

    public JsonObject SchemaTypes() => kind.SchemaTypes();

    private Task<TLive> ReadLive(string verb, Operation operation) =>
        GraphFailures.BeforeWrite(() => kind.Endpoint(connection()).Get(operation.Token), $"{verb} {kind.Noun}");

    private async Task<TLive> Apply(TLive live, TLive desired, TLive original, ObjectValue inputs, string verb, Operation operation)
    {
        if (kind.SameWritable(desired, live))
        {
            return live;
        }

        if (kind.Refusal(live, desired) is { } refusal)
        {
            throw new CleanFailure(CleanFailureReason.Refused, $"{Sentences.End(refusal)} Nothing was changed.");
        }

        var endpoint = kind.Endpoint(connection());
        var write = new GuardedWrite<TLive>(kind.FixedId, $"{verb} {kind.Noun}", live, desired, kind.SameWritable,
            settings => Outputs(settings, original, inputs));
        return await write.RunAsync((wanted, token) => endpoint.Write(live, wanted, token), endpoint.Get, operation.Token);
    }

    private ObjectValue Outputs(TLive effective, TLive original, ObjectValue inputs, ObjectValue? onDestroyFrom = null)
    {
        var outputs = kind.Outputs(effective).With(kind.OriginalProperty, kind.Record(original));
        if (kind.Defaults is not null)
        {
            var onDestroy = (onDestroyFrom ?? inputs).At(OnDestroy)?.Plain is StringValue { Value: RestoreDefaults } ? RestoreDefaults : RestoreOriginal;
            outputs = outputs.With(OnDestroy, new StringValue(onDestroy));
        }

        return LeafDiff.CarrySecrets(outputs, inputs, _leaves);
    }
}
