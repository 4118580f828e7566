namespace Infra.Settings;

/// <summary>
/// A set of users and groups, as the device registration policy expresses it. Users and groups are
/// object ids (lower-case GUIDs), and are non-empty only when <see cref="Scope"/> is "selected".
/// </summary>
internal sealed record MembershipSettings(
    MembershipScope Scope,
    IReadOnlyList<string> UserIds,
    IReadOnlyList<string> GroupIds);
