using System.Collections.Immutable;
using Pulumi;

namespace Pulumi.EntraDevices.Outputs;

/// <summary>A mobility policy's effective user scope, groups and URLs.</summary>
[OutputType]
public sealed class MobilityUserScopeSettings
{
    /// <summary>"none", "all" or "selected".</summary>
    public readonly string AppliesTo;
    public readonly ImmutableArray<string> IncludedGroups;
    public readonly string? DiscoveryUrl;
    public readonly string? TermsOfUseUrl;
    public readonly string? ComplianceUrl;

    [OutputConstructor]
    private MobilityUserScopeSettings(string appliesTo, ImmutableArray<string> includedGroups, string? discoveryUrl, string? termsOfUseUrl, string? complianceUrl)
    {
        AppliesTo = appliesTo;
        IncludedGroups = includedGroups;
        DiscoveryUrl = discoveryUrl;
        TermsOfUseUrl = termsOfUseUrl;
        ComplianceUrl = complianceUrl;
    }
}
