namespace Infra.Settings;

/// <summary>
/// The stack configuration this program reads: one structured object per resource (Pulumi structured config),
/// each key here written as its path, e.g. <c>deviceRegistrationPolicy.joinScope</c>. In a stack file that is
/// <c>entra-device-settings:deviceRegistrationPolicy: { joinScope: selected }</c>, and on the command line
/// <c>pulumi config set --path deviceRegistrationPolicy.joinScope selected</c>.
/// </summary>
internal static class ConfigKeys
{
    public const string DeviceRegistrationPolicySection = "deviceRegistrationPolicy";
    public const string JoinGroupSection = "joinGroup";
    public const string LocalAdminsGroupSection = "localAdminsGroup";
    public const string AutopilotGroupSection = "autopilotGroup";
    public const string BitLockerSection = "bitLockerKeyRecoveryRestriction";
    public const string EnrollmentSection = "automaticIntuneEnrollment";
    public const string DeploymentProfileSection = "deploymentProfile";
    public const string StatusPageSection = "enrollmentStatusPage";
    public const string DefaultStatusPageSection = "defaultEnrollmentStatusPage";
    public const string AutopilotDevicesSection = "autopilotDevices";
    public const string DevicePreparationSection = "devicePreparation";
    public const string CorporateIdentifiersSection = "corporateIdentifiers";

    public const string JoinScope = "deviceRegistrationPolicy.joinScope";
    public const string JoinGroupIds = "deviceRegistrationPolicy.joinGroupIds";
    public const string JoinUserIds = "deviceRegistrationPolicy.joinUserIds";
    public const string UserDeviceQuota = "deviceRegistrationPolicy.userDeviceQuota";
    public const string RequireMfa = "deviceRegistrationPolicy.requireMfa";
    public const string GlobalAdminsAsLocalAdmins = "deviceRegistrationPolicy.globalAdminsAsLocalAdmins";
    public const string RegisteringUsersLocalAdminScope = "deviceRegistrationPolicy.registeringUsersLocalAdminScope";
    public const string RegisteringUsersLocalAdminUserIds = "deviceRegistrationPolicy.registeringUsersLocalAdminUserIds";
    public const string RegisteringUsersLocalAdminGroupIds = "deviceRegistrationPolicy.registeringUsersLocalAdminGroupIds";
    public const string LapsEnabled = "deviceRegistrationPolicy.lapsEnabled";
    public const string OnDestroy = "deviceRegistrationPolicy.onDestroy";
    public const string CreateJoinGroup = "joinGroup.create";
    public const string JoinGroupName = "joinGroup.name";
    public const string JoinGroupMemberUserIds = "joinGroup.memberUserIds";
    public const string JoinGroupMemberGroupIds = "joinGroup.memberGroupIds";
    public const string JoinGroupMembershipRule = "joinGroup.membershipRule";
    public const string JoinGroupMembersManagedElsewhere = "joinGroup.membersManagedElsewhere";
    public const string CreateLocalAdminsGroup = "localAdminsGroup.create";
    public const string LocalAdminsGroupName = "localAdminsGroup.name";
    public const string CreateAutopilotGroup = "autopilotGroup.create";
    public const string AutopilotGroupName = "autopilotGroup.name";
    public const string RestrictBitLockerKeySelfRecovery = "bitLockerKeyRecoveryRestriction.restrictOwnersFromReadingKeys";
    public const string MdmScope = "automaticIntuneEnrollment.mdmScope";
    public const string MdmGroupIds = "automaticIntuneEnrollment.mdmGroupIds";
    public const string MamScope = "automaticIntuneEnrollment.mamScope";
    public const string MamGroupIds = "automaticIntuneEnrollment.mamGroupIds";
    public const string CreateDeploymentProfile = "deploymentProfile.create";
    public const string ProfileDisplayName = "deploymentProfile.displayName";
    public const string ProfileDescription = "deploymentProfile.description";
    public const string ProfileLocale = "deploymentProfile.locale";
    public const string ProfileDeviceNameTemplate = "deploymentProfile.deviceNameTemplate";
    public const string ProfileUserType = "deploymentProfile.userType";
    public const string ProfilePrivacySettingsHidden = "deploymentProfile.privacySettingsHidden";
    public const string ProfileEulaHidden = "deploymentProfile.eulaHidden";
    public const string ProfileKeyboardSelectionPageSkipped = "deploymentProfile.keyboardSelectionPageSkipped";
    public const string ProfileEscapeLinkHidden = "deploymentProfile.escapeLinkHidden";
    public const string ProfilePreprovisioningAllowed = "deploymentProfile.preprovisioningAllowed";
    public const string ProfileHardwareHashExtractionEnabled = "deploymentProfile.hardwareHashExtractionEnabled";
    public const string ProfileAssignedGroupIds = "deploymentProfile.assignedGroupIds";
    public const string ProfileExcludedGroupIds = "deploymentProfile.excludedGroupIds";

