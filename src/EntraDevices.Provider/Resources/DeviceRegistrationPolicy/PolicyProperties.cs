namespace EntraDevices.Provider.Resources.DeviceRegistrationPolicy;

/// <summary>The property paths of the resource; they mirror Graph's names.</summary>
internal static class PolicyProperties
{
    public const string UserDeviceQuota = "userDeviceQuota";
    public const string MultiFactorAuthConfiguration = "multiFactorAuthConfiguration";
    public const string AzureADJoin = "azureADJoin";
    public const string LocalAdmins = "azureADJoin.localAdmins";
    public const string AllowedToJoin = "azureADJoin.allowedToJoin";
    public const string EnableGlobalAdmins = "azureADJoin.localAdmins.enableGlobalAdmins";
    public const string RegisteringUsers = "azureADJoin.localAdmins.registeringUsers";
    public const string AzureADRegistration = "azureADRegistration";
    public const string AllowedToRegister = "azureADRegistration.allowedToRegister";
    public const string LocalAdminPassword = "localAdminPassword";
    public const string LocalAdminPasswordEnabled = "localAdminPassword.isEnabled";
    public const string OriginalSettings = "originalSettings";
    public const string IsAdminConfigurable = "isAdminConfigurable";

    public static readonly string[] Memberships = [AllowedToJoin, RegisteringUsers, AllowedToRegister];

    /// <summary>Every input leaf, as Diff reports it.</summary>
    public static readonly string[] Leaves =
    [
        UserDeviceQuota,
        MultiFactorAuthConfiguration,
        .. Memberships.SelectMany(MembershipLeaves),
        EnableGlobalAdmins,
        LocalAdminPasswordEnabled,
    ];

    /// <summary>Leaves that hold lists of ids, compared as sets.</summary>
    public static readonly HashSet<string> IdLists = [.. Memberships.SelectMany(m => new[] { $"{m}.users", $"{m}.groups" })];

    public static IEnumerable<string> MembershipLeaves(string membership) =>
        [$"{membership}.scope", $"{membership}.users", $"{membership}.groups"];
}
