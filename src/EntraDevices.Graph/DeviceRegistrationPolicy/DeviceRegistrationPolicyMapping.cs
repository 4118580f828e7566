using GraphModels = Microsoft.Graph.Models;

namespace EntraDevices.Graph.DeviceRegistrationPolicy;

/// <summary>Pure mapping between the Graph SDK's model and <see cref="DeviceRegistrationSettings"/>.</summary>
public static class DeviceRegistrationPolicyMapping
{
    public const string AllOdataType = "#microsoft.graph.allDeviceRegistrationMembership";
    public const string NoneOdataType = "#microsoft.graph.noDeviceRegistrationMembership";
    public const string EnumeratedOdataType = "#microsoft.graph.enumeratedDeviceRegistrationMembership";

    /// <summary>Reads a policy as Graph returned it; a missing field is an error, never a guess.</summary>
    public static DeviceRegistrationSettings FromGraph(GraphModels.DeviceRegistrationPolicy policy)
    {
        var join = policy.AzureADJoin ?? throw Missing("azureADJoin");
        var localAdmins = join.LocalAdmins ?? throw Missing("azureADJoin.localAdmins");
        var registration = policy.AzureADRegistration ?? throw Missing("azureADRegistration");
        return new DeviceRegistrationSettings(
            UserDeviceQuota: policy.UserDeviceQuota ?? throw Missing("userDeviceQuota"),
            MultiFactorAuthConfiguration: policy.MultiFactorAuthConfiguration switch
            {
                GraphModels.MultiFactorAuthConfiguration.NotRequired => MultiFactorAuthConfiguration.NotRequired,
                GraphModels.MultiFactorAuthConfiguration.Required => MultiFactorAuthConfiguration.Required,
                null => throw Missing("multiFactorAuthConfiguration"),
                var other => throw new UnexpectedPolicyShapeException(
                    $"Graph returned multiFactorAuthConfiguration '{other}', which this provider does not know; expected notRequired or required."),
            },
            AzureADJoin: new AzureADJoinSettings(
                MembershipFromGraph(join.AllowedToJoin, "azureADJoin.allowedToJoin"),
                new LocalAdminSettings(
                    localAdmins.EnableGlobalAdmins ?? throw Missing("azureADJoin.localAdmins.enableGlobalAdmins"),
                    MembershipFromGraph(localAdmins.RegisteringUsers, "azureADJoin.localAdmins.registeringUsers")),
                join.IsAdminConfigurable ?? true),
            AzureADRegistration: new AzureADRegistrationSettings(
                MembershipFromGraph(registration.AllowedToRegister, "azureADRegistration.allowedToRegister"),
                registration.IsAdminConfigurable ?? true),
            LocalAdminPasswordEnabled: policy.LocalAdminPassword?.IsEnabled ?? throw Missing("localAdminPassword.isEnabled"));
    }

    /// <summary>
    /// Builds a fresh SDK object with every writable field set. Fresh matters: the SDK's backing store
    /// serializes only changed values, so an object read by GET and then modified would lose fields.
    /// </summary>
    public static GraphModels.DeviceRegistrationPolicy ToGraph(DeviceRegistrationSettings settings) => new()
    {
        UserDeviceQuota = settings.UserDeviceQuota,
        MultiFactorAuthConfiguration = settings.MultiFactorAuthConfiguration == MultiFactorAuthConfiguration.Required
            ? GraphModels.MultiFactorAuthConfiguration.Required
            : GraphModels.MultiFactorAuthConfiguration.NotRequired,
        AzureADRegistration = new GraphModels.AzureADRegistrationPolicy
        {
            AllowedToRegister = MembershipToGraph(settings.AzureADRegistration.AllowedToRegister),
        },
        AzureADJoin = new GraphModels.AzureADJoinPolicy
        {
            AllowedToJoin = MembershipToGraph(settings.AzureADJoin.AllowedToJoin),
            LocalAdmins = new GraphModels.LocalAdminSettings
            {
                EnableGlobalAdmins = settings.AzureADJoin.LocalAdmins.EnableGlobalAdmins,
                RegisteringUsers = MembershipToGraph(settings.AzureADJoin.LocalAdmins.RegisteringUsers),
            },
        },
        LocalAdminPassword = new GraphModels.LocalAdminPasswordSettings { IsEnabled = settings.LocalAdminPasswordEnabled },
    };

    public static Membership MembershipFromGraph(GraphModels.DeviceRegistrationMembership? membership, string property) =>
        membership switch
        {
            null => throw Missing(property),
            GraphModels.AllDeviceRegistrationMembership => Membership.All,
            GraphModels.NoDeviceRegistrationMembership => Membership.None,
            GraphModels.EnumeratedDeviceRegistrationMembership selected =>
                Membership.Selected(selected.Users ?? [], selected.Groups ?? []),
            _ => throw new UnexpectedPolicyShapeException(
                $"Graph returned {property} of type '{membership.OdataType}'; expected one of {AllOdataType}, {NoneOdataType}, {EnumeratedOdataType}."),
        };

    public static GraphModels.DeviceRegistrationMembership MembershipToGraph(Membership membership) =>
        membership.Scope switch
        {
            MembershipScope.All => new GraphModels.AllDeviceRegistrationMembership(),
            MembershipScope.None => new GraphModels.NoDeviceRegistrationMembership(),
            _ => new GraphModels.EnumeratedDeviceRegistrationMembership
            {
                Users = [.. membership.Users],
                Groups = [.. membership.Groups],
            },
        };

    private static UnexpectedPolicyShapeException Missing(string property) =>
        new($"Graph returned a device registration policy without '{property}'; refusing to guess its value.");
}
