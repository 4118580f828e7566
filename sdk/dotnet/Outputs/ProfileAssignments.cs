using System.Collections.Immutable;
using Pulumi;

namespace Pulumi.EntraDevices.Outputs;

/// <summary>Who a deployment profile targets now.</summary>
[OutputType]
public sealed class ProfileAssignments
{
    public readonly bool? AllDevices;
    public readonly ImmutableArray<string> Groups;
    public readonly ImmutableArray<string> ExcludedGroups;

    [OutputConstructor]
    private ProfileAssignments(bool? allDevices, ImmutableArray<string> groups, ImmutableArray<string> excludedGroups)
    {
        AllDevices = allDevices;
        Groups = groups;
        ExcludedGroups = excludedGroups;
    }
}
