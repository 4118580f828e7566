using EntraDevices.Graph.DeviceRegistrationPolicy;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.DeviceRegistrationPolicy.PolicyProperties;

namespace EntraDevices.Provider.Resources.DeviceRegistrationPolicy;

/// <summary>Pure mapping between <see cref="DeviceRegistrationSettings"/> and the resource's property objects.</summary>
internal static class PolicyState
{
    public static ObjectValue Settings(DeviceRegistrationSettings settings) => ObjectValue.Of(
        ("userDeviceQuota", new NumberValue(settings.UserDeviceQuota)),
        ("multiFactorAuthConfiguration", new StringValue(Mfa(settings.MultiFactorAuthConfiguration))),
        ("azureADJoin", ObjectValue.Of(
            ("allowedToJoin", Membership(settings.AzureADJoin.AllowedToJoin)),
            ("localAdmins", ObjectValue.Of(
                ("enableGlobalAdmins", new BoolValue(settings.AzureADJoin.LocalAdmins.EnableGlobalAdmins)),
                ("registeringUsers", Membership(settings.AzureADJoin.LocalAdmins.RegisteringUsers)))),
            (IsAdminConfigurable, new BoolValue(settings.AzureADJoin.IsAdminConfigurable)))),
        ("azureADRegistration", ObjectValue.Of(
            ("allowedToRegister", Membership(settings.AzureADRegistration.AllowedToRegister)),
            (IsAdminConfigurable, new BoolValue(settings.AzureADRegistration.IsAdminConfigurable)))),
        ("localAdminPassword", ObjectValue.Of(("isEnabled", new BoolValue(settings.LocalAdminPasswordEnabled)))));

    /// <summary>Inputs that declare every writable field as found: what <c>pulumi import</c> records.</summary>
    public static ObjectValue ImportedInputs(DeviceRegistrationSettings live)
    {
        var settings = Settings(live);
        return settings
            .With(AzureADJoin, WithoutFlag(settings.At(AzureADJoin)))
            .With(AzureADRegistration, WithoutFlag(settings.At(AzureADRegistration)));
    }

    /// <summary>Reads settings back from a property object (e.g. <c>originalSettings</c> in state); null if incomplete.</summary>
    public static DeviceRegistrationSettings? ReadSettings(PropertyValue? value)
    {
        if (value?.Plain is not ObjectValue obj)
        {
            return null;
        }

        var inputs = PolicyInputs.Read(obj);
        if (inputs is not
            {
                UserDeviceQuota: { } quota, MultiFactorAuthConfiguration: { } mfa, AllowedToJoin: { } join,
                EnableGlobalAdmins: { } globalAdmins, RegisteringUsers: { } registering, AllowedToRegister: { } register,
                LocalAdminPasswordEnabled: { } laps,
            })
        {
            return null;
        }

        return new DeviceRegistrationSettings(quota, mfa,
            new AzureADJoinSettings(join, new LocalAdminSettings(globalAdmins, registering), Flag(obj, $"{AzureADJoin}.{IsAdminConfigurable}")),
            new AzureADRegistrationSettings(register, Flag(obj, $"{AzureADRegistration}.{IsAdminConfigurable}")),
            laps);
    }

    public static string Mfa(Graph.DeviceRegistrationPolicy.MultiFactorAuthConfiguration mfa) =>
        mfa == Graph.DeviceRegistrationPolicy.MultiFactorAuthConfiguration.Required ? "required" : "notRequired";

    private static ObjectValue Membership(Membership membership) => ObjectValue.Of(
        ("scope", new StringValue(membership.Scope.ToString().ToLowerInvariant())),
        ("users", ArrayValue.Of(membership.Users)),
        ("groups", ArrayValue.Of(membership.Groups)));

    private static bool Flag(ObjectValue obj, string path) => obj.At(path)?.Plain is not BoolValue { Value: false };

    private static ObjectValue WithoutFlag(PropertyValue? value) =>
        new(((ObjectValue)value!).Properties.Where(p => p.Key != IsAdminConfigurable).ToDictionary());
}
