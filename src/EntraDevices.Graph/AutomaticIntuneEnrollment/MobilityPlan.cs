using System.Text.Json.Nodes;

namespace EntraDevices.Graph.AutomaticIntuneEnrollment;

/// <summary>One Graph write that moves a mobility policy toward what is declared.</summary>
public abstract record MobilityStep
{
    /// <summary>PATCH of the changed URLs only (never together with appliesTo, as the docs ask).</summary>
    public sealed record PatchUrls(JsonObject Changes) : MobilityStep;

    /// <summary>PATCH of appliesTo alone: "all" or "none", which also drops the included groups.</summary>
    public sealed record SetScope(UserScope Scope) : MobilityStep;

    /// <summary>POST of one group's $ref; the first one makes the scope "selected".</summary>
    public sealed record AddGroup(string GroupId) : MobilityStep;

    /// <summary>DELETE of one group's $ref.</summary>
    public sealed record RemoveGroup(string GroupId) : MobilityStep;
}

/// <summary>
/// The writes that bring a live policy to a desired one, and only the difference. Pure, so every Graph quirk of the
/// journey doc (§1) is tested without Graph: groups are added before any is removed, so a selected scope never passes
/// through zero groups.
/// </summary>
public static class MobilityPlan
{
    public static IReadOnlyList<MobilityStep> Steps(MobilityPolicy live, MobilityPolicy desired)
    {
        var steps = new List<MobilityStep>();
        var urls = new JsonObject();
        void Url(string name, string? from, string? to)
        {
            if (to is not null && to != from)
            {
                urls[name] = to;
            }
        }

        Url("discoveryUrl", live.DiscoveryUrl, desired.DiscoveryUrl);
        Url("termsOfUseUrl", live.TermsOfUseUrl, desired.TermsOfUseUrl);
        Url("complianceUrl", live.ComplianceUrl, desired.ComplianceUrl);
        if (urls.Count > 0)
        {
            steps.Add(new MobilityStep.PatchUrls(urls));
        }

        if (desired.AppliesTo is UserScope.All or UserScope.None)
        {
            if (live.AppliesTo != desired.AppliesTo || live.IncludedGroups.Count > 0)
            {
                steps.Add(new MobilityStep.SetScope(desired.AppliesTo));
            }

            return steps;
        }

        var have = live.AppliesTo == UserScope.Selected ? live.IncludedGroups.ToHashSet(StringComparer.OrdinalIgnoreCase) : [];
        var want = desired.IncludedGroups.ToHashSet(StringComparer.OrdinalIgnoreCase);
        steps.AddRange(desired.IncludedGroups.Where(g => !have.Contains(g)).Select(g => new MobilityStep.AddGroup(g)));
        steps.AddRange(live.IncludedGroups.Where(g => !want.Contains(g) && live.AppliesTo == UserScope.Selected).Select(g => new MobilityStep.RemoveGroup(g)));
        return steps;
    }
}
