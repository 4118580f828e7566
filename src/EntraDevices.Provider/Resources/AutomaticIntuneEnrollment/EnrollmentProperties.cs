using EntraDevices.Graph.AutomaticIntuneEnrollment;

namespace EntraDevices.Provider.Resources.AutomaticIntuneEnrollment;

/// <summary>The property names of the resource: Graph's own, under <c>mdm</c> and <c>mam</c>.</summary>
internal static class EnrollmentProperties
{
    public const string Mdm = "mdm";
    public const string Mam = "mam";
    public const string AppliesTo = "appliesTo";
    public const string IncludedGroups = "includedGroups";
    public const string DiscoveryUrl = "discoveryUrl";
    public const string TermsOfUseUrl = "termsOfUseUrl";
    public const string ComplianceUrl = "complianceUrl";
    public const string OriginalSettings = "originalSettings";

    public static readonly string[] Policies = [Mdm, Mam];

    public static readonly string[] Urls = [DiscoveryUrl, TermsOfUseUrl, ComplianceUrl];

    public static readonly string[] Fields = [AppliesTo, IncludedGroups, .. Urls];

    /// <summary>Every input leaf, as Diff reports it.</summary>
    public static readonly string[] Leaves = [.. Policies.SelectMany(policy => Fields.Select(field => $"{policy}.{field}"))];

    /// <summary>The group lists, compared as sets and previewed one group at a time.</summary>
    public static readonly HashSet<string> GroupLists = [.. Policies.Select(policy => $"{policy}.{IncludedGroups}")];

    public static MobilityKind KindOf(string policy) => policy == Mdm ? MobilityKind.Mdm : MobilityKind.Mam;
}
