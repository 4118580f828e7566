namespace Infra.Settings;

/// <summary>
/// The Windows Autopilot device preparation policy the stack creates (user-driven Microsoft Entra join), with its device
/// group and the user groups it is assigned to. A <see langword="null"/> setting is not declared: the admin center's
/// default on create, left as the tenant holds it on update.
/// </summary>
/// <param name="DeviceGroupName">The device group this program creates, owned by the Intune Provisioning Client; null when <paramref name="DeviceGroupId"/> names an existing one.</param>
/// <param name="DeviceGroupId">An existing device group's object id; the preview checks it is fit.</param>
internal sealed record DevicePreparationSettings(
    string Name,
    string? Description,
    string? DeviceGroupName,
    string? DeviceGroupId,
    IReadOnlyList<string> UserGroupIds,
    string? UserAccountType,
    int? TimeoutMinutes,
    string? CustomErrorMessage,
    bool? AllowSkip,
    bool? AllowDiagnostics,
    IReadOnlyList<AllowedAppSetting>? AllowedApps,
    IReadOnlyList<string>? AllowedScriptIds);

/// <summary>An app installed during setup: its id in Intune and its type ("win32LobApp", "winGetApp", …).</summary>
internal sealed record AllowedAppSetting(string Id, string Type);

/// <summary>The Windows corporate identifiers of a CSV (device preparation step 7a): its path, relative to the project folder or absolute.</summary>
internal sealed record CorporateIdentifiersSettings(string Csv, string? WhenRemoved);
