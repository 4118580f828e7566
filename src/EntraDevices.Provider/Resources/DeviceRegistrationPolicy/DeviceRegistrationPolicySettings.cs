using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.DeviceRegistrationPolicy;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Settings;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.DeviceRegistrationPolicy.PolicyProperties;

namespace EntraDevices.Provider.Resources.DeviceRegistrationPolicy;

/// <summary>
/// <c>entradevices:index:DeviceRegistrationPolicy</c>: the tenant's singleton device registration policy, whose PUT
/// replaces the whole object (so every write carries every field, the undeclared ones as found).
/// </summary>
internal sealed class DeviceRegistrationPolicySettings : ISettings<DeviceRegistrationSettings>
{
    public string Token => "entradevices:index:DeviceRegistrationPolicy";

    public string FixedId => "deviceRegistrationPolicy";

    public string Noun => "the device registration policy";

    public string OriginalProperty => OriginalSettings;

    public IReadOnlyList<string> Leaves => PolicyProperties.Leaves;

    public IReadOnlySet<string> IdLists => PolicyProperties.IdLists;

    public IReadOnlyList<string> ReadOnlyOutputs { get; } = [$"{AzureADJoin}.{IsAdminConfigurable}", $"{AzureADRegistration}.{IsAdminConfigurable}"];

    public DeviceRegistrationSettings Defaults => DeviceRegistrationSettings.EntraDefaults;

    public CheckResult Check(ObjectValue news) => PolicyCheck.Check(news);

    public IDeclared<DeviceRegistrationSettings> Declared(ObjectValue inputs) => PolicyInputs.Read(inputs);

    public ObjectValue Outputs(DeviceRegistrationSettings effective) => PolicyState.Settings(effective);

    public PropertyValue Record(DeviceRegistrationSettings original) => PolicyState.Settings(original);

    public DeviceRegistrationSettings? Recorded(PropertyValue? value) => PolicyState.ReadSettings(value);

    public ObjectValue ImportedInputs(DeviceRegistrationSettings live) => PolicyState.ImportedInputs(live);

    public bool SameWritable(DeviceRegistrationSettings a, DeviceRegistrationSettings b) => a.SameWritableSettings(b);

    public string? Refusal(DeviceRegistrationSettings live, DeviceRegistrationSettings desired) => IntuneLock.Refusal(live, desired);

    public DeviceRegistrationSettings Restorable(DeviceRegistrationSettings live, DeviceRegistrationSettings desired) => IntuneLock.Restorable(live, desired);

    public SettingsEndpoint<DeviceRegistrationSettings> Endpoint(GraphConnection connection)
    {
        var client = new DeviceRegistrationPolicyClient(connection);
        return new(client.GetAsync, (_, desired, token) => client.PutAsync(desired, token));
    }

    public JsonObject Schema() => PolicySchema.Resource();

    public JsonObject SchemaTypes() => PolicySchema.Types();
}
