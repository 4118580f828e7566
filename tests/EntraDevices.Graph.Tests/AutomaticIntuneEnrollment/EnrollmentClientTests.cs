using EntraDevices.Graph.AutomaticIntuneEnrollment;
using EntraDevices.GraphEmulator;
using EmulatorHost = EntraDevices.GraphEmulator.GraphEmulator;

namespace EntraDevices.Graph.Tests.AutomaticIntuneEnrollment;

/// <summary>Both user scopes through one client: who may call, which answers are accepted, and a change that stops part-way.</summary>
public sealed class EnrollmentClientTests : IAsyncLifetime
{
    private const string A = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";
    private const string B = "3c8ef067-8b96-44de-b2ae-557dfa0f97a0";
    private const string CloudDeviceAdministrator = "7698a772-787b-4ac8-901f-60d6b08affd2";
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private EnrollmentClient Client(string? token = null) => new(
        EmulatedGraph.Connect(_emulator, token ?? TestTokens.WithScopesAndDirectoryRoles(["Policy.ReadWrite.MobilityManagement"], [CloudDeviceAdministrator])),
        EnrollmentClient.IntuneAppId);

    [Fact]
    public async Task An_app_only_connection_is_refused_before_any_graph_call()
    {
        var error = await Assert.ThrowsAsync<PersonRequiredException>(() =>
            Client(TestTokens.WithRoles("Policy.ReadWrite.MobilityManagement")).GetAsync(CancellationToken.None));

        Assert.Empty(_emulator.Requests);
        Assert.Contains("an explicit access token", error.Message);
        Assert.Contains("Cloud Device Administrator", error.Message);
    }

    [Fact]
    public async Task Get_reads_the_mdm_then_the_mam_policy()
    {
        var enrollment = await Client().GetAsync(CancellationToken.None);

        Assert.Equal(UserScope.None, enrollment.Mdm.AppliesTo);
        Assert.Equal("https://wip.mam.manage.microsoft.com/Enroll", enrollment.Mam.DiscoveryUrl);
        Assert.Equal(["mobileDeviceManagementPolicies", "mobileAppManagementPolicies"], _emulator.Requests.Select(r => r.Path.Split('/')[3]));
    }

    [Fact]
    public async Task Nothing_to_change_sends_nothing()
    {
        var client = Client();
        var live = await client.GetAsync(CancellationToken.None);
        _emulator.ClearRequests();

        Assert.Same(live, await client.ApplyAsync(live, live with { }, CancellationToken.None));
        Assert.Empty(_emulator.Requests);
    }

    [Fact]
    public async Task A_patch_answered_200_with_the_object_is_accepted_as_well_as_204()
    {
        var client = Client();
        var live = await client.GetAsync(CancellationToken.None);
        _emulator.InjectFault(new Fault { Method = "PATCH", ApplyThenBody = """{"id":"0000000a-0000-0000-c000-000000000000","appliesTo":"all"}""" });

        var applied = await client.ApplyAsync(live, live with { Mdm = live.Mdm with { AppliesTo = UserScope.All } }, CancellationToken.None);

        Assert.Equal(UserScope.All, applied.Mdm.AppliesTo);
    }

    [Fact]
    public async Task A_refusal_after_earlier_writes_were_applied_says_how_many_were_made()
    {
        var client = Client();
        var live = await client.GetAsync(CancellationToken.None);
        _emulator.InjectFault(new Fault { Method = "POST", Skip = 1, Status = 400 });

        var error = await Assert.ThrowsAsync<PartlyAppliedException>(() =>
            client.ApplyAsync(live, live with { Mdm = live.Mdm with { AppliesTo = UserScope.Selected, IncludedGroups = [A, B] } }, CancellationToken.None));

        Assert.Contains("1 of the 2 changes", error.Message);
        Assert.Equal(400, error.Cause.Status);
    }

    [Fact]
    public async Task A_refusal_of_the_first_write_is_a_plain_refusal()
    {
        var client = Client();
        var live = await client.GetAsync(CancellationToken.None);
        _emulator.InjectFault(new Fault { Method = "POST", Status = 400 });

        var error = await Assert.ThrowsAsync<GraphRequestException>(() =>
            client.ApplyAsync(live, live with { Mdm = live.Mdm with { AppliesTo = UserScope.Selected, IncludedGroups = [A] } }, CancellationToken.None));

        Assert.Equal(400, error.Status);
    }
}
