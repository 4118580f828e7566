using System.Text.Json.Nodes;
using EntraDevices.Graph.BitLocker;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.BitLockerKeyRecoveryRestriction.RestrictionProperties;

namespace EntraDevices.Provider.Resources.BitLockerKeyRecoveryRestriction;

/// <summary>
/// <c>entradevices:index:BitLockerKeyRecoveryRestriction</c>: adopts the tenant's setting on create, writes it
/// only when declared and different, and puts a declared setting back on destroy.
/// </summary>
internal sealed class BitLockerKeyRecoveryRestrictionResource(Func<BitLockerKeyRecoveryClient> client) : IResource
{
    public string Token => "entradevices:index:BitLockerKeyRecoveryRestriction";

    public string Id => "authorizationPolicy";

    public CheckResult Check(ObjectValue news) => RestrictionCheck.Check(news);

    public DiffResult Diff(ObjectValue olds, ObjectValue news) => LeafDiff.Compare(olds, news, Leaves, NoIdLists);

    public ObjectValue PreviewCreate(ObjectValue inputs)
    {
        // An undeclared setting and the original are only known once Graph is read.
        var unknown = ObjectValue.Of((RestrictOwnersFromReadingKeys, PropertyValue.Unknown), (OriginalValue, PropertyValue.Unknown));
        return LeafDiff.Promise(unknown, inputs, Leaves);
    }

    public ObjectValue PreviewUpdate(ObjectValue olds, ObjectValue news) =>
        LeafDiff.Promise(olds, news, Leaves);

    public async Task<ObjectValue> CreateAsync(ObjectValue inputs, CancellationToken cancellationToken)
    {
        var live = await ReadLive("adopt the BitLocker key recovery setting", cancellationToken);
        var applied = await Apply(live, RestrictionCheck.Declared(inputs) ?? live, live, "update the BitLocker key recovery setting", cancellationToken);
        return Outputs(applied, live, inputs);
    }

    public async Task<ReadResult> ReadAsync(string id, ObjectValue properties, ObjectValue inputs, CancellationToken cancellationToken)
    {
        if (id != Id)
        {
            throw new CleanFailure(CleanFailureReason.InvalidInput,
                $"The BitLocker key recovery restriction is a setting of the tenant-wide authorization policy, whose id is always '{Id}'; got '{id}'.");
        }

        var live = await ReadLive("read the BitLocker key recovery setting", cancellationToken);
        if (properties.Properties.Count == 0)
        {
            // pulumi import: adopt the setting as found.
            return new ReadResult(Id, RestrictionState.Outputs(live, live), RestrictionState.ImportedInputs(live));
        }

        return new ReadResult(Id, Outputs(live, RestrictionState.Original(properties) ?? live, inputs), inputs);
    }

    public async Task<ObjectValue> UpdateAsync(ObjectValue olds, ObjectValue news, CancellationToken cancellationToken)
    {
        var live = await ReadLive("update the BitLocker key recovery setting", cancellationToken);
        var original = RestrictionState.Original(olds) ?? live;
        var applied = await Apply(live, RestrictionCheck.Declared(news) ?? live, original, "update the BitLocker key recovery setting", cancellationToken);
        return Outputs(applied, original, news);
    }

    public async Task DeleteAsync(ObjectValue properties, ObjectValue oldInputs, CancellationToken cancellationToken)
    {
        if (RestrictionCheck.Declared(oldInputs) is null)
        {
            // Never declared, never written: nothing to put back.
            return;
        }

        var original = RestrictionState.Original(properties)
            ?? throw new CleanFailure(CleanFailureReason.Refused,
                $"The state has no {OriginalValue} to restore, so destroy cannot put the BitLocker key recovery setting back as it was. "
                + "Run `pulumi refresh`, or remove the resource from state with `pulumi state delete`. Nothing was changed.");
        var live = await ReadLive("restore the BitLocker key recovery setting", cancellationToken);
        await Apply(live, original, original, "restore the BitLocker key recovery setting", cancellationToken);
    }

    public JsonObject Schema() => RestrictionSchema.Resource();

    private Task<bool> ReadLive(string undone, CancellationToken cancellationToken) =>
        GraphFailures.BeforeWrite(() => client().GetAsync(cancellationToken), undone);

    private async Task<bool> Apply(bool live, bool desired, bool original, string what, CancellationToken cancellationToken)
    {
        if (desired == live)
        {
            return live;
        }

        var write = new GuardedWrite<bool>(Id, what, live, desired, (a, b) => a == b, value => RestrictionState.Outputs(value, original));
        return await write.RunAsync((value, token) => client().SetAsync(value, token), token => client().GetAsync(token), cancellationToken);
    }

    private static ObjectValue Outputs(bool effective, bool original, ObjectValue inputs) =>
        LeafDiff.CarrySecrets(RestrictionState.Outputs(effective, original), inputs, Leaves);
}
