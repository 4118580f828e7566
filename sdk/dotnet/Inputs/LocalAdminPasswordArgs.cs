using Pulumi;

namespace Pulumi.EntraDevices.Inputs;

/// <summary>Windows LAPS for Microsoft Entra joined devices.</summary>
public sealed class LocalAdminPasswordArgs : ResourceArgs
{
    [Input("isEnabled")]
    public Input<bool>? IsEnabled { get; set; }
}
