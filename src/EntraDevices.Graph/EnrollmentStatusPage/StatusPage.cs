using System.Text.Json.Nodes;

namespace EntraDevices.Graph.EnrollmentStatusPage;

/// <summary>How a setting of the page is written in Graph's JSON.</summary>
public enum FieldKind
{
    Flag,
    Minutes,
    Text,
    Ids,
}

/// <summary>One writable setting of an Enrollment Status Page, by Graph's name.</summary>
public sealed record PageField(string Name, FieldKind Kind, string Description);

/// <summary>
/// The writable settings of <c>windows10EnrollmentCompletionPageConfiguration</c> (beta), besides the display name:
/// one table that the mapping, the checks, the schema and the outputs all read.
/// </summary>
public static class StatusPageFields
{
    public static readonly IReadOnlyList<PageField> Writable =
    [
        new("description", FieldKind.Text, "The page's description."),
        new("showInstallationProgress", FieldKind.Flag, "Show app and profile configuration progress (the page itself)."),
        new("installProgressTimeoutInMinutes", FieldKind.Minutes, "Show an error when installation takes longer than this many minutes (1 to 1440; Graph's default 60)."),
        new("customErrorMessage", FieldKind.Text, "The message shown when installation fails or times out (at most 10,000 characters)."),
        new("installQualityUpdates", FieldKind.Flag, "Install Windows quality updates during the out-of-box experience."),
        new("blockDeviceSetupRetryByUser", FieldKind.Flag, "Keep the person from retrying setup after a failure."),
        new("allowDeviceResetOnInstallFailure", FieldKind.Flag, "Let the person reset the device when installation fails."),
        new("allowDeviceUseOnInstallFailure", FieldKind.Flag, "Let the person use the device when installation fails."),
        new("allowLogCollectionOnInstallFailure", FieldKind.Flag, "Let the person collect logs when installation fails."),
        new("allowNonBlockingAppInstallation", FieldKind.Flag, "Install apps that are not selected as blocking in the background."),
        new("selectedMobileAppIds", FieldKind.Ids, "Intune app ids (GUIDs) the device waits for; empty: all assigned apps."),
        new("trackInstallProgressForAutopilotOnly", FieldKind.Flag, "Show the page only to devices provisioned by Windows Autopilot."),
        new("disableUserStatusTrackingAfterFirstUser", FieldKind.Flag, "Show the page only to the first user who signs in."),
        new("roleScopeTagIds", FieldKind.Ids, "Intune scope tag ids, e.g. [\"0\"] (Default)."),
    ];
}

/// <summary>An Enrollment Status Page as Graph holds it: the writable settings as Graph's JSON, the groups it is assigned to.</summary>
public sealed record StatusPage(string Id, string DisplayName, int Priority, JsonObject Settings, IReadOnlyList<string> Groups, string? CreatedDateTime);
