using EntraDevices.Graph.AutomaticIntuneEnrollment;
using EntraDevices.Provider.Lifecycle.Settings;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Resources.AutomaticIntuneEnrollment;

/// <summary>What the program declares for one user scope: a null field is undeclared, and the tenant keeps it.</summary>
internal sealed record DeclaredPolicy(UserScope? AppliesTo, IReadOnlyList<string> IncludedGroups, string? DiscoveryUrl, string? TermsOfUseUrl, string? ComplianceUrl)
{
    public bool IsEmpty => AppliesTo is null && DiscoveryUrl is null && TermsOfUseUrl is null && ComplianceUrl is null;

    public static DeclaredPolicy Read(ObjectValue inputs, string policy)
    {
        string? Text(string field) => inputs.At($"{policy}.{field}")?.Plain is StringValue { Value: { Length: > 0 } text } ? text : null;
        var groups = inputs.At($"{policy}.{EnrollmentProperties.IncludedGroups}")?.Plain is ArrayValue list
            ? list.Items.Select(item => item.Plain).OfType<StringValue>().Select(id => id.Value).ToList()
            : [];
        return new DeclaredPolicy(Scope(Text(EnrollmentProperties.AppliesTo)), groups,
            Text(EnrollmentProperties.DiscoveryUrl), Text(EnrollmentProperties.TermsOfUseUrl), Text(EnrollmentProperties.ComplianceUrl));
    }

    public static UserScope? Scope(string? text) => text switch
    {
        "none" => UserScope.None,
        "all" => UserScope.All,
        "selected" => UserScope.Selected,
        _ => null,
    };

    /// <summary>The live policy with every declared field replaced; a declared scope brings its groups (none unless selected).</summary>
    public MobilityPolicy ApplyTo(MobilityPolicy live) => live with
    {
        AppliesTo = AppliesTo ?? live.AppliesTo,
        IncludedGroups = AppliesTo switch
        {
            null => live.IncludedGroups,
            UserScope.Selected => IncludedGroups,
            _ => [],
        },
        DiscoveryUrl = DiscoveryUrl ?? live.DiscoveryUrl,
        TermsOfUseUrl = TermsOfUseUrl ?? live.TermsOfUseUrl,
        ComplianceUrl = ComplianceUrl ?? live.ComplianceUrl,
    };

    /// <summary>
    /// The live policy with every declared field put back as it is in <paramref name="source"/>. A URL the source did
    /// not have cannot be cleared through Graph, so it stays as it is.
    /// </summary>
    public MobilityPolicy RestoreFrom(MobilityPolicy live, MobilityPolicy source) => new DeclaredPolicy(
        AppliesTo is null ? null : source.AppliesTo,
        source.IncludedGroups,
        DiscoveryUrl is null ? null : source.DiscoveryUrl,
        TermsOfUseUrl is null ? null : source.TermsOfUseUrl,
        ComplianceUrl is null ? null : source.ComplianceUrl).ApplyTo(live);
}

/// <summary>What the program declares for both user scopes, fully known (after Check, outside preview).</summary>
internal sealed record EnrollmentInputs(DeclaredPolicy Mdm, DeclaredPolicy Mam) : IDeclared<AutomaticEnrollment>
{
    public static EnrollmentInputs Read(ObjectValue inputs) => new(DeclaredPolicy.Read(inputs, EnrollmentProperties.Mdm), DeclaredPolicy.Read(inputs, EnrollmentProperties.Mam));

    public bool IsEmpty => Mdm.IsEmpty && Mam.IsEmpty;

    public AutomaticEnrollment ApplyTo(AutomaticEnrollment live) => new(Mdm.ApplyTo(live.Mdm), Mam.ApplyTo(live.Mam));

    public AutomaticEnrollment RestoreFrom(AutomaticEnrollment live, AutomaticEnrollment source) =>
        new(Mdm.RestoreFrom(live.Mdm, source.Mdm), Mam.RestoreFrom(live.Mam, source.Mam));
}
