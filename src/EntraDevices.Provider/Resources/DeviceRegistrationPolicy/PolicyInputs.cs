using EntraDevices.Graph.DeviceRegistrationPolicy;
using EntraDevices.Provider.Lifecycle.Settings;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.DeviceRegistrationPolicy.PolicyProperties;

namespace EntraDevices.Provider.Resources.DeviceRegistrationPolicy;

/// <summary>
/// What the program declares, fully known (after Check, outside preview). A null field is undeclared:
/// the tenant keeps whatever it has there.
/// </summary>
internal sealed record PolicyInputs(
    int? UserDeviceQuota,
    MultiFactorAuthConfiguration? MultiFactorAuthConfiguration,
    Membership? AllowedToJoin,
    bool? EnableGlobalAdmins,
    Membership? RegisteringUsers,
    Membership? AllowedToRegister,
    bool? LocalAdminPasswordEnabled) : IDeclared<DeviceRegistrationSettings>
{
    public static PolicyInputs Read(ObjectValue inputs) => new(
        inputs.At(PolicyProperties.UserDeviceQuota)?.Plain is NumberValue quota ? (int)quota.Value : null,
        inputs.At(PolicyProperties.MultiFactorAuthConfiguration)?.Plain is StringValue mfa
            ? mfa.Value == "required" ? Graph.DeviceRegistrationPolicy.MultiFactorAuthConfiguration.Required : Graph.DeviceRegistrationPolicy.MultiFactorAuthConfiguration.NotRequired
            : null,
        ReadMembership(inputs, PolicyProperties.AllowedToJoin),
        inputs.At(PolicyProperties.EnableGlobalAdmins)?.Plain is BoolValue admins ? admins.Value : null,
        ReadMembership(inputs, PolicyProperties.RegisteringUsers),
        ReadMembership(inputs, PolicyProperties.AllowedToRegister),
        inputs.At(PolicyProperties.LocalAdminPasswordEnabled)?.Plain is BoolValue laps ? laps.Value : null);

    public bool IsEmpty => this == new PolicyInputs(null, null, null, null, null, null, null);

    /// <summary>The live policy with every declared field replaced by its declared value.</summary>
    public DeviceRegistrationSettings ApplyTo(DeviceRegistrationSettings live) => live with
    {
        UserDeviceQuota = UserDeviceQuota ?? live.UserDeviceQuota,
        MultiFactorAuthConfiguration = MultiFactorAuthConfiguration ?? live.MultiFactorAuthConfiguration,
        AzureADJoin = live.AzureADJoin with
        {
            AllowedToJoin = AllowedToJoin ?? live.AzureADJoin.AllowedToJoin,
            LocalAdmins = new LocalAdminSettings(
                EnableGlobalAdmins ?? live.AzureADJoin.LocalAdmins.EnableGlobalAdmins,
                RegisteringUsers ?? live.AzureADJoin.LocalAdmins.RegisteringUsers),
        },
        AzureADRegistration = live.AzureADRegistration with
        {
            AllowedToRegister = AllowedToRegister ?? live.AzureADRegistration.AllowedToRegister,
        },
        LocalAdminPasswordEnabled = LocalAdminPasswordEnabled ?? live.LocalAdminPasswordEnabled,
    };

    /// <summary>The live policy with every declared field put back to its value in <paramref name="source"/>.</summary>
    public DeviceRegistrationSettings RestoreFrom(DeviceRegistrationSettings live, DeviceRegistrationSettings source) =>
        new PolicyInputs(
            UserDeviceQuota is null ? null : source.UserDeviceQuota,
            MultiFactorAuthConfiguration is null ? null : source.MultiFactorAuthConfiguration,
            AllowedToJoin is null ? null : source.AzureADJoin.AllowedToJoin,
            EnableGlobalAdmins is null ? null : source.AzureADJoin.LocalAdmins.EnableGlobalAdmins,
            RegisteringUsers is null ? null : source.AzureADJoin.LocalAdmins.RegisteringUsers,
            AllowedToRegister is null ? null : source.AzureADRegistration.AllowedToRegister,
            LocalAdminPasswordEnabled is null ? null : source.LocalAdminPasswordEnabled).ApplyTo(live);

    private static Membership? ReadMembership(ObjectValue inputs, string path)
    {
        if (inputs.At($"{path}.scope")?.Plain is not StringValue scope)
        {
            return null;
        }

        IEnumerable<string> Ids(string list) => inputs.At($"{path}.{list}")?.Plain is ArrayValue ids
            ? ids.Items.Select(id => id.Plain).OfType<StringValue>().Select(id => id.Value)
            : [];

        return scope.Value switch
        {
            "all" => Membership.All,
            "none" => Membership.None,
            _ => Membership.Selected(Ids("users"), Ids("groups")),
        };
    }
}
