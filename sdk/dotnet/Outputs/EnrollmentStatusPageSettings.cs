using System.Collections.Immutable;
using Pulumi;

namespace Pulumi.EntraDevices.Outputs;

/// <summary>Every writable setting of an Enrollment Status Page.</summary>
[OutputType]
public sealed class EnrollmentStatusPageSettings
{
    public readonly string? Description;
    public readonly bool? ShowInstallationProgress;
    public readonly int? InstallProgressTimeoutInMinutes;
    public readonly string? CustomErrorMessage;
    public readonly bool? InstallQualityUpdates;
    public readonly bool? BlockDeviceSetupRetryByUser;
    public readonly bool? AllowDeviceResetOnInstallFailure;
    public readonly bool? AllowDeviceUseOnInstallFailure;
    public readonly bool? AllowLogCollectionOnInstallFailure;
    public readonly bool? AllowNonBlockingAppInstallation;
    public readonly ImmutableArray<string> SelectedMobileAppIds;
    public readonly bool? TrackInstallProgressForAutopilotOnly;
    public readonly bool? DisableUserStatusTrackingAfterFirstUser;
    public readonly ImmutableArray<string> RoleScopeTagIds;

    [OutputConstructor]
    private EnrollmentStatusPageSettings(
        string? description,
        bool? showInstallationProgress,
        int? installProgressTimeoutInMinutes,
        string? customErrorMessage,
        bool? installQualityUpdates,
        bool? blockDeviceSetupRetryByUser,
        bool? allowDeviceResetOnInstallFailure,
        bool? allowDeviceUseOnInstallFailure,
        bool? allowLogCollectionOnInstallFailure,
        bool? allowNonBlockingAppInstallation,
        ImmutableArray<string> selectedMobileAppIds,
        bool? trackInstallProgressForAutopilotOnly,
        bool? disableUserStatusTrackingAfterFirstUser,
        ImmutableArray<string> roleScopeTagIds)
    {
        Description = description;
        ShowInstallationProgress = showInstallationProgress;
        InstallProgressTimeoutInMinutes = installProgressTimeoutInMinutes;
        CustomErrorMessage = customErrorMessage;
        InstallQualityUpdates = installQualityUpdates;
        BlockDeviceSetupRetryByUser = blockDeviceSetupRetryByUser;
        AllowDeviceResetOnInstallFailure = allowDeviceResetOnInstallFailure;
        AllowDeviceUseOnInstallFailure = allowDeviceUseOnInstallFailure;
        AllowLogCollectionOnInstallFailure = allowLogCollectionOnInstallFailure;
        AllowNonBlockingAppInstallation = allowNonBlockingAppInstallation;
        SelectedMobileAppIds = selectedMobileAppIds;
        TrackInstallProgressForAutopilotOnly = trackInstallProgressForAutopilotOnly;
        DisableUserStatusTrackingAfterFirstUser = disableUserStatusTrackingAfterFirstUser;
        RoleScopeTagIds = roleScopeTagIds;
    }
}
