using Pulumi;

namespace Pulumi.EntraDevices.Inputs;

/// <summary>An app device preparation installs during setup: its id in Intune and its type, e.g. "win32LobApp".</summary>
public sealed class AllowedAppArgs : ResourceArgs
{
    [Input("id", required: true)]
    public Input<string> Id { get; set; } = null!;

    [Input("type", required: true)]
    public Input<string> Type { get; set; } = null!;
}
