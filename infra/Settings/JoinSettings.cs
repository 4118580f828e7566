namespace Infra.Settings;

/// <summary>
/// Who may join devices to Entra ID. With the "selected" scope: the given users, the given existing
/// groups and, when <see cref="CreatedGroupName"/> is set, the security group this program creates.
/// </summary>
internal sealed record JoinSettings(
    MembershipScope Scope,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<string> ExistingGroupIds,
    string? CreatedGroupName);
