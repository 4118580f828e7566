namespace Infra.Settings;

/// <summary>
/// The Enrollment Status Page the stack creates (step 5), assigned to the Autopilot device group and to
/// <see cref="AssignedGroupIds"/>. A <see langword="null"/> field is not declared: Graph's default on create, left alone on update.
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
    bool? TrackInstallProgressForAutopilotOnly)
{
    /// <summary>Existing groups the page is assigned to, beside the Autopilot device group when the stack creates it.</summary>
    public IReadOnlyList<string> AssignedGroupIds { get; init; } = [];
}
