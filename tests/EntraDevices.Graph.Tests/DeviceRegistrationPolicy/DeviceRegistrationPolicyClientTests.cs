using System.Diagnostics;
using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.DeviceRegistrationPolicy;
using EntraDevices.GraphEmulator;
using EmulatorHost = EntraDevices.GraphEmulator.GraphEmulator;

namespace EntraDevices.Graph.Tests.DeviceRegistrationPolicy;

public sealed class DeviceRegistrationPolicyClientTests : IAsyncLifetime
{
    private const string Path = "/v1.0/policies/deviceRegistrationPolicy";
    private static readonly string GroupId = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private static DeviceRegistrationSettings Desired(DeviceRegistrationSettings live) => live with
    {
        UserDeviceQuota = 20,
        AzureADJoin = live.AzureADJoin with { AllowedToJoin = Membership.Selected([], [GroupId]) },
        LocalAdminPasswordEnabled = true,
    };

    private DeviceRegistrationPolicyClient Client(string? token = null, GraphTuning? tuning = null) =>
        new(EmulatedGraph.Connect(_emulator, token, tuning));

    [Fact]
    public async Task Get_goes_through_the_sdk_and_maps_the_policy()
    {
        var settings = await Client().GetAsync(CancellationToken.None);

        Assert.Equal(2, settings.UserDeviceQuota);
        Assert.Equal(Membership.All, settings.AzureADJoin.AllowedToJoin);
        Assert.Equal(("GET", Path), (_emulator.Requests.Single().Method, _emulator.Requests.Single().Path));
        Assert.True(_emulator.Requests.Single().HadBearerToken);
    }

