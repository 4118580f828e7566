using System.Text.Json.Nodes;

namespace EntraDevices.Graph.DevicePreparationPolicy;

/// <summary>
/// The settings of a user-driven device preparation policy, in the user's words. As the tenant holds them, a null
/// field is a setting the policy lacks; as a stack declares them, a null field is undeclared (left as it is).
/// </summary>
/// <param name="DeploymentMode">"userDriven"; another option read back is shown as its option id.</param>
/// <param name="DeploymentType">"singleUser".</param>
/// <param name="JoinType">"entraJoined".</param>
/// <param name="UserAccountType">"administrator" or "standardUser".</param>
public sealed record PreparationSettings(
    string? DeploymentMode = null,
    string? DeploymentType = null,
    string? JoinType = null,
    string? UserAccountType = null,
    int? TimeoutMinutes = null,
    string? CustomErrorMessage = null,
    bool? AllowSkip = null,
    bool? AllowDiagnostics = null,
    IReadOnlyList<AllowedApp>? AllowedApps = null,
    IReadOnlyList<string>? AllowedScripts = null);

/// <summary>An app installed during setup: the mobileApp's id and its full type, e.g. <c>#microsoft.graph.win32LobApp</c>.</summary>
public sealed record AllowedApp(string Id, string Type);

/// <summary>The policy's own fields, those a PUT sends beside the settings.</summary>
public sealed record PolicyHeader(string Name, string Description, IReadOnlyList<string> RoleScopeTagIds);

/// <summary>
/// A device preparation policy as the tenant holds it: its header, its settings (typed, and the raw list a PUT sends
/// back whole, so a setting this code does not know is never dropped), the device group bound to it, and the user
/// groups it is assigned to.
/// </summary>
public sealed record PreparationPolicy(
    string Id,
    string TemplateId,
    PolicyHeader Header,
    PreparationSettings Settings,
    JsonArray RawSettings,
    string? DeviceGroupId,
    IReadOnlyList<string> UserGroups,
    int? Priority,
    string? CreatedDateTime);
