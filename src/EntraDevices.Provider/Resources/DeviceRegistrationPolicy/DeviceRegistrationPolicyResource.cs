using System.Text.Json.Nodes;
using EntraDevices.Graph.DeviceRegistrationPolicy;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.DeviceRegistrationPolicy.PolicyProperties;

namespace EntraDevices.Provider.Resources.DeviceRegistrationPolicy;

/// <summary>
/// <c>entradevices:index:DeviceRegistrationPolicy</c>: adopts the tenant's singleton policy on create, writes
/// only what the program declares, and puts the declared fields back on destroy.
/// </summary>
internal sealed class DeviceRegistrationPolicyResource(Func<DeviceRegistrationPolicyClient> client) : IResource
{
    public string Token => "entradevices:index:DeviceRegistrationPolicy";

    public string Id => "deviceRegistrationPolicy";

    public CheckResult Check(ObjectValue news) => PolicyCheck.Check(news);

    public DiffResult Diff(ObjectValue olds, ObjectValue news) => LeafDiff.Compare(olds, news, Leaves, IdLists);

    public ObjectValue PreviewCreate(ObjectValue inputs)
    {
        // Undeclared fields and the original settings are only known once Graph is read.
        var unknown = Leaves.Concat([$"{AzureADJoin}.{IsAdminConfigurable}", $"{AzureADRegistration}.{IsAdminConfigurable}", OriginalSettings])
            .Aggregate(ObjectValue.Empty, (outputs, leaf) => outputs.With(leaf, PropertyValue.Unknown));
        return LeafDiff.Promise(unknown, inputs, Leaves);
    }

    public ObjectValue PreviewUpdate(ObjectValue olds, ObjectValue news) =>
        LeafDiff.Promise(olds, news, Leaves);

    public async Task<ObjectValue> CreateAsync(ObjectValue inputs, CancellationToken cancellationToken)
    {
        var live = await ReadLive("adopt the device registration policy", cancellationToken);
        var applied = await Apply(live, PolicyInputs.Read(inputs), live, inputs, cancellationToken);
        return Outputs(applied, live, inputs);
    }

    public async Task<ReadResult> ReadAsync(string id, ObjectValue properties, ObjectValue inputs, CancellationToken cancellationToken)
    {
        if (id != Id)
        {
            throw new CleanFailure(CleanFailureReason.InvalidInput,
                $"The device registration policy is a tenant-wide singleton whose id is always '{Id}'; got '{id}'.");
        }

        var live = await ReadLive("read the device registration policy", cancellationToken);
        if (properties.Properties.Count == 0)
        {
            // pulumi import: adopt every writable field as found.
            var imported = PolicyState.ImportedInputs(live);
            return new ReadResult(Id, PolicyState.Outputs(live, live, RestoreOriginal), imported);
        }

        var original = PolicyState.ReadSettings(properties.At(OriginalSettings)) ?? live;
        var onDestroy = (inputs.At(OnDestroy) ?? properties.At(OnDestroy))?.Plain is StringValue { Value: RestoreDefaults } ? RestoreDefaults : RestoreOriginal;
        return new ReadResult(Id, LeafDiff.CarrySecrets(PolicyState.Outputs(live, original, onDestroy), inputs, Leaves), inputs);
    }

    public async Task<ObjectValue> UpdateAsync(ObjectValue olds, ObjectValue news, CancellationToken cancellationToken)
    {
        var original = PolicyState.ReadSettings(olds.At(OriginalSettings));
        var live = await ReadLive("update the device registration policy", cancellationToken);
        var applied = await Apply(live, PolicyInputs.Read(news), original ?? live, news, cancellationToken);
        return Outputs(applied, original ?? live, news);
    }

    public async Task DeleteAsync(ObjectValue properties, ObjectValue oldInputs, CancellationToken cancellationToken)
    {
        var declared = PolicyInputs.Read(oldInputs);
        var source = declared.RestoreDefaultsOnDestroy
            ? DeviceRegistrationSettings.EntraDefaults
            : PolicyState.ReadSettings(properties.At(OriginalSettings))
                ?? throw new CleanFailure(CleanFailureReason.Refused,
                    "The state has no originalSettings to restore, so destroy cannot put the policy back as it was. "
                    + "Run `pulumi refresh`, or set onDestroy to \"restoreDefaults\", or remove the resource from state with `pulumi state delete`. Nothing was changed.");
        var live = await ReadLive("restore the device registration policy", cancellationToken);
        await Apply(live, declared, source, oldInputs, cancellationToken, restore: true);
    }

    public JsonObject Schema() => PolicySchema.Resource();

    private Task<DeviceRegistrationSettings> ReadLive(string undone, CancellationToken cancellationToken) =>
        GraphFailures.BeforeWrite(() => client().GetAsync(cancellationToken), undone);

    private async Task<DeviceRegistrationSettings> Apply(
        DeviceRegistrationSettings live, PolicyInputs declared, DeviceRegistrationSettings source, ObjectValue inputs,
        CancellationToken cancellationToken, bool restore = false)
    {
        var desired = restore ? declared.RestoreFrom(live, source) : declared.ApplyTo(live);
        if (restore && !live.AzureADRegistration.IsAdminConfigurable)
        {
            // Intune now enforces registration: nothing can be restored there, the rest still is.
            desired = desired with { AzureADRegistration = live.AzureADRegistration };
        }

        if (desired.SameWritableSettings(live))
        {
            return live;
        }

        if (!live.AzureADRegistration.IsAdminConfigurable
            && !desired.AzureADRegistration.AllowedToRegister.Equals(live.AzureADRegistration.AllowedToRegister))
        {
            throw new CleanFailure(CleanFailureReason.Refused,
                $"{AllowedToRegister} cannot be changed in this tenant: Entra reports it is not admin-configurable (Intune or MDM enrollment "
                + $"requires every user to register devices, so it stays \"{live.AzureADRegistration.AllowedToRegister}\"). "
                + $"Remove {AllowedToRegister} from the program or declare scope \"all\". Nothing was changed.");
        }

        var what = restore ? "restore the device registration policy" : "update the device registration policy";
        var write = new GuardedWrite<DeviceRegistrationSettings>(Id, what, live, desired,
            (a, b) => a.SameWritableSettings(b), settings => Outputs(settings, source, inputs));
        return await write.RunAsync((settings, token) => client().PutAsync(settings, token), token => client().GetAsync(token), cancellationToken);
    }

    private static ObjectValue Outputs(DeviceRegistrationSettings effective, DeviceRegistrationSettings original, ObjectValue inputs) =>
        LeafDiff.CarrySecrets(
            PolicyState.Outputs(effective, original,
                inputs.At(OnDestroy)?.Plain is StringValue { Value: RestoreDefaults } ? RestoreDefaults : RestoreOriginal),
            inputs, Leaves);
}
