using Pulumi;

namespace Pulumi.EntraDevices;

public sealed class CorporateDeviceIdentifiersArgs : ResourceArgs
{
    /// <summary>
    /// The CSV the Intune admin center takes for Windows corporate identifiers (no header; <c>manufacturer,model,serial</c>
    /// per line), as a <c>FileAsset</c>, or a <c>FileArchive</c> of a folder of them. Relative paths are read from the
    /// folder the program runs in.
    /// </summary>
    [Input("csv", required: true)]
    public Input<AssetOrArchive> Csv { get; set; } = null!;

    /// <summary>"keep" (default): an identifier removed from the file stays in the tenant; "delete": it is deleted.</summary>
    [Input("whenRemoved")]
    public Input<string>? WhenRemoved { get; set; }
}
