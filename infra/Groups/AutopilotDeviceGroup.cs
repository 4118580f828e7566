using Pulumi.AzureAD;
using Pulumi.AzureAD.Inputs;

namespace Infra.Groups;

/// <summary>The dynamic security group of every Windows Autopilot device (those with a ZTDId).</summary>
internal static class AutopilotDeviceGroup
{
    public const string ResourceName = "autopilot-device-group";

    /// <summary>Matches devices registered with Windows Autopilot (dynamic membership needs Entra ID P1).</summary>
    public const string MembershipRule = "(device.devicePhysicalIDs -any (_ -startsWith \"[ZTDid]\"))";

    public const string DynamicMembershipType = "DynamicMembership";

    public static Group Create(string displayName) => new(ResourceName, new GroupArgs
    {
        DisplayName = displayName,
        Description = "Windows Autopilot devices (dynamic). Managed by Pulumi (entra-device-settings).",
        SecurityEnabled = true,
        MailEnabled = false,
        Types = new[] { DynamicMembershipType },
        DynamicMembership = new GroupDynamicMembershipArgs
        {
            Enabled = true,
            Rule = MembershipRule,
        },
    });
}
