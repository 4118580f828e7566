namespace Infra.Settings;

/// <summary>
/// The Enrollment Status Page the stack creates (step 5), assigned to the Autopilot device group. A
/// <see langword="null"/> field is not declared: Graph's default on create, left alone on update.
/// </summary>
internal sealed record StatusPageSettings(
    string DisplayName,
    bool? ShowInstallationProgress,
    int? InstallProgressTimeoutInMinutes,
    string? CustomErrorMessage,
    bool? AllowDeviceUseOnInstallFailure,
    bool? AllowDeviceResetOnInstallFailure,
    bool? AllowLogCollectionOnInstallFailure,
    bool? BlockDeviceSetupRetryByUser,
    bool? TrackInstallProgressForAutopilotOnly);
