namespace EntraDevices.Graph.DeviceRegistrationPolicy;

/// <summary>Who a device registration setting applies to, as the portal's All / Selected / None.</summary>
public enum MembershipScope
{
    All,
    Selected,
    None,
}

/// <summary>
/// A device registration membership. Users and groups are object ids; they are only meaningful for
/// <see cref="MembershipScope.Selected"/>. Equality ignores order and letter case of the ids, as Entra does.
/// </summary>
public sealed class Membership : IEquatable<Membership>
{
    public static readonly Membership All = new(MembershipScope.All, [], []);
    public static readonly Membership None = new(MembershipScope.None, [], []);

    public Membership(MembershipScope scope, IEnumerable<string> users, IEnumerable<string> groups)
    {
        Scope = scope;
        Users = [.. users];
        Groups = [.. groups];
    }

    public MembershipScope Scope { get; }

    public IReadOnlyList<string> Users { get; }

    public IReadOnlyList<string> Groups { get; }

    public static Membership Selected(IEnumerable<string> users, IEnumerable<string> groups) =>
        new(MembershipScope.Selected, users, groups);

    public bool Equals(Membership? other) =>
        other is not null
        && Scope == other.Scope
        && SameIds(Users, other.Users)
        && SameIds(Groups, other.Groups);

    public override bool Equals(object? obj) => Equals(obj as Membership);

    public override int GetHashCode() => HashCode.Combine(Scope, Users.Count, Groups.Count);

    public override string ToString() => Scope == MembershipScope.Selected
        ? $"selected (users: [{string.Join(", ", Users)}], groups: [{string.Join(", ", Groups)}])"
        : Scope.ToString().ToLowerInvariant();

    internal static bool SameIds(IReadOnlyList<string> left, IReadOnlyList<string> right) =>
        left.Count == right.Count
        && left.Order(StringComparer.OrdinalIgnoreCase)
            .SequenceEqual(right.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
}
