using System.Collections.Immutable;
using Pulumi;

namespace Pulumi.EntraDevices;

/// <summary>
/// A Windows Autopilot deployment profile for user-driven Microsoft Entra join, with its assignments, managed by the
/// <c>entradevices</c> provider plugin (Graph beta <c>deviceManagement/windowsAutopilotDeploymentProfiles</c>).
/// Its id is the one Graph assigns; a change of <c>deviceType</c> replaces it.
/// </summary>
[ResourceType(TypeToken, null)]
public sealed class AutopilotDeploymentProfile : CustomResource
{
    public const string TypeToken = "entradevices:index:AutopilotDeploymentProfile";

    [Output("displayName")]
    public Output<string> DisplayName { get; private set; } = null!;

    [Output("description")]
    public Output<string?> Description { get; private set; } = null!;

    /// <summary>A Windows display language such as "en-US", or "" when the person selects it.</summary>
    [Output("locale")]
    public Output<string> Locale { get; private set; } = null!;

    [Output("deviceNameTemplate")]
    public Output<string?> DeviceNameTemplate { get; private set; } = null!;

    [Output("deviceType")]
    public Output<string> DeviceType { get; private set; } = null!;

    [Output("hardwareHashExtractionEnabled")]
    public Output<bool> HardwareHashExtractionEnabled { get; private set; } = null!;

    [Output("preprovisioningAllowed")]
    public Output<bool> PreprovisioningAllowed { get; private set; } = null!;

    [Output("roleScopeTagIds")]
    public Output<ImmutableArray<string>> RoleScopeTagIds { get; private set; } = null!;

    [Output("outOfBoxExperienceSetting")]
    public Output<Outputs.OutOfBoxExperienceSetting> OutOfBoxExperienceSetting { get; private set; } = null!;

    [Output("assignments")]
    public Output<Outputs.ProfileAssignments> Assignments { get; private set; } = null!;

    [Output("createdDateTime")]
    public Output<string?> CreatedDateTime { get; private set; } = null!;

    public AutopilotDeploymentProfile(string name, AutopilotDeploymentProfileArgs args, CustomResourceOptions? options = null)
        : base(TypeToken, name, args, options)
    {
    }
}
