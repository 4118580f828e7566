namespace EntraDevices.Graph.AutomaticIntuneEnrollment;

/// <summary>Who a mobility policy applies to: the portal's None / Some / All (Graph's appliesTo).</summary>
public enum UserScope
{
    None,
    All,
    Selected,
}

/// <summary>
/// One mobility management policy of an MDM (or MAM) application: its user scope with the included groups, and its
/// URLs. Pure: no I/O.
/// </summary>
public sealed record MobilityPolicy(UserScope AppliesTo, IReadOnlyList<string> IncludedGroups, string? DiscoveryUrl, string? TermsOfUseUrl, string? ComplianceUrl)
{
    /// <summary>True when both hold the same scope, the same groups (in any order, any letter case) and the same URLs.</summary>
    public bool Same(MobilityPolicy other) =>
        AppliesTo == other.AppliesTo
        && IncludedGroups.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(other.IncludedGroups)
        && DiscoveryUrl == other.DiscoveryUrl && TermsOfUseUrl == other.TermsOfUseUrl && ComplianceUrl == other.ComplianceUrl;
}

/// <summary>Which of the two policies of an application: mobile device management or mobile app management.</summary>
public enum MobilityKind
{
    Mdm,
    Mam,
}
