using Pulumi;

namespace Pulumi.EntraDevices.Inputs;

/// <summary>Local administrators of Microsoft Entra joined devices.</summary>
public sealed class LocalAdminsArgs : ResourceArgs
{
    /// <summary>Whether Global Administrators are local administrators of every joined device.</summary>
    [Input("enableGlobalAdmins")]
    public Input<bool>? EnableGlobalAdmins { get; set; }

    /// <summary>Which registering users become local administrators of the devices they join.</summary>
    [Input("registeringUsers")]
    public Input<MembershipArgs>? RegisteringUsers { get; set; }
}
