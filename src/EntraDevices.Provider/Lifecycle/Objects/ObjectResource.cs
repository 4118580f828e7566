using System.Text.Json.Nodes;
using EntraDevices.Graph;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.Transport;
using EntraDevices.Provider.Resources;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Lifecycle.Objects;

/// <summary>
/// The lifecycle of every object resource, written once: create returns Graph's id and never makes a duplicate
/// (a lost answer is followed by a search by natural key, and creates are never retried); a read waits out replica
/// lag before it believes a 404, then drops the object from state; update reconciles the object and its children;
/// a change of a create-only field replaces it; delete removes children first, and a failed delete counts as done only
/// when a re-read no longer finds the object.
/// </summary>
internal sealed class ObjectResource<TSpec, TLive>(IObjectKind<TSpec, TLive> kind, Func<GraphConnection> connection, Consistency? consistency = null)
    : IResource
    where TLive : class
{
    private readonly Consistency _consistency = consistency ?? Consistency.Intune;

    public string Token => kind.Token;

    public CheckResult Check(ResourceCheck check) => kind.Check(check.NewInputs);

    public DiffResult Diff(ResourceDiff diff)
    {
        var changes = LeafDiff.Compare(diff.OldOutputs, diff.NewInputs, kind.Leaves, kind.IdLists, kind.ElementLists);
        var replaces = changes.Changes.Keys
            .Where(path => kind.ReplaceOn.Any(leaf => path == leaf || path.StartsWith($"{leaf}.", StringComparison.Ordinal) || path.StartsWith($"{leaf}[", StringComparison.Ordinal)))
            .ToList();
        return changes with { Replaces = replaces, DeleteBeforeReplace = kind.DeleteBeforeReplace };
    }

    public async Task<CreateResult> CreateAsync(ResourceCreate create, Operation operation)
    {
        if (create.Preview)
        {
            var unknown = kind.Leaves.Concat(kind.AssignedOutputs).Aggregate(ObjectValue.Empty, (outputs, leaf) => outputs.With(leaf, PropertyValue.Unknown));
            return new CreateResult("", LeafDiff.Promise(unknown, create.Inputs, kind.Leaves));
        }

        var spec = kind.Spec(create.Inputs);
        var endpoint = kind.Endpoint(connection());
        var created = await Create(endpoint, spec, operation);
        TLive live;
        try
        {
            live = await Reconcile(endpoint, created, spec, create.Inputs, operation, $"finish creating {kind.Noun}");
        }
        catch (CleanFailure unfinished)
        {
            // The object exists now: it must reach the state, or the next run would make a second one.
            var id = kind.IdOf(created);
            throw new PartialFailure(id, Outputs(created, create.Inputs),
                [$"{Sentences.Capitalized(kind.Noun)} {id} was created, but finishing it failed: {(unfinished.InnerException ?? unfinished).Message.TrimEnd('.')}. "
                    + "It is recorded as created; run `pulumi up` again to finish it."],
                create.Inputs);
        }

        await endpoint.TellAsync(live, operation);
        return new CreateResult(kind.IdOf(live), Outputs(live, create.Inputs));
    }

    public async Task<ReadResult> ReadAsync(ResourceRead read, Operation operation)
    {
        RequireId(read.Id, $"read {kind.Noun}");
        var endpoint = kind.Endpoint(connection());
        var live = await GraphFailures.BeforeWrite(
            () => _consistency.ReadAsync(token => endpoint.GetAsync(read.Id, token), operation.Token), $"read {kind.Noun} {read.Id}");
        if (live is null)
        {
            // Deleted outside Pulumi: an empty id tells refresh to drop it from state.
            return ReadResult.Gone;
        }

        await endpoint.TellAsync(live, operation);
        return read.IsImport
            ? new ReadResult(kind.IdOf(live), kind.Outputs(live), kind.ImportedInputs(live))
            : new ReadResult(kind.IdOf(live), Outputs(live, read.Inputs), read.Inputs);
    }

    public async Task<ObjectValue> UpdateAsync(ResourceUpdate update, Operation operation)
    {
        if (update.Preview)
        {
            return LeafDiff.Promise(update.OldOutputs, update.NewInputs, kind.Leaves);
        }

        RequireId(update.Id, $"update {kind.Noun}");
        var endpoint = kind.Endpoint(connection());
        var current = await GraphFailures.BeforeWrite(
            () => _consistency.ReadAsync(token => endpoint.GetAsync(update.Id, token), operation.Token), $"update {kind.Noun} {update.Id}")
            ?? throw new CleanFailure(CleanFailureReason.Refused,
                $"{Sentences.Capitalized(kind.Noun)} {update.Id} no longer exists in the tenant (it was deleted outside Pulumi). Run `pulumi refresh` to drop it "
                + "from state; the next `pulumi up` then creates it again. Nothing was changed.");
        var live = await Reconcile(endpoint, current, kind.Spec(update.NewInputs), update.NewInputs, operation, $"update {kind.Noun} {update.Id}");
        await endpoint.TellAsync(live, operation);
        return Outputs(live, update.NewInputs);
    }

    public async Task DeleteAsync(ResourceDelete delete, Operation operation)
    {
        RequireId(delete.Id, $"delete {kind.Noun}");
        var endpoint = kind.Endpoint(connection());
        var current = await GraphFailures.BeforeWrite(() => endpoint.GetBeforeDeleteAsync(delete.Id, operation.Token), $"delete {kind.Noun} {delete.Id}");
        if (current is null)
        {
            return;
        }

        await Delete(endpoint, current, delete.OldInputs, $"delete {kind.Noun} {delete.Id}", operation.Token);
    }

    /// <summary>
    /// An id from state or an import goes into Graph URLs: one that no Graph object can have (<c>../other-id</c>,
    /// <c>id/assignments</c>) is refused before any request, whatever the kind's endpoint does with it.
    /// </summary>
    private static void RequireId(string id, string what)
    {
        if (!GraphPath.IsId(id))
        {
            throw new CleanFailure(CleanFailureReason.InvalidInput, $"{Sentences.End(new InvalidIdException(id).Message)} Nothing was changed: {what}.");
        }
    }

    public JsonObject Schema() => kind.Schema();

    public JsonObject SchemaTypes() => kind.SchemaTypes();

    private async Task<TLive> Create(IObjectEndpoint<TSpec, TLive> endpoint, TSpec spec, Operation operation)
    {
        var what = $"create {kind.Noun}";
        try
        {
            return await endpoint.CreateAsync(spec, operation.Token);
        }
        catch (GraphRequestException refused) when (!refused.OutcomeUnknown)
        {
            throw GraphFailures.Clean(refused, what);
        }
        catch (Exception lost) when (lost is GraphRequestException or UnexpectedPolicyShapeException)
        {
            // The object may exist: look it up by its natural key before anything is retried, so no duplicate is made.
            var found = await Reread.AfterFailureAsync(token => _consistency.ReadAsync(t => endpoint.FindAsync(spec, t), token), search =>
                new CleanFailure(CleanFailureReason.Unavailable,
                    $"{Sentences.End(lost.Message)} The create may or may not have been applied, and searching for {kind.NaturalKey(spec)} failed too "
                    + $"({search.Message.TrimEnd('.')}). Before running `pulumi up` again, check the tenant: if it holds {kind.Noun} with "
                    + $"{kind.NaturalKey(spec)}, bring it into the stack with `pulumi import` instead, so that no duplicate is made.", lost));

            return found ?? throw new CleanFailure(CleanFailureReason.Unavailable,
                $"{Sentences.End(lost.Message)} A search for {kind.NaturalKey(spec)} found none, so the create was not applied. Nothing was changed: {what}.", lost);
        }
    }

    private async Task<TLive> Reconcile(IObjectEndpoint<TSpec, TLive> endpoint, TLive current, TSpec spec, ObjectValue inputs, Operation operation, string what)
    {
        try
        {
            return await endpoint.ReconcileAsync(current, spec, operation);
        }
        catch (Exception error) when (error is GraphRequestException or UnexpectedPolicyShapeException or CleanFailure)
        {
            var after = await ReadAfterFailure(endpoint, current, error, what, inputs);
            if (after is not null && kind.Matches(after, spec))
            {
                return after;
            }

            throw Truth(current, after, error, what, inputs);
        }
    }

    private async Task Delete(IObjectEndpoint<TSpec, TLive> endpoint, TLive current, ObjectValue inputs, string what, CancellationToken cancellationToken)
    {
        try
        {
            // The endpoint takes a 404 on the object's own DELETE as done. Any other failure, a 404 of a child's included,
            // is judged by a re-read: only an object no longer found is deleted.
            await endpoint.DeleteAsync(current, cancellationToken);
        }
        catch (Exception error) when (error is GraphRequestException or UnexpectedPolicyShapeException)
        {
            var after = await ReadAfterFailure(endpoint, current, error, what, inputs);
            if (after is not null)
            {
                throw kind.Outputs(after).Equals(kind.Outputs(current))
                    ? Truth(current, after, error, what, inputs)
                    : new StateUnknown($"{Sentences.End(error.Message)} A re-read shows {kind.Noun} {kind.IdOf(current)} partly deleted. "
                        + $"Run `pulumi refresh` to record what is left, then `pulumi destroy` again. Left undone: {what}.", Outputs(after, inputs), error, kind.IdOf(current));
            }
        }
    }

    /// <summary>After a failed step: the object as the tenant holds it now (null when gone), or state unknown if even that fails.</summary>
    private async Task<TLive?> ReadAfterFailure(IObjectEndpoint<TSpec, TLive> endpoint, TLive before, Exception error, string what, ObjectValue inputs)
    {
        var id = kind.IdOf(before);
        return await Reread.AfterFailureAsync(token => endpoint.GetAsync(id, token), reread => new StateUnknown(
            $"{Sentences.End(error.Message)} Re-reading {kind.Noun} {id} failed too ({reread.Message.TrimEnd('.')}), so what it holds now is not known. "
            + $"Run `pulumi refresh` before trying again. Left undone: {what}.", Outputs(before, inputs), error, id));
    }

    /// <summary>What a failed step left: nothing changed (clean), a partly changed object (recorded), or an object gone.</summary>
    private Exception Truth(TLive before, TLive? after, Exception error, string what, ObjectValue inputs)
    {
        var id = kind.IdOf(before);
        if (after is null)
        {
            return new StateUnknown($"{Sentences.End(error.Message)} {Sentences.Capitalized(kind.Noun)} {id} is no longer found in the tenant. "
                + $"Run `pulumi refresh`. Left undone: {what}.", Outputs(before, inputs), error, id);
        }

        if (kind.Outputs(after).Equals(kind.Outputs(before)))
        {
            return error is CleanFailure clean ? clean : new CleanFailure(
                error is GraphRequestException { Kind: GraphFailureKind.Cancelled } ? CleanFailureReason.Cancelled
                : error is GraphRequestException { Status: 401 or 403 } ? CleanFailureReason.PermissionDenied
                : error is GraphRequestException { OutcomeUnknown: false } ? CleanFailureReason.Refused
                : CleanFailureReason.Unavailable,
                $"{Sentences.End(error.Message)} A re-read shows {kind.Noun} {id} unchanged. Nothing was changed: {what}.", error);
        }

        return new PartialFailure(id, Outputs(after, inputs),
            [$"{Sentences.End(error.Message)} A re-read shows {kind.Noun} {id} partly changed; its real state is recorded. Run `pulumi up` again to {what}."],
            inputs);
    }

    private ObjectValue Outputs(TLive live, ObjectValue inputs) => LeafDiff.CarrySecrets(kind.Outputs(live), inputs, kind.Leaves);
}
