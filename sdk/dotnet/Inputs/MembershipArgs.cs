using Pulumi;

namespace Pulumi.EntraDevices.Inputs;

/// <summary>A set of users and groups: <c>{ scope, users, groups }</c>.</summary>
public sealed class MembershipArgs : ResourceArgs
{
    /// <summary>"all", "selected" or "none".</summary>
    [Input("scope", required: true)]
    public Input<string> Scope { get; set; } = null!;

    [Input("users")]
    private InputList<string>? _users;

    /// <summary>User object ids; meaningful with the "selected" scope.</summary>
    public InputList<string> Users
    {
        get => _users ??= new InputList<string>();
        set => _users = value;
    }

    [Input("groups")]
    private InputList<string>? _groups;

    /// <summary>Group object ids; meaningful with the "selected" scope.</summary>
    public InputList<string> Groups
    {
        get => _groups ??= new InputList<string>();
        set => _groups = value;
    }
}
