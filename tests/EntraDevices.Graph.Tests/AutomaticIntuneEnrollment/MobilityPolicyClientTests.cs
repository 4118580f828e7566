using EntraDevices.Graph.AutomaticIntuneEnrollment;
using EntraDevices.Graph.Connection;
using EntraDevices.GraphEmulator;
using EmulatorHost = EntraDevices.GraphEmulator.GraphEmulator;

namespace EntraDevices.Graph.Tests.AutomaticIntuneEnrollment;

/// <summary>The MDM user scope read and changed through Graph's beta endpoints, one step at a time.</summary>
public sealed class MobilityPolicyClientTests : IAsyncLifetime
{
    private const string IntuneAppId = "0000000a-0000-0000-c000-000000000000";
    private const string A = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";
    private const string B = "3c8ef067-8b96-44de-b2ae-557dfa0f97a0";
    private const string CloudDeviceAdministrator = "7698a772-787b-4ac8-901f-60d6b08affd2";
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private MobilityPolicyClient Client(string? token = null) => new(
        EmulatedGraph.Connect(_emulator, token ?? TestTokens.WithScopesAndDirectoryRoles(["Policy.ReadWrite.MobilityManagement"], [CloudDeviceAdministrator])),
        MobilityKind.Mdm, IntuneAppId);

    [Fact]
    public async Task Get_reads_the_scope_groups_and_urls_with_expand()
    {
        var policy = await Client().GetAsync(CancellationToken.None);

        Assert.Equal(UserScope.None, policy.AppliesTo);
        Assert.Equal("https://portal.manage.microsoft.com/TermsofUse.aspx", policy.TermsOfUseUrl);
        Assert.Equal($"/beta/policies/mobileDeviceManagementPolicies/{IntuneAppId}", _emulator.Requests.Single().Path);
    }

    [Fact]
    public async Task Selected_with_two_groups_then_one_changed_sends_only_the_difference()
    {
        var client = Client();
        var live = await client.GetAsync(CancellationToken.None);
        var two = await client.ApplyAsync(live, live with { AppliesTo = UserScope.Selected, IncludedGroups = [A, B] }, CancellationToken.None);
        _emulator.ClearRequests();

        var one = await client.ApplyAsync(two, two with { IncludedGroups = [B] }, CancellationToken.None);

        Assert.Equal(UserScope.Selected, one.AppliesTo);
        Assert.Equal([B], one.IncludedGroups);
        Assert.Equal(["DELETE", "GET"], _emulator.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task All_drops_the_groups_with_one_patch_of_applies_to_alone()
    {
        var client = Client();
        var live = await client.GetAsync(CancellationToken.None);
        var selected = await client.ApplyAsync(live, live with { AppliesTo = UserScope.Selected, IncludedGroups = [A] }, CancellationToken.None);
        _emulator.ClearRequests();

        var all = await client.ApplyAsync(selected, selected with { AppliesTo = UserScope.All, IncludedGroups = [] }, CancellationToken.None);

        Assert.Equal(UserScope.All, all.AppliesTo);
        Assert.Empty(all.IncludedGroups);
        Assert.Equal("""{"appliesTo":"all"}""", _emulator.Requests.First(r => r.Method == "PATCH").Body);
    }

    [Fact]
    public async Task An_apps_own_token_is_refused_with_a_message_that_says_delegated_only()
    {
        var error = await Assert.ThrowsAsync<GraphRequestException>(() =>
            Client(TestTokens.WithRoles("Policy.ReadWrite.MobilityManagement")).GetAsync(CancellationToken.None));

        Assert.Equal(401, error.Status);
        Assert.Contains("Unsupported app-only call.", error.Message);
        // Issue #24, 11: one true sentence, what is missing and for whom, never "an application permission".
        Assert.Contains("Graph has only a delegated permission for this: the person signed in needs the Entra role", error.Message);
        Assert.Contains("needs the delegated permission Policy.Read.All, with admin consent; no application sign-in can do it.", error.Message);
        Assert.DoesNotContain("an application permission with admin consent", error.Message);
    }
}
