using Pulumi;

namespace Pulumi.EntraDevices.Inputs;

/// <summary>A mobility policy's user scope: <c>{ appliesTo, includedGroups, discoveryUrl, termsOfUseUrl, complianceUrl }</c>.</summary>
public sealed class MobilityUserScopeArgs : ResourceArgs
{
    /// <summary>"none", "all" or "selected" (with includedGroups).</summary>
    [Input("appliesTo")]
    public Input<string>? AppliesTo { get; set; }

    [Input("includedGroups")]
    private InputList<string>? _includedGroups;

    /// <summary>Group object ids; accepted only with appliesTo "selected".</summary>
    public InputList<string> IncludedGroups
    {
        get => _includedGroups ??= new InputList<string>();
        set => _includedGroups = value;
    }

    /// <summary>The enrollment discovery URL (https).</summary>
    [Input("discoveryUrl")]
    public Input<string>? DiscoveryUrl { get; set; }

    /// <summary>The terms of use URL (https).</summary>
    [Input("termsOfUseUrl")]
    public Input<string>? TermsOfUseUrl { get; set; }

    /// <summary>The compliance URL (https).</summary>
    [Input("complianceUrl")]
    public Input<string>? ComplianceUrl { get; set; }
}
