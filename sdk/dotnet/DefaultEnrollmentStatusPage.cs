using System.Collections.Immutable;
using Pulumi;

namespace Pulumi.EntraDevices;

/// <summary>
/// The tenant's default Enrollment Status Page (priority 0, all users and devices), managed by the <c>entradevices</c>
/// provider plugin. A singleton: its id is always <c>defaultEnrollmentStatusPage</c>; it is never deleted.
/// </summary>
[ResourceType(TypeToken, null)]
public sealed class DefaultEnrollmentStatusPage : CustomResource
{
    public const string TypeToken = "entradevices:index:DefaultEnrollmentStatusPage";

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

    /// <summary>The page as found when this stack adopted it.</summary>
    [Output("originalSettings")]
    public Output<Outputs.EnrollmentStatusPageSettings> OriginalSettings { get; private set; } = null!;

    public DefaultEnrollmentStatusPage(string name, DefaultEnrollmentStatusPageArgs? args = null, CustomResourceOptions? options = null)
        : base(TypeToken, name, args ?? new DefaultEnrollmentStatusPageArgs(), options)
    {
    }
}