    public const string CreateStatusPage = "enrollmentStatusPage.create";
    public const string PageDisplayName = "enrollmentStatusPage.displayName";
    public const string PageShowInstallationProgress = "enrollmentStatusPage.showInstallationProgress";
    public const string PageInstallProgressTimeoutInMinutes = "enrollmentStatusPage.installProgressTimeoutInMinutes";
    public const string PageCustomErrorMessage = "enrollmentStatusPage.customErrorMessage";
    public const string PageAllowDeviceUseOnInstallFailure = "enrollmentStatusPage.allowDeviceUseOnInstallFailure";
    public const string PageAllowDeviceResetOnInstallFailure = "enrollmentStatusPage.allowDeviceResetOnInstallFailure";
    public const string PageAllowLogCollectionOnInstallFailure = "enrollmentStatusPage.allowLogCollectionOnInstallFailure";
    public const string PageBlockDeviceSetupRetryByUser = "enrollmentStatusPage.blockDeviceSetupRetryByUser";
    public const string PageTrackInstallProgressForAutopilotOnly = "enrollmentStatusPage.trackInstallProgressForAutopilotOnly";
    public const string PageAssignedGroupIds = "enrollmentStatusPage.assignedGroupIds";

    public const string DevicesCsv = "autopilotDevices.csv";
    public const string DevicesGroupTag = "autopilotDevices.groupTag";
    public const string DevicesAssignedUser = "autopilotDevices.assignedUser";
    public const string DevicesWhenRemoved = "autopilotDevices.whenRemoved";

    public const string CreateDevicePreparation = "devicePreparation.create";
    public const string PreparationName = "devicePreparation.name";
    public const string PreparationDescription = "devicePreparation.description";
    public const string PreparationDeviceGroupName = "devicePreparation.deviceGroupName";
    public const string PreparationDeviceGroupId = "devicePreparation.deviceGroupId";
    public const string PreparationUserGroupIds = "devicePreparation.userGroupIds";
    public const string PreparationUserAccountType = "devicePreparation.userAccountType";
    public const string PreparationTimeoutMinutes = "devicePreparation.timeoutMinutes";
    public const string PreparationCustomErrorMessage = "devicePreparation.customErrorMessage";
    public const string PreparationAllowSkip = "devicePreparation.allowSkip";
    public const string PreparationAllowDiagnostics = "devicePreparation.allowDiagnostics";
    public const string PreparationAllowedApps = "devicePreparation.allowedApps";
    public const string PreparationAllowedScriptIds = "devicePreparation.allowedScriptIds";

    public const string CorporateIdentifiersCsv = "corporateIdentifiers.csv";
    public const string CorporateIdentifiersWhenRemoved = "corporateIdentifiers.whenRemoved";

    /// <summary>The device preparation policy's keys other than <see cref="CreateDevicePreparation"/>.</summary>
    public static readonly IReadOnlyList<string> PreparationSettingKeys =
    [
        PreparationName, PreparationDescription, PreparationDeviceGroupName, PreparationDeviceGroupId, PreparationUserGroupIds, PreparationUserAccountType,
        PreparationTimeoutMinutes, PreparationCustomErrorMessage, PreparationAllowSkip, PreparationAllowDiagnostics, PreparationAllowedApps, PreparationAllowedScriptIds,
    ];

    /// <summary>The keys that say who is in the created join group.</summary>
    public static readonly IReadOnlyList<string> JoinGroupMemberKeys =
        [JoinGroupMemberUserIds, JoinGroupMemberGroupIds, JoinGroupMembershipRule, JoinGroupMembersManagedElsewhere];

    /// <summary>The Enrollment Status Page's keys other than <see cref="CreateStatusPage"/>.</summary>
    public static readonly IReadOnlyList<string> PageSettingKeys =
    [
        PageDisplayName, PageShowInstallationProgress, PageInstallProgressTimeoutInMinutes, PageCustomErrorMessage, PageAllowDeviceUseOnInstallFailure,
        PageAllowDeviceResetOnInstallFailure, PageAllowLogCollectionOnInstallFailure, PageBlockDeviceSetupRetryByUser, PageTrackInstallProgressForAutopilotOnly,
        PageAssignedGroupIds,
    ];

