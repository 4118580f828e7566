using System.Collections.Immutable;
using Pulumi;

namespace Pulumi.EntraDevices;

/// <summary>
/// A Windows Autopilot device preparation policy, user-driven Microsoft Entra join, with its device group and its
/// assignment to user groups, managed by the <c>entradevices</c> provider plugin (Graph beta
/// <c>deviceManagement/configurationPolicies</c>). Its id is the one Graph assigns; an update sends the whole policy
/// and keeps every setting the program does not declare.
/// </summary>
[ResourceType(TypeToken, null)]
public sealed class AutopilotDevicePreparationPolicy : CustomResource
{
    public const string TypeToken = "entradevices:index:AutopilotDevicePreparationPolicy";

    [Output("name")]
    public Output<string> Name { get; private set; } = null!;

    [Output("description")]
    public Output<string> Description { get; private set; } = null!;

    [Output("roleScopeTagIds")]
    public Output<ImmutableArray<string>> RoleScopeTagIds { get; private set; } = null!;

    [Output("deploymentMode")]
    public Output<string?> DeploymentMode { get; private set; } = null!;

    [Output("deploymentType")]
    public Output<string?> DeploymentType { get; private set; } = null!;

    [Output("joinType")]
    public Output<string?> JoinType { get; private set; } = null!;

    /// <summary>"standardUser" or "administrator".</summary>
    [Output("userAccountType")]
    public Output<string?> UserAccountType { get; private set; } = null!;

    [Output("timeoutMinutes")]
    public Output<int?> TimeoutMinutes { get; private set; } = null!;

    [Output("customErrorMessage")]
    public Output<string?> CustomErrorMessage { get; private set; } = null!;

    [Output("allowSkip")]
    public Output<bool?> AllowSkip { get; private set; } = null!;

    [Output("allowDiagnostics")]
    public Output<bool?> AllowDiagnostics { get; private set; } = null!;

    [Output("allowedApps")]
    public Output<ImmutableArray<Outputs.AllowedApp>> AllowedApps { get; private set; } = null!;

    [Output("allowedScripts")]
    public Output<ImmutableArray<string>> AllowedScripts { get; private set; } = null!;

    /// <summary>The object id of the device group bound to the policy, when one is.</summary>
    [Output("deviceGroup")]
    public Output<string?> DeviceGroup { get; private set; } = null!;

    [Output("userGroups")]
    public Output<ImmutableArray<string>> UserGroups { get; private set; } = null!;

    /// <summary>Intune's priority: when several policies target a user, the lowest number wins.</summary>
    [Output("priority")]
    public Output<int?> Priority { get; private set; } = null!;

    [Output("createdDateTime")]
    public Output<string?> CreatedDateTime { get; private set; } = null!;

    public AutopilotDevicePreparationPolicy(string name, AutopilotDevicePreparationPolicyArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, args, options)
    {
    }
}
