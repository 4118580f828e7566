using Pulumi;

namespace Pulumi.EntraDevices.Inputs;

/// <summary>Who a deployment profile targets: all devices, or groups, minus excluded groups.</summary>
public sealed class ProfileAssignmentsArgs : ResourceArgs
{
    [Input("allDevices")]
    public Input<bool>? AllDevices { get; set; }

    [Input("groups")]
    private InputList<string>? _groups;

    public InputList<string> Groups
    {
        get => _groups ??= new InputList<string>();
        set => _groups = value;
    }

    [Input("excludedGroups")]
    private InputList<string>? _excludedGroups;

    public InputList<string> ExcludedGroups
    {
        get => _excludedGroups ??= new InputList<string>();
        set => _excludedGroups = value;
    }
}
