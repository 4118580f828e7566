using Pulumi;

namespace Pulumi.EntraDevices.Inputs;

/// <summary>Microsoft Entra registration: who may register devices.</summary>
public sealed class AzureADRegistrationArgs : ResourceArgs
{
    [Input("allowedToRegister")]
    public Input<MembershipArgs>? AllowedToRegister { get; set; }
}
