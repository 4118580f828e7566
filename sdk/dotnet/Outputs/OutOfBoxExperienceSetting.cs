using Pulumi;

namespace Pulumi.EntraDevices.Outputs;

/// <summary>The effective out-of-box experience of a deployment profile.</summary>
[OutputType]
public sealed class OutOfBoxExperienceSetting
{
    public readonly bool? PrivacySettingsHidden;
    public readonly bool? EulaHidden;
    public readonly string? UserType;
    public readonly string? DeviceUsageType;
    public readonly bool? KeyboardSelectionPageSkipped;
    public readonly bool? EscapeLinkHidden;

    [OutputConstructor]
    private OutOfBoxExperienceSetting(bool? privacySettingsHidden, bool? eulaHidden, string? userType, string? deviceUsageType, bool? keyboardSelectionPageSkipped, bool? escapeLinkHidden)
    {
        PrivacySettingsHidden = privacySettingsHidden;
        EulaHidden = eulaHidden;
        UserType = userType;
        DeviceUsageType = deviceUsageType;
        KeyboardSelectionPageSkipped = keyboardSelectionPageSkipped;
        EscapeLinkHidden = escapeLinkHidden;
    }
}
