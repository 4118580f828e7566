using Pulumi;

namespace Pulumi.EntraDevices;

public sealed class AutopilotDevicesArgs : ResourceArgs
{
    /// <summary>
    /// The OEM's CSV exactly as delivered, as a <c>FileAsset</c>, or a <c>FileArchive</c> of a folder of such files (read as
    /// one set): the engine keeps only its hash in state. Relative paths are read from the folder the program runs in.
    /// </summary>
    [Input("csv", required: true)]
    public Input<AssetOrArchive> Csv { get; set; } = null!;

    /// <summary>The group tag of rows whose Group Tag column is empty.</summary>
    [Input("groupTag")]
    public Input<string>? GroupTag { get; set; }

    /// <summary>The user (UPN) of rows whose Assigned User column is empty.</summary>
    [Input("assignedUser")]
    public Input<string>? AssignedUser { get; set; }

    /// <summary>"keep" (default): a device removed from the CSV stays registered; "delete": it is deleted unless enrolled.</summary>
    [Input("whenRemoved")]
    public Input<string>? WhenRemoved { get; set; }
}
