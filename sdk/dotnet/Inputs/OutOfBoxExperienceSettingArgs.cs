using Pulumi;

namespace Pulumi.EntraDevices.Inputs;

/// <summary>The out-of-box experience of a deployment profile (Graph's <c>outOfBoxExperienceSetting</c>).</summary>
public sealed class OutOfBoxExperienceSettingArgs : ResourceArgs
{
    [Input("privacySettingsHidden")]
    public Input<bool>? PrivacySettingsHidden { get; set; }

    [Input("eulaHidden")]
    public Input<bool>? EulaHidden { get; set; }

    /// <summary>"standard" or "administrator".</summary>
    [Input("userType")]
    public Input<string>? UserType { get; set; }

    /// <summary>"singleUser" or "shared".</summary>
    [Input("deviceUsageType")]
    public Input<string>? DeviceUsageType { get; set; }

    [Input("keyboardSelectionPageSkipped")]
    public Input<bool>? KeyboardSelectionPageSkipped { get; set; }

    [Input("escapeLinkHidden")]
    public Input<bool>? EscapeLinkHidden { get; set; }
}