    /// <summary>The default page's keys: the settings of a page, under <see cref="DefaultStatusPageSection"/> (it has no name or assignments).</summary>
    public static readonly IReadOnlyList<string> DefaultPageKeys =
    [
        .. PageSettingKeys.Where(key => key != PageDisplayName && key != PageAssignedGroupIds)
            .Select(key => PageKeyIn(DefaultStatusPageSection, key)),
    ];

    /// <summary>A page key (<c>enrollmentStatusPage.…</c>) under another section that holds a page's settings.</summary>
    public static string PageKeyIn(string section, string pageKey) => $"{section}{pageKey[StatusPageSection.Length..]}";

    /// <summary>The deployment profile's keys other than <see cref="CreateDeploymentProfile"/>.</summary>
    public static readonly IReadOnlyList<string> ProfileSettingKeys =
    [
        ProfileDisplayName, ProfileDescription, ProfileLocale, ProfileDeviceNameTemplate, ProfileUserType, ProfilePrivacySettingsHidden,
        ProfileEulaHidden, ProfileKeyboardSelectionPageSkipped, ProfileEscapeLinkHidden, ProfilePreprovisioningAllowed, ProfileHardwareHashExtractionEnabled,
        ProfileAssignedGroupIds, ProfileExcludedGroupIds,
    ];

    /// <summary>Every key, in the order the README documents them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        JoinScope,
        JoinGroupIds,
        JoinUserIds,
        UserDeviceQuota,
        RequireMfa,
        GlobalAdminsAsLocalAdmins,
        RegisteringUsersLocalAdminScope,
        RegisteringUsersLocalAdminUserIds,
        RegisteringUsersLocalAdminGroupIds,
        LapsEnabled,
        OnDestroy,
        CreateJoinGroup,
        JoinGroupName,
        .. JoinGroupMemberKeys,
        CreateLocalAdminsGroup,
        LocalAdminsGroupName,
        CreateAutopilotGroup,
        AutopilotGroupName,
        RestrictBitLockerKeySelfRecovery,
        MdmScope,
        MdmGroupIds,
        MamScope,
        MamGroupIds,
        CreateStatusPage,
        .. PageSettingKeys,
        .. DefaultPageKeys,
        CreateDeploymentProfile,
        .. ProfileSettingKeys,
        DevicesCsv,
        DevicesGroupTag,
        DevicesAssignedUser,
        DevicesWhenRemoved,
        CreateDevicePreparation,
        .. PreparationSettingKeys,
        CorporateIdentifiersCsv,
        CorporateIdentifiersWhenRemoved,
    ];

    /// <summary>The top-level objects of the program's configuration.</summary>
    public static readonly IReadOnlyList<string> Sections =
        [DeviceRegistrationPolicySection, JoinGroupSection, LocalAdminsGroupSection, AutopilotGroupSection, BitLockerSection, EnrollmentSection, StatusPageSection, DefaultStatusPageSection,
            DeploymentProfileSection,
            AutopilotDevicesSection, DevicePreparationSection, CorporateIdentifiersSection];

    /// <summary>The flat keys of earlier versions, and what replaced each.</summary>
    public static readonly IReadOnlyDictionary<string, string> Replaced = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["joinScope"] = JoinScope,
        ["createJoinGroup"] = CreateJoinGroup,
        ["joinGroupName"] = JoinGroupName,
        ["joinGroupIds"] = JoinGroupIds,
        ["joinUserIds"] = JoinUserIds,
        ["userDeviceQuota"] = UserDeviceQuota,
        ["requireMfa"] = RequireMfa,
        ["globalAdminsAsLocalAdmins"] = GlobalAdminsAsLocalAdmins,
        ["registeringUsersLocalAdminScope"] = RegisteringUsersLocalAdminScope,
        ["registeringUsersLocalAdminUserIds"] = RegisteringUsersLocalAdminUserIds,
        ["registeringUsersLocalAdminGroupIds"] = RegisteringUsersLocalAdminGroupIds,
        ["lapsEnabled"] = LapsEnabled,
        ["createLocalAdminsGroup"] = CreateLocalAdminsGroup,
        ["localAdminsGroupName"] = LocalAdminsGroupName,
        ["createAutopilotGroup"] = CreateAutopilotGroup,
        ["autopilotGroupName"] = AutopilotGroupName,
        ["restrictBitLockerKeySelfRecovery"] = RestrictBitLockerKeySelfRecovery,
        ["onDestroy"] = OnDestroy,
    };
}
