using System.Collections.Immutable;
using Pulumi;

namespace Pulumi.EntraDevices.Outputs;

/// <summary>A set of users and groups: <c>{ scope, users, groups }</c>.</summary>
[OutputType]
public sealed class Membership
{
    /// <summary>"all", "selected" or "none".</summary>
    public readonly string Scope;
    public readonly ImmutableArray<string> Users;
    public readonly ImmutableArray<string> Groups;

    [OutputConstructor]
    private Membership(string scope, ImmutableArray<string> users, ImmutableArray<string> groups)
    {
        Scope = scope;
        Users = users;
        Groups = groups;
    }
}
