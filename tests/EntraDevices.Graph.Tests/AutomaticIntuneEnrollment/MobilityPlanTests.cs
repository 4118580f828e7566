using EntraDevices.Graph.AutomaticIntuneEnrollment;
using static EntraDevices.Graph.AutomaticIntuneEnrollment.MobilityStep;

namespace EntraDevices.Graph.Tests.AutomaticIntuneEnrollment;

public class MobilityPlanTests
{
    private const string A = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";
    private const string B = "3c8ef067-8b96-44de-b2ae-557dfa0f97a0";
    private const string C = "5f8b2d1e-7c3a-4e9b-a1d2-3c4b5a6d7e8f";

    private static readonly MobilityPolicy None = new(UserScope.None, [], "https://d.example.test", "https://t.example.test", "https://c.example.test");

    private static MobilityPolicy Selected(params string[] groups) => None with { AppliesTo = UserScope.Selected, IncludedGroups = groups };

    [Fact]
    public void Nothing_to_do_sends_nothing()
    {
        Assert.Empty(MobilityPlan.Steps(Selected(A, B), Selected(B, A.ToUpperInvariant())));
    }

    [Fact]
    public void Selected_is_reached_by_adding_the_groups_one_at_a_time()
    {
        Assert.Equal([new AddGroup(A), new AddGroup(B)], MobilityPlan.Steps(None, Selected(A, B)));
    }

    [Fact]
    public void Only_the_difference_in_groups_is_sent_and_the_new_are_added_before_the_old_are_removed()
    {
        Assert.Equal([new AddGroup(C), new RemoveGroup(A)], MobilityPlan.Steps(Selected(A, B), Selected(B, C)));
    }

    [Theory]
    [InlineData(UserScope.All)]
    [InlineData(UserScope.None)]
    public void All_or_none_is_one_patch_of_applies_to_which_drops_the_groups(UserScope scope)
    {
        Assert.Equal([new SetScope(scope)], MobilityPlan.Steps(Selected(A), None with { AppliesTo = scope }));
    }

    [Fact]
    public void Changed_urls_go_in_a_patch_of_their_own_before_the_scope()
    {
        var steps = MobilityPlan.Steps(None, None with { AppliesTo = UserScope.All, TermsOfUseUrl = "https://new.example.test" });

        var urls = Assert.IsType<PatchUrls>(steps[0]);
        Assert.Equal(["termsOfUseUrl"], urls.Changes.Select(p => p.Key));
        Assert.Equal(new SetScope(UserScope.All), steps[1]);
    }

    [Fact]
    public void An_undeclared_url_is_left_as_the_tenant_has_it()
    {
        Assert.Empty(MobilityPlan.Steps(None, None with { ComplianceUrl = null }));
    }
}
