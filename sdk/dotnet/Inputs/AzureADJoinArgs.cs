using Pulumi;

namespace Pulumi.EntraDevices.Inputs;

/// <summary>Microsoft Entra join: who may join devices and who becomes their local administrator.</summary>
public sealed class AzureADJoinArgs : ResourceArgs
{
    [Input("allowedToJoin")]
    public Input<MembershipArgs>? AllowedToJoin { get; set; }

    [Input("localAdmins")]
    public Input<LocalAdminsArgs>? LocalAdmins { get; set; }
}
