namespace EntraDevices.Provider.Resources.AutopilotDeploymentProfile;

/// <summary>The property names of the resource: Graph's own (<c>azureADWindowsAutopilotDeploymentProfile</c>), and its assignments.</summary>
internal static class ProfileProperties
{
    public const string DisplayName = "displayName";
    public const string Description = "description";
    public const string Locale = "locale";
    public const string DeviceNameTemplate = "deviceNameTemplate";
    public const string DeviceType = "deviceType";
    public const string HardwareHashExtractionEnabled = "hardwareHashExtractionEnabled";
    public const string PreprovisioningAllowed = "preprovisioningAllowed";
    public const string RoleScopeTagIds = "roleScopeTagIds";
    public const string Oobe = "outOfBoxExperienceSetting";
    public const string Assignments = "assignments";
    public const string AllDevices = "allDevices";
    public const string Groups = "groups";
    public const string ExcludedGroups = "excludedGroups";
    public const string CreatedDateTime = "createdDateTime";

    public static readonly string[] OobeFlags = ["privacySettingsHidden", "eulaHidden", "keyboardSelectionPageSkipped", "escapeLinkHidden"];
    public const string UserType = "userType";
    public const string DeviceUsageType = "deviceUsageType";

    public static readonly string[] OobeFields = [.. OobeFlags, UserType, DeviceUsageType];

    public static readonly string[] Top =
        [DisplayName, Description, Locale, DeviceNameTemplate, DeviceType, HardwareHashExtractionEnabled, PreprovisioningAllowed, RoleScopeTagIds, Oobe, Assignments];

    public static readonly string[] AssignmentFields = [AllDevices, Groups, ExcludedGroups];

    /// <summary>Every input leaf, as Diff reports it.</summary>
    public static readonly string[] Leaves =
    [
        DisplayName, Description, Locale, DeviceNameTemplate, DeviceType, HardwareHashExtractionEnabled, PreprovisioningAllowed, RoleScopeTagIds,
        .. OobeFields.Select(field => $"{Oobe}.{field}"),
        .. AssignmentFields.Select(field => $"{Assignments}.{field}"),
    ];

    public static readonly HashSet<string> TargetLists = [$"{Assignments}.{Groups}", $"{Assignments}.{ExcludedGroups}"];

    public static readonly HashSet<string> IdLists = [RoleScopeTagIds, .. TargetLists];

    public static readonly string[] DeviceTypes = ["windowsPc", "surfaceHub2", "holoLens", "surfaceHub2S", "virtualMachine"];

    /// <summary>The display languages Windows ships (the portal's list); "" is the portal's "User select".</summary>
    public static readonly string[] Locales =
    [
        "", "ar-SA", "bg-BG", "cs-CZ", "da-DK", "de-DE", "el-GR", "en-GB", "en-US", "es-ES", "es-MX", "et-EE", "fi-FI", "fr-CA", "fr-FR",
        "he-IL", "hr-HR", "hu-HU", "it-IT", "ja-JP", "ko-KR", "lt-LT", "lv-LV", "nb-NO", "nl-NL", "pl-PL", "pt-BR", "pt-PT", "ro-RO",
        "ru-RU", "sk-SK", "sl-SI", "sr-Latn-RS", "sv-SE", "th-TH", "tr-TR", "uk-UA", "zh-CN", "zh-TW",
    ];

    public const int MaxDisplayName = 200;
    public const int MaxDescription = 1500;
}
