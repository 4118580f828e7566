using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;
using EntraDevices.GraphEmulator.Documents;

namespace EntraDevices.Graph.Tests.Emulator;

/// <summary>The deployment profile collection (beta) and what every emulated collection does: ids, lag, paging, throttling.</summary>
public class DeploymentProfileTests : EmulatorTest
{
    private const string Profiles = "/beta/deviceManagement/windowsAutopilotDeploymentProfiles";
    private static readonly string Manage = TestTokens.WithRoles("DeviceManagementServiceConfig.ReadWrite.All");

    private async Task<JsonObject> CreateAsync(string name = "Autopilot user-driven")
    {
        var response = await SendAsync(HttpMethod.Post, Profiles, Manage,
            new JsonObject { ["@odata.type"] = "#microsoft.graph.azureADWindowsAutopilotDeploymentProfile", ["displayName"] = name }.ToJsonString());
        Assert.Equal(201, (int)response.StatusCode);
        return await JsonAsync(response);
    }

    [Fact]
    public async Task A_create_gets_a_server_assigned_id_and_reads_back()
    {
        var created = await CreateAsync();

        Assert.True(Guid.TryParse((string?)created["id"], out _));
        var read = await JsonAsync(await SendAsync(HttpMethod.Get, $"{Profiles}/{created["id"]}", Manage));
        Assert.Equal("Autopilot user-driven", (string?)read["displayName"]);
        Assert.NotNull(read["createdDateTime"]);
    }

    [Fact]
    public async Task The_profiles_exist_on_beta_only()
    {
        var response = await SendAsync(HttpMethod.Get, "/v1.0/deviceManagement/windowsAutopilotDeploymentProfiles", Manage);

        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_new_profile_is_missing_from_reads_while_the_replicas_lag()
    {
        Emulator.Tenant.ReplicaLagReads = 2;
        var created = await CreateAsync();

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((int)(await SendAsync(HttpMethod.Get, $"{Profiles}/{created["id"]}", Manage)).StatusCode);
        }

        Assert.Equal([404, 404, 200], statuses);
    }

    [Fact]
    public async Task A_list_pages_with_an_absolute_next_link()
    {
        Emulator.Tenant.PageSize = 2;
        foreach (var name in new[] { "a", "b", "c" })
        {
            await CreateAsync(name);
        }

        var first = await JsonAsync(await SendAsync(HttpMethod.Get, Profiles, Manage));
        var next = new Uri((string)first["@odata.nextLink"]!);
        var second = await JsonAsync(await SendAsync(HttpMethod.Get, next.PathAndQuery, Manage));

        Assert.Equal(2, first["value"]!.AsArray().Count);
        Assert.StartsWith(Emulator.BaseUrl, next.ToString());
        Assert.Equal(["c"], second["value"]!.AsArray().Select(p => (string?)p!["displayName"]));
        Assert.Null(second["@odata.nextLink"]);
    }

    [Fact]
    public async Task A_filter_is_refused_as_the_resource_page_says()
    {
        var response = await SendAsync(HttpMethod.Get, $"{Profiles}?$filter=displayName eq 'a'", Manage);

        await AssertGraphErrorAsync(response, 400, "Request_BadRequest");
    }

    [Fact]
    public async Task Patch_then_delete_then_the_profile_is_gone()
    {
        var created = await CreateAsync();
        var path = $"{Profiles}/{created["id"]}";

        var patched = await SendAsync(HttpMethod.Patch, path, Manage, """{"description":"changed"}""");
        var deleted = await SendAsync(HttpMethod.Delete, path, Manage);

        Assert.Equal(204, (int)patched.StatusCode);
        Assert.Equal(204, (int)deleted.StatusCode);
        Assert.Equal(404, (int)(await SendAsync(HttpMethod.Get, path, Manage)).StatusCode);
    }

    [Fact]
    public async Task Reading_needs_a_device_management_permission()
    {
        await AssertGraphErrorAsync(await SendAsync(HttpMethod.Get, Profiles, ReadDevices), 403, "Authorization_RequestDenied");
    }

    [Fact]
    public async Task Writes_over_the_enrollment_limit_get_429_with_retry_after()
    {
        Emulator.Tenant.WriteThrottle = new Throttle(perTenant: 200, perApp: 2, TimeSpan.FromSeconds(20));
        await CreateAsync("a");
        await CreateAsync("b");

        var third = await SendAsync(HttpMethod.Post, Profiles, Manage, """{"displayName":"c"}""");

        await AssertGraphErrorAsync(third, 429, "TooManyRequests");
        Assert.InRange(third.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 20);
    }
}
