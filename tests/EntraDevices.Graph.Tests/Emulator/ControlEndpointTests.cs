using System.Text.Json.Nodes;

namespace EntraDevices.Graph.Tests.Emulator;

public class ControlEndpointTests : EmulatorTest
{
    [Fact]
    public async Task Requests_endpoint_lists_graph_requests_in_camel_case_and_not_control_calls()
    {
        await SendAsync(HttpMethod.Get, "/_emulator/tenant", token: null);
        await PutPolicyAsync(DocExamples.PutRequest());

        var requests = JsonNode.Parse(await Http.GetStringAsync("/_emulator/requests"))!.AsArray();

        var only = Assert.Single(requests)!;
        Assert.Equal("PUT", only["method"]!.GetValue<string>());
        Assert.Equal(DeviceRegistrationPath, only["path"]!.GetValue<string>());
        AssertJsonEqual(DocExamples.PutRequest(), JsonNode.Parse(only["body"]!.GetValue<string>()));
        Assert.Equal(200, only["status"]!.GetValue<int>());
        Assert.Null(only["retryAttempt"]);
        Assert.True(only["hadBearerToken"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Deleting_requests_clears_the_log()
    {
        await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices);

        var response = await Http.DeleteAsync("/_emulator/requests");

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Empty(Emulator.Requests);
    }

    [Fact]
    public async Task Posted_fault_applies_to_the_next_matching_request()
    {
        var posted = await Http.PostAsync("/_emulator/faults", Json("""{ "method": "GET", "status": 503, "retryAfterSeconds": 2 }"""));
        var response = await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices);
        var next = await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices);

        Assert.Equal(204, (int)posted.StatusCode);
        await AssertGraphErrorAsync(response, 503, "serviceNotAvailable");
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        Assert.Equal(200, (int)next.StatusCode);
    }

    [Theory]
    [InlineData("""{ "status": 503, "times": 0 }""")]
    [InlineData("""{ "status": "often" }""")]
    [InlineData("not json")]
    public async Task Posting_an_invalid_fault_is_400(string body)
    {
        var response = await Http.PostAsync("/_emulator/faults", Json(body));

        Assert.Equal(400, (int)response.StatusCode);
    }

    [Fact]
    public async Task Tenant_endpoint_shows_the_whole_state()
    {
        var state = JsonNode.Parse(await Http.GetStringAsync("/_emulator/tenant"))!;

        Assert.False(state["intuneEnabled"]!.GetValue<bool>());
        AssertJsonEqual(DocExamples.GetResponse().Without("@odata.context"), state["deviceRegistrationPolicy"]);
        AssertJsonEqual(Emulator.Tenant.AuthorizationPolicy, state["authorizationPolicy"]);
    }

    [Fact]
    public async Task Putting_the_tenant_replaces_only_the_parts_given()
    {
        var authorization = Emulator.Tenant.AuthorizationPolicy;
        var policy = DocExamples.AfterPut();
        policy["userDeviceQuota"] = 50;

        var response = await Http.PutAsync("/_emulator/tenant", Json(new JsonObject { ["deviceRegistrationPolicy"] = policy }.ToJsonString()));

        Assert.Equal(200, (int)response.StatusCode);
        AssertJsonEqual(policy, Emulator.Tenant.DeviceRegistrationPolicy);
        AssertJsonEqual(authorization, Emulator.Tenant.AuthorizationPolicy);
        Assert.False(Emulator.Tenant.IntuneEnabled);
    }

    [Fact]
    public async Task Putting_intune_enabled_locks_registration()
    {
        await Http.PutAsync("/_emulator/tenant", Json("""{ "intuneEnabled": true }"""));

        Assert.True(Emulator.Tenant.IntuneEnabled);
        Assert.Equal(
            "#microsoft.graph.allDeviceRegistrationMembership",
            Emulator.Tenant.DeviceRegistrationPolicy["azureADRegistration"]!["allowedToRegister"]!["@odata.type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{ "intuneEnabled": "yes", "authorizationPolicy": {} }""")]
    [InlineData("""{ "authorizationPolicy": {}, "deviceRegistrationPolicy": [] }""")]
    public async Task Putting_an_invalid_tenant_is_400_and_changes_nothing(string body)
    {
        var before = Emulator.Tenant.AuthorizationPolicy;

        var response = await Http.PutAsync("/_emulator/tenant", Json(body));

        Assert.Equal(400, (int)response.StatusCode);
        AssertJsonEqual(before, Emulator.Tenant.AuthorizationPolicy);
    }

    [Fact]
    public async Task Unknown_control_endpoint_is_404()
    {
        var response = await Http.GetAsync("/_emulator/nothing");

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Empty(Emulator.Requests);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