    [Fact]
    public async Task The_put_body_carries_every_field()
    {
        var client = Client();
        var live = await client.GetAsync(CancellationToken.None);
        _emulator.ClearRequests();

        var stored = await client.PutAsync(Desired(live), CancellationToken.None);

        var put = Assert.Single(_emulator.Requests);
        Assert.Equal("PUT", put.Method);
        var body = JsonNode.Parse(put.Body!)!.AsObject();
        Assert.Equal(["azureADJoin", "azureADRegistration", "localAdminPassword", "multiFactorAuthConfiguration", "userDeviceQuota"],
            body.Select(p => p.Key).Order());
        Assert.Equal(["allowedToJoin", "localAdmins"], body["azureADJoin"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(["enableGlobalAdmins", "registeringUsers"], body["azureADJoin"]!["localAdmins"]!.AsObject().Select(p => p.Key).Order());
        Assert.NotNull(body["azureADRegistration"]!["allowedToRegister"]!["@odata.type"]);
        Assert.Equal(20, (int)body["userDeviceQuota"]!);
        Assert.True(stored.SameWritableSettings(Desired(live)));
    }

    [Fact]
    public async Task A_put_replaces_the_whole_policy_in_the_tenant()
    {
        var client = Client();
        var desired = Desired(await client.GetAsync(CancellationToken.None));

        await client.PutAsync(desired, CancellationToken.None);

        Assert.True((await client.GetAsync(CancellationToken.None)).SameWritableSettings(desired));
    }

    [Fact]
    public async Task A_failed_put_leaves_the_emulated_tenant_unchanged_and_names_the_permission_and_role()
    {
        var token = TestTokens.WithRoles(EmulatedGraph.ReadOnly);
        var client = Client(token);
        var before = _emulator.Tenant.DeviceRegistrationPolicy;
        var live = await client.GetAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<GraphRequestException>(() => client.PutAsync(Desired(live), CancellationToken.None));

        Assert.Equal(403, error.Status);
        Assert.Equal(GraphFailureKind.Rejected, error.Kind);
        Assert.Contains("Authorization_RequestDenied", error.Message);
        Assert.Contains("Policy.ReadWrite.DeviceConfiguration", error.Message);
        Assert.Contains("Cloud Device Administrator", error.Message);
        Assert.Contains($"request-id: {error.RequestId}", error.Message);
        Assert.NotNull(error.RequestId);
        Assert.DoesNotContain(token, error.Message);
        Assert.True(JsonNode.DeepEquals(before, _emulator.Tenant.DeviceRegistrationPolicy));
    }

    [Fact]
    public async Task A_token_graph_does_not_accept_gets_401_naming_the_read_permission()
    {
        var error = await Assert.ThrowsAsync<GraphRequestException>(() => Client("not-a-jwt").GetAsync(CancellationToken.None));

        Assert.Equal(401, error.Status);
        Assert.Contains("InvalidAuthenticationToken", error.Message);
        Assert.Contains("Policy.Read.DeviceConfiguration", error.Message);
        Assert.DoesNotContain("not-a-jwt", error.Message);
    }

    [Fact]
    public async Task Retries_honour_retry_after()
    {
        _emulator.InjectFault(new Fault { Method = "GET", Status = 429, RetryAfterSeconds = 1 });
        var clock = Stopwatch.StartNew();

        await Client().GetAsync(CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, before the 1 s Retry-After");
        Assert.Equal([429, 200], _emulator.Requests.Select(r => r.Status));
        Assert.Equal("1", _emulator.Requests[1].RetryAttempt);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_errors_are_retried_by_the_sdk_handler(int status)
    {
        _emulator.InjectFault(new Fault { Method = "PUT", Status = status, RetryAfterSeconds = 0 });
        var client = Client();
        var desired = Desired(await client.GetAsync(CancellationToken.None));

        var stored = await client.PutAsync(desired, CancellationToken.None);

        Assert.True(stored.SameWritableSettings(desired));
        Assert.Equal([200, status, 200], _emulator.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task When_retries_run_out_the_error_still_shows_code_message_and_request_id()
    {
        _emulator.InjectFault(new Fault { Method = "GET", Status = 503, RetryAfterSeconds = 0, Times = 10 });

        var error = await Assert.ThrowsAsync<GraphRequestException>(() =>
            Client(tuning: new GraphTuning { MaxRetries = 2, RetryDelay = TimeSpan.Zero }).GetAsync(CancellationToken.None));

        Assert.Equal(503, error.Status);
        Assert.Equal(GraphFailureKind.Rejected, error.Kind);
        Assert.Equal("serviceNotAvailable", error.Code);
        Assert.NotNull(error.RequestId);
        Assert.Contains("retries ran out", error.Message);
        Assert.Equal(3, _emulator.Requests.Count);
    }

    [Fact]
    public async Task A_server_error_is_not_retried_and_is_reported_with_its_code()
    {
        _emulator.InjectFault(new Fault { Method = "GET", Status = 500 });

        var error = await Assert.ThrowsAsync<GraphRequestException>(() => Client().GetAsync(CancellationToken.None));

        Assert.Equal((500, "generalException"), (error.Status, error.Code));
        Assert.Single(_emulator.Requests);
    }

    [Fact]
    public async Task A_slow_response_stops_when_the_caller_cancels()
    {
        _emulator.InjectFault(new Fault { Method = "GET", DelayMilliseconds = 10_000 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<GraphRequestException>(() => Client().GetAsync(cancel.Token));

        Assert.Equal(GraphFailureKind.Cancelled, error.Kind);
        Assert.Contains("read the device registration policy", error.Message);
    }

    [Fact]
    public async Task A_dropped_connection_on_put_is_an_unknown_outcome_and_changes_nothing()
    {
        var client = Client();
        var live = await client.GetAsync(CancellationToken.None);
        _emulator.InjectFault(new Fault { Method = "PUT", DropConnection = true });

        var error = await Assert.ThrowsAsync<GraphRequestException>(() => client.PutAsync(Desired(live), CancellationToken.None));

        Assert.Equal(GraphFailureKind.NoAnswer, error.Kind);
        Assert.True(error.OutcomeUnknown);
        Assert.True((await client.GetAsync(CancellationToken.None)).SameWritableSettings(live));
    }

    [Fact]
    public async Task A_connection_dropped_after_the_write_is_also_unknown_but_the_write_happened()
    {
        var client = Client();
        var desired = Desired(await client.GetAsync(CancellationToken.None));
        _emulator.InjectFault(new Fault { Method = "PUT", ApplyThenDrop = true });

        var error = await Assert.ThrowsAsync<GraphRequestException>(() => client.PutAsync(desired, CancellationToken.None));

        Assert.True(error.OutcomeUnknown);
        Assert.True((await client.GetAsync(CancellationToken.None)).SameWritableSettings(desired));
    }

    [Fact]
    public async Task The_beta_endpoint_works_the_same()
    {
        var client = Client(tuning: new GraphTuning { ApiVersion = "beta", RetryDelay = TimeSpan.Zero });

        var live = await client.GetAsync(CancellationToken.None);
        await client.PutAsync(Desired(live), CancellationToken.None);

        Assert.All(_emulator.Requests, r => Assert.StartsWith("/beta/policies/deviceRegistrationPolicy", r.Path));
    }

    [Fact]
    public async Task With_intune_enabled_registration_stays_all_whatever_is_sent()
    {
        await using var intune = await EmulatorHost.StartAsync(new EmulatorOptions { IntuneEnabled = true });
        var client = new DeviceRegistrationPolicyClient(EmulatedGraph.Connect(intune));
        var live = await client.GetAsync(CancellationToken.None);

        var stored = await client.PutAsync(live with { AzureADRegistration = live.AzureADRegistration with { AllowedToRegister = Membership.None } },
            CancellationToken.None);

        Assert.False(live.AzureADRegistration.IsAdminConfigurable);
        Assert.Equal(Membership.All, stored.AzureADRegistration.AllowedToRegister);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_server_error_after_an_applied_put_is_an_unknown_outcome(int status)
    {
        var client = Client(tuning: new GraphTuning { MaxRetries = 0, RetryDelay = TimeSpan.Zero });
        var desired = Desired(await client.GetAsync(CancellationToken.None));
        _emulator.InjectFault(new Fault { Method = "PUT", ApplyThenStatus = status });

        var error = await Assert.ThrowsAsync<GraphRequestException>(() => client.PutAsync(desired, CancellationToken.None));

        Assert.Equal(status, error.Status);
        Assert.True(error.OutcomeUnknown, "a 5xx does not say whether the write was applied");
        Assert.DoesNotContain("refused", error.Message);
        Assert.True((await client.GetAsync(CancellationToken.None)).SameWritableSettings(desired));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(429)]
    public async Task A_client_error_is_a_known_refusal(int status)
    {
        var client = Client(tuning: new GraphTuning { MaxRetries = 0, RetryDelay = TimeSpan.Zero });
        var live = await client.GetAsync(CancellationToken.None);
        _emulator.InjectFault(new Fault { Method = "PUT", Status = status });

        var error = await Assert.ThrowsAsync<GraphRequestException>(() => client.PutAsync(Desired(live), CancellationToken.None));

        Assert.False(error.OutcomeUnknown);
    }

    [Fact]
    public async Task An_applied_put_answered_with_something_other_than_the_policy_is_not_taken_as_the_policy()
    {
        var client = Client();
        var desired = Desired(await client.GetAsync(CancellationToken.None));
        _emulator.InjectFault(new Fault { Method = "PUT", ApplyThenBody = """{"id":"deviceRegistrationPolicy"}""" });

        var error = await Assert.ThrowsAsync<UnexpectedPolicyShapeException>(() => client.PutAsync(desired, CancellationToken.None));

        Assert.Contains("azureADJoin", error.Message);
        Assert.True((await client.GetAsync(CancellationToken.None)).SameWritableSettings(desired));
    }
}
