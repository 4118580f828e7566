using System.Collections.Immutable;
using Pulumi;

namespace Pulumi.EntraDevices;

/// <summary>
/// A Windows Enrollment Status Page, managed by the <c>entradevices</c> provider plugin (Graph beta
/// <c>deviceManagement/deviceEnrollmentConfigurations</c>, <c>windows10EnrollmentCompletionPageConfiguration</c>).
/// Its id is the one Graph assigns; its priority changes only through setPriority.
/// </summary>
[ResourceType(TypeToken, null)]
public sealed class EnrollmentStatusPage : CustomResource
{
    public const string TypeToken = "entradevices:index:EnrollmentStatusPage";

    [Output("displayName")]
    public Output<string> DisplayName { get; private set; } = null!;

    [Output("description")]
    public Output<string?> Description { get; private set; } = null!;

    [Output("showInstallationProgress")]
    public Output<bool?> ShowInstallationProgress { get; private set; } = null!;

    [Output("installProgressTimeoutInMinutes")]
    public Output<int?> InstallProgressTimeoutInMinutes { get; private set; } = null!;

    [Output("customErrorMessage")]
    public Output<string?> CustomErrorMessage { get; private set; } = null!;

    [Output("installQualityUpdates")]
    public Output<bool?> InstallQualityUpdates { get; private set; } = null!;

    [Output("blockDeviceSetupRetryByUser")]
    public Output<bool?> BlockDeviceSetupRetryByUser { get; private set; } = null!;

    [Output("allowDeviceResetOnInstallFailure")]
    public Output<bool?> AllowDeviceResetOnInstallFailure { get; private set; } = null!;

    [Output("allowDeviceUseOnInstallFailure")]
    public Output<bool?> AllowDeviceUseOnInstallFailure { get; private set; } = null!;

    [Output("allowLogCollectionOnInstallFailure")]
    public Output<bool?> AllowLogCollectionOnInstallFailure { get; private set; } = null!;

    [Output("allowNonBlockingAppInstallation")]
    public Output<bool?> AllowNonBlockingAppInstallation { get; private set; } = null!;

    [Output("selectedMobileAppIds")]
    public Output<ImmutableArray<string>> SelectedMobileAppIds { get; private set; } = null!;

    [Output("trackInstallProgressForAutopilotOnly")]
    public Output<bool?> TrackInstallProgressForAutopilotOnly { get; private set; } = null!;

    [Output("disableUserStatusTrackingAfterFirstUser")]
    public Output<bool?> DisableUserStatusTrackingAfterFirstUser { get; private set; } = null!;

    [Output("roleScopeTagIds")]
    public Output<ImmutableArray<string>> RoleScopeTagIds { get; private set; } = null!;

    /// <summary>The group object ids the page is assigned to.</summary>
    [Output("assignments")]
    public Output<ImmutableArray<string>> Assignments { get; private set; } = null!;

    [Output("priority")]
    public Output<int> Priority { get; private set; } = null!;

    [Output("createdDateTime")]
    public Output<string?> CreatedDateTime { get; private set; } = null!;

    public EnrollmentStatusPage(string name, EnrollmentStatusPageArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, args, options)
    {
    }
}
