namespace Infra.Settings;

/// <summary>
/// Who may join devices to Entra ID. With the "selected" scope: the given users, the given existing
/// groups and, when <see cref="CreatedGroupName"/> is set, the security group this program creates, with
/// <see cref="CreatedGroupMembers"/> in it.
/// </summary>
internal sealed record JoinSettings(
    MembershipScope Scope,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<string> ExistingGroupIds,
    string? CreatedGroupName,
    JoinGroupMembers? CreatedGroupMembers = null);

/// <summary>
/// Who is in the join group this program creates: users and nested existing groups (each one membership this stack
/// adds and removes, never anyone else's), or a dynamic membership rule (the group is then dynamic). With
/// <see cref="ManagedElsewhere"/>, another process fills it and the stack adds nobody.
/// </summary>
internal sealed record JoinGroupMembers(IReadOnlyList<string> UserIds, IReadOnlyList<string> GroupIds, string? MembershipRule, bool ManagedElsewhere)
{
    public static readonly JoinGroupMembers None = new([], [], null, false);

    /// <summary>Whether anyone is declared in the group: without it, a created group is empty.</summary>
    public bool DeclaresSomeone => UserIds.Count > 0 || GroupIds.Count > 0 || MembershipRule is not null;
}
