using Pulumi;

namespace Pulumi.EntraDevices;

/// <summary>Inputs of <see cref="AutopilotDeploymentProfile"/>; what is left unset gets Graph's default on create and is left alone on update.</summary>
public sealed class AutopilotDeploymentProfileArgs : ResourceArgs
{
    [Input("displayName", required: true)]
    public Input<string> DisplayName { get; set; } = null!;

    [Input("description")]
    public Input<string>? Description { get; set; }

    [Input("locale")]
    public Input<string>? Locale { get; set; }

    /// <summary>At most 15 characters once expanded; macros %SERIAL% and %RAND:x%.</summary>
    [Input("deviceNameTemplate")]
    public Input<string>? DeviceNameTemplate { get; set; }

    /// <summary>Create-only: a change replaces the profile.</summary>
    [Input("deviceType")]
    public Input<string>? DeviceType { get; set; }

    [Input("hardwareHashExtractionEnabled")]
    public Input<bool>? HardwareHashExtractionEnabled { get; set; }

    [Input("preprovisioningAllowed")]
    public Input<bool>? PreprovisioningAllowed { get; set; }

    [Input("roleScopeTagIds")]
    private InputList<string>? _roleScopeTagIds;

    public InputList<string> RoleScopeTagIds
    {
        get => _roleScopeTagIds ??= new InputList<string>();
        set => _roleScopeTagIds = value;
    }

    [Input("outOfBoxExperienceSetting")]
    public Input<Inputs.OutOfBoxExperienceSettingArgs>? OutOfBoxExperienceSetting { get; set; }

    [Input("assignments")]
    public Input<Inputs.ProfileAssignmentsArgs>? Assignments { get; set; }
}
