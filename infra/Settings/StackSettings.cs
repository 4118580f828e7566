namespace Infra.Settings;

/// <summary>
/// The validated configuration of one stack. A <see langword="null"/> setting is not declared: the
/// provider leaves that part of the tenant as it is. Build it with <see cref="Parse"/>.
/// </summary>
internal sealed partial record StackSettings
{
    /// <summary>The user device quota Graph uses for "Unlimited".</summary>
    public const int UnlimitedDeviceQuota = int.MaxValue;

    /// <summary>The highest limited user device quota Entra ID accepts.</summary>
    public const int MaxLimitedDeviceQuota = 100;

    /// <summary>Entra ID limits group display names to 256 characters.</summary>
    public const int MaxGroupNameLength = 256;

    public const string DefaultJoinGroupName = "Entra ID device join - allowed users";
    public const string DefaultAutopilotGroupName = "Autopilot devices";
    public const string DefaultStatusPageName = "Autopilot Enrollment Status Page";
    public const string DefaultDeploymentProfileName = "Autopilot user-driven Microsoft Entra join";
    public const string DefaultPreparationName = "Autopilot device preparation, user-driven Microsoft Entra join";
    public const string DefaultPreparationDeviceGroupName = "Autopilot device preparation devices";
    public const string DefaultLocalAdminsGroupName = "Entra ID joined devices - additional local administrators";

    public const string RestoreOriginal = "restoreOriginal";
    public const string RestoreDefaults = "restoreDefaults";

    /// <summary>Who may join devices (<c>azureADJoin.allowedToJoin</c>).</summary>
    public JoinSettings? Join { get; init; }

    /// <summary>0 to 100, or <see cref="UnlimitedDeviceQuota"/>.</summary>
    public int? UserDeviceQuota { get; init; }

    /// <summary>Whether joining or registering a device requires multifactor authentication.</summary>
    public bool? RequireMfa { get; init; }

    /// <summary>Whether Global Administrators become local administrators of joined devices.</summary>
    public bool? GlobalAdminsAsLocalAdmins { get; init; }

    /// <summary>Which registering users become local administrators of the devices they join.</summary>
    public MembershipSettings? RegisteringUsersLocalAdmins { get; init; }

    /// <summary>Windows LAPS (<c>localAdminPassword.isEnabled</c>).</summary>
    public bool? LapsEnabled { get; init; }

    /// <summary>Display name of the additional local administrators group to create, or <see langword="null"/> for none.</summary>
    public string? LocalAdminsGroupName { get; init; }

    /// <summary>Display name of the dynamic Autopilot device group to create, or <see langword="null"/> for none.</summary>
    public string? AutopilotGroupName { get; init; }

    /// <summary>Whether device owners are kept from reading their own BitLocker recovery keys; <see langword="null"/> leaves it alone.</summary>
    public bool? RestrictBitLockerKeySelfRecovery { get; init; }

    /// <summary>The Enrollment Status Page to create, assigned to the Autopilot device group; <see langword="null"/> for none.</summary>
    public StatusPageSettings? StatusPage { get; init; }

    /// <summary>The settings of the tenant's default Enrollment Status Page the stack declares; <see langword="null"/> for none.</summary>
    public StatusPageSettings? DefaultStatusPage { get; init; }

    /// <summary>The deployment profile to create, assigned to the Autopilot device group; <see langword="null"/> for none.</summary>
    public DeploymentProfileSettings? DeploymentProfile { get; init; }

    /// <summary>The Autopilot devices of the OEM's CSV; <see langword="null"/> when the stack declares none.</summary>
    public DevicesSettings? Devices { get; init; }

    /// <summary>The device preparation policy to create, with its device group; <see langword="null"/> for none.</summary>
    public DevicePreparationSettings? DevicePreparation { get; init; }

    /// <summary>The corporate identifiers of a CSV; <see langword="null"/> when the stack declares none.</summary>
    public CorporateIdentifiersSettings? CorporateIdentifiers { get; init; }

    /// <summary>Automatic Intune enrollment (MDM and MAM user scopes); <see langword="null"/> when the stack does not declare it.</summary>
    public EnrollmentSettings? Enrollment { get; init; }

    /// <summary>
    /// What the settings allow but the journey cannot work with, said at every preview: an MDM user scope of "none"
    /// while the stack declares the Autopilot device group means Autopilot devices never enroll in Intune.
    /// </summary>
    public IReadOnlyList<string> Warnings =>
    [
        .. Enrollment?.Mdm?.Scope == MembershipScope.None && AutopilotGroupName is not null
            ? [$"{ConfigKeys.MdmScope} is \"none\" while the stack declares the Autopilot device group: devices join Entra but never enroll in Intune, "
                + "so the Enrollment Status Page and the deployment profile never apply. Set it to \"all\" or \"selected\"."]
            : Array.Empty<string>(),
        .. Join is { Scope: MembershipScope.Selected, UserIds.Count: 0, ExistingGroupIds.Count: 0, CreatedGroupMembers.ManagedElsewhere: true }
            ? [$"{ConfigKeys.JoinScope} is \"selected\" and only the join group this program creates may join devices, which this stack creates empty "
                + $"({ConfigKeys.JoinGroupMembersManagedElsewhere}): until the process that fills it adds members, nobody can join devices to Microsoft Entra."]
            : Array.Empty<string>(),
        .. Devices is not null && DevicePreparation is not null
            ? [$"The stack declares both classic Autopilot devices ({ConfigKeys.DevicesCsv}) and device preparation: a device registered as a classic "
                + "Autopilot device gets the classic deployment profile, never device preparation, whoever signs in (Microsoft's rule). To move a device "
                + $"to device preparation, take it out of the CSV with {ConfigKeys.DevicesWhenRemoved} \"delete\" and reset it."]
            : Array.Empty<string>(),
        .. DevicePreparation is { UserAccountType: "standardUser" or null } && RegisteringUsersLocalAdmins is { Scope: not MembershipScope.All }
            ? [$"{ConfigKeys.PreparationUserAccountType} is a standard user while {ConfigKeys.RegisteringUsersLocalAdminScope} is not \"all\": Microsoft "
                + "lists this combination as one where device preparation is skipped and people reach the desktop without their apps. Set "
                + $"{ConfigKeys.PreparationUserAccountType} to \"administrator\" (the Entra setting then keeps people standard users), or the scope to \"all\"."]
            : Array.Empty<string>(),
    ];

    /// <summary><see cref="RestoreOriginal"/> or <see cref="RestoreDefaults"/>; <see langword="null"/> keeps the provider default.</summary>
    public string? OnDestroy { get; init; }
}
