namespace EntraDevices.Graph.DeviceRegistrationPolicy;

/// <summary>Whether users must pass MFA to register or join a device.</summary>
public enum MultiFactorAuthConfiguration
{
    NotRequired,
    Required,
}

/// <summary>"Users may join devices to Microsoft Entra" and the local administrators added at join.</summary>
/// <param name="IsAdminConfigurable">Read-only: computed by Entra, never written.</param>
public sealed record AzureADJoinSettings(Membership AllowedToJoin, LocalAdminSettings LocalAdmins, bool IsAdminConfigurable = true);

/// <summary>Who becomes local administrator on a device during Entra join.</summary>
public sealed record LocalAdminSettings(bool EnableGlobalAdmins, Membership RegisteringUsers);

/// <summary>"Users may register their devices with Microsoft Entra". Locked to All where Intune is enabled.</summary>
/// <param name="IsAdminConfigurable">Read-only: computed by Entra, never written.</param>
public sealed record AzureADRegistrationSettings(Membership AllowedToRegister, bool IsAdminConfigurable = true);

/// <summary>
/// The tenant-wide device registration policy (Graph <c>/policies/deviceRegistrationPolicy</c>): every
/// writable field plus the read-only <c>isAdminConfigurable</c> flags.
/// </summary>
public sealed record DeviceRegistrationSettings(
    int UserDeviceQuota,
    MultiFactorAuthConfiguration MultiFactorAuthConfiguration,
    AzureADJoinSettings AzureADJoin,
    AzureADRegistrationSettings AzureADRegistration,
    bool LocalAdminPasswordEnabled)
{
    /// <summary>The quota the portal calls "Unlimited".</summary>
    public const int UnlimitedQuota = int.MaxValue;

    /// <summary>The most devices per user Entra stores; larger values are cut to this.</summary>
    public const int MaximumQuota = 100;

    /// <summary>A new tenant's settings, as documented for the portal's Device settings page.</summary>
    public static DeviceRegistrationSettings EntraDefaults { get; } = new(
        UserDeviceQuota: 50,
        MultiFactorAuthConfiguration: MultiFactorAuthConfiguration.NotRequired,
        AzureADJoin: new AzureADJoinSettings(Membership.All, new LocalAdminSettings(true, Membership.All)),
        AzureADRegistration: new AzureADRegistrationSettings(Membership.All),
        LocalAdminPasswordEnabled: false);

    /// <summary>True when both describe the same writable settings (the read-only flags are ignored).</summary>
    public bool SameWritableSettings(DeviceRegistrationSettings other) =>
        UserDeviceQuota == other.UserDeviceQuota
        && MultiFactorAuthConfiguration == other.MultiFactorAuthConfiguration
        && AzureADJoin.AllowedToJoin.Equals(other.AzureADJoin.AllowedToJoin)
        && AzureADJoin.LocalAdmins.Equals(other.AzureADJoin.LocalAdmins)
        && AzureADRegistration.AllowedToRegister.Equals(other.AzureADRegistration.AllowedToRegister)
        && LocalAdminPasswordEnabled == other.LocalAdminPasswordEnabled;
}
