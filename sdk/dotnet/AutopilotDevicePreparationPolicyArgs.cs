using Pulumi;

namespace Pulumi.EntraDevices;

/// <summary>
/// Inputs of <see cref="AutopilotDevicePreparationPolicy"/>; what is left unset gets the admin center's default on
/// create and is left as the tenant holds it on update. An unset device group or user group list is not managed.
/// </summary>
public sealed class AutopilotDevicePreparationPolicyArgs : ResourceArgs
{
    [Input("name", required: true)]
    public Input<string> Name { get; set; } = null!;

    [Input("description")]
    public Input<string>? Description { get; set; }

    [Input("roleScopeTagIds")]
    private InputList<string>? _roleScopeTagIds;

    public InputList<string> RoleScopeTagIds
    {
        get => _roleScopeTagIds ??= new InputList<string>();
        set => _roleScopeTagIds = value;
    }

    [Input("deploymentMode")]
    public Input<string>? DeploymentMode { get; set; }

    [Input("deploymentType")]
    public Input<string>? DeploymentType { get; set; }

    [Input("joinType")]
    public Input<string>? JoinType { get; set; }

    [Input("userAccountType")]
    public Input<string>? UserAccountType { get; set; }

    /// <summary>15 to 720 minutes.</summary>
    [Input("timeoutMinutes")]
    public Input<int>? TimeoutMinutes { get; set; }

    [Input("customErrorMessage")]
    public Input<string>? CustomErrorMessage { get; set; }

    [Input("allowSkip")]
    public Input<bool>? AllowSkip { get; set; }

    [Input("allowDiagnostics")]
    public Input<bool>? AllowDiagnostics { get; set; }

    [Input("allowedApps")]
    private InputList<Inputs.AllowedAppArgs>? _allowedApps;

    /// <summary>At most 10; each must be assigned to the device group.</summary>
    public InputList<Inputs.AllowedAppArgs> AllowedApps
    {
        get => _allowedApps ??= new InputList<Inputs.AllowedAppArgs>();
        set => _allowedApps = value;
    }

    [Input("allowedScripts")]
    private InputList<string>? _allowedScripts;

    /// <summary>At most 10 platform script ids; each must be assigned to the device group.</summary>
    public InputList<string> AllowedScripts
    {
        get => _allowedScripts ??= new InputList<string>();
        set => _allowedScripts = value;
    }

    /// <summary>An assigned security group owned by the Intune Provisioning Client service principal.</summary>
    [Input("deviceGroup")]
    public Input<string>? DeviceGroup { get; set; }

    [Input("userGroups")]
    private InputList<string>? _userGroups;

    public InputList<string> UserGroups
    {
        get => _userGroups ??= new InputList<string>();
        set => _userGroups = value;
    }
}
