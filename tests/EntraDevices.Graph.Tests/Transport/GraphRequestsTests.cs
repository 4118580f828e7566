using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.Transport;
using EntraDevices.GraphEmulator;
using EmulatorHost = EntraDevices.GraphEmulator.GraphEmulator;

namespace EntraDevices.Graph.Tests.Transport;

/// <summary>Beta objects, paged lists, actions and $ref through the SDK's request adapter, with the version chosen per call.</summary>
public sealed class GraphRequestsTests : IAsyncLifetime
{
    private const string Profiles = "deviceManagement/windowsAutopilotDeploymentProfiles";
    private static readonly GraphOperation ReadProfiles = new("GET", $"/{Profiles}", "read the deployment profiles",
        "DeviceManagementServiceConfig.Read.All", "Intune Administrator")
    { ApiVersion = "beta" };
    private static readonly GraphOperation CreateProfile = new("POST", $"/{Profiles}", "create the deployment profile",
        "DeviceManagementServiceConfig.ReadWrite.All", "Intune Administrator")
    { ApiVersion = "beta", Retriable = false };

    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private GraphRequests Requests() =>
        new(EmulatedGraph.Connect(_emulator, TestTokens.WithRoles("DeviceManagementServiceConfig.ReadWrite.All", "Policy.Read.DeviceConfiguration")));

    private static JsonObject Profile(string name) => new() { ["@odata.type"] = "#microsoft.graph.azureADWindowsAutopilotDeploymentProfile", ["displayName"] = name };

    [Fact]
    public async Task The_version_is_chosen_per_call_on_the_same_connection()
    {
        var requests = Requests();

        var created = await requests.SendAsync(CreateProfile, Profiles, Profile("a"), CancellationToken.None);
        await requests.GetAsync(ReadProfiles with { ApiVersion = "v1.0" }, "policies/deviceRegistrationPolicy", CancellationToken.None);

        Assert.NotNull(created?["id"]);
        Assert.Equal([$"/beta/{Profiles}", "/v1.0/policies/deviceRegistrationPolicy"], _emulator.Requests.Select(r => r.Path));
        Assert.All(_emulator.Requests, r => Assert.True(r.HadBearerToken));
    }

    [Fact]
    public async Task A_get_of_an_object_that_does_not_exist_is_null()
    {
        Assert.Null(await Requests().GetAsync(ReadProfiles, $"{Profiles}/{Guid.NewGuid()}", CancellationToken.None));
    }

    [Fact]
    public async Task A_list_follows_next_links_to_the_last_page()
    {
        _emulator.Tenant.PageSize = 2;
        var requests = Requests();
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            await requests.SendAsync(CreateProfile, Profiles, Profile(name), CancellationToken.None);
        }

        _emulator.ClearRequests();
        var all = await requests.ListAsync(ReadProfiles, Profiles, CancellationToken.None);

        Assert.Equal(["a", "b", "c", "d", "e"], all.Select(p => (string?)p["displayName"]));
        Assert.Equal(3, _emulator.Requests.Count);
    }

    [Fact]
    public async Task A_create_is_never_retried_so_a_lost_answer_cannot_make_a_duplicate()
    {
        _emulator.InjectFault(new Fault { Method = "POST", ApplyThenStatus = 503, RetryAfterSeconds = 0 });

        var error = await Assert.ThrowsAsync<GraphRequestException>(() =>
            Requests().SendAsync(CreateProfile, Profiles, Profile("once"), CancellationToken.None));

        Assert.True(error.OutcomeUnknown);
        Assert.Single(_emulator.Requests);
        Assert.Single(_emulator.Tenant.Collection(Profiles).List());
    }

    [Fact]
    public async Task A_read_is_retried_by_the_sdk_handler()
    {
        _emulator.InjectFault(new Fault { Method = "GET", Status = 503, RetryAfterSeconds = 0 });

        await Requests().ListAsync(ReadProfiles, Profiles, CancellationToken.None);

        Assert.Equal([503, 200], _emulator.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task A_reference_is_added_with_the_target_as_odata_id_and_removed_by_its_ref_path()
    {
        var requests = Requests();
        var groups = $"policies/mobileDeviceManagementPolicies/0000000a-0000-0000-c000-000000000000/includedGroups";
        var group = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";

        await Assert.ThrowsAsync<GraphRequestException>(() => requests.AddReferenceAsync(ReadProfiles, groups, $"groups/{group}", CancellationToken.None));
        await Assert.ThrowsAsync<GraphRequestException>(() => requests.RemoveReferenceAsync(ReadProfiles, groups, group, CancellationToken.None));

        var (add, remove) = (_emulator.Requests[0], _emulator.Requests[1]);
        Assert.Equal(("POST", $"/beta/{groups}/$ref"), (add.Method, add.Path));
        Assert.Equal($"{_emulator.BaseUrl}/beta/groups/{group}", (string?)JsonNode.Parse(add.Body!)!["@odata.id"]);
        Assert.Equal(("DELETE", $"/beta/{groups}/{group}/$ref"), (remove.Method, remove.Path));
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("<html>gateway</html>")]
    public async Task An_answer_that_is_not_a_json_object_is_not_taken_as_one(string body)
    {
        var requests = Requests();
        var created = await requests.SendAsync(CreateProfile, Profiles, Profile("a"), CancellationToken.None);
        _emulator.InjectFault(new Fault { Method = "GET", ApplyThenBody = body });

        await Assert.ThrowsAsync<UnexpectedPolicyShapeException>(() =>
            requests.GetAsync(ReadProfiles, $"{Profiles}/{created!["id"]}", CancellationToken.None));
    }
}
