namespace EntraDevices.Provider.Resources.AutopilotDevicePreparationPolicy;

/// <summary>The property names of the resource, in the admin center's words (its Graph setting ids are in PreparationSettingsJson).</summary>
internal static class PreparationProperties
{
    public const string Name = "name";
    public const string Description = "description";
    public const string RoleScopeTagIds = "roleScopeTagIds";
    public const string DeploymentMode = "deploymentMode";
    public const string DeploymentType = "deploymentType";
    public const string JoinType = "joinType";
    public const string UserAccountType = "userAccountType";
    public const string TimeoutMinutes = "timeoutMinutes";
    public const string CustomErrorMessage = "customErrorMessage";
    public const string AllowSkip = "allowSkip";
    public const string AllowDiagnostics = "allowDiagnostics";
    public const string AllowedApps = "allowedApps";
    public const string AllowedScripts = "allowedScripts";
    public const string DeviceGroup = "deviceGroup";
    public const string UserGroups = "userGroups";
    public const string Priority = "priority";
    public const string CreatedDateTime = "createdDateTime";

    public const string AppId = "id";
    public const string AppType = "type";

    /// <summary>Every input leaf, as Diff reports it.</summary>
    public static readonly string[] Leaves =
    [
        Name, Description, RoleScopeTagIds, DeploymentMode, DeploymentType, JoinType, UserAccountType, TimeoutMinutes, CustomErrorMessage,
        AllowSkip, AllowDiagnostics, AllowedApps, AllowedScripts, DeviceGroup, UserGroups,
    ];

    public static readonly HashSet<string> IdLists = [RoleScopeTagIds, AllowedScripts, UserGroups];

    public static readonly HashSet<string> ElementLists = [UserGroups];

    public const int MaxDescription = 1500;
    public const int MaxCustomErrorMessage = 1000;
    public const int MaxAllowed = 10;
    public const int MinTimeout = 15;
    public const int MaxTimeout = 720;

    /// <summary>The app types device preparation can install during setup (graph-device-preparation.md §2.4), without the <c>#microsoft.graph.</c> prefix.</summary>
    public static readonly string[] AppTypes =
        ["win32LobApp", "winGetApp", "win32CatalogApp", "officeSuiteApp", "windowsUniversalAppX", "windowsMobileMSI", "windowsAppX", "windowsMicrosoftEdgeApp"];

    public const string GraphTypePrefix = "#microsoft.graph.";
}
