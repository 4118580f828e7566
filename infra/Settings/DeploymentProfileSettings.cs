namespace Infra.Settings;

/// <summary>
/// The Autopilot deployment profile the stack creates (step 6), assigned to the Autopilot device group. A
/// <see langword="null"/> field is not declared: Graph's default on create, left alone on update.
/// </summary>
internal sealed record DeploymentProfileSettings(
    string DisplayName,
    string? Description,
    string? Locale,
    string? DeviceNameTemplate,
    string? UserType,
    bool? PrivacySettingsHidden,
    bool? EulaHidden,
    bool? KeyboardSelectionPageSkipped,
    bool? EscapeLinkHidden,
    bool? PreprovisioningAllowed,
    bool? HardwareHashExtractionEnabled)
{
    /// <summary>Existing groups the profile targets, beside the Autopilot device group when the stack creates it.</summary>
    public IReadOnlyList<string> AssignedGroupIds { get; init; } = [];

    /// <summary>Existing groups the profile excludes.</summary>
    public IReadOnlyList<string> ExcludedGroupIds { get; init; } = [];
}
