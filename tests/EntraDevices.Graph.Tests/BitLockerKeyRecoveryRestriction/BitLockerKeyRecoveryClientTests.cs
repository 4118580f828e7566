using System.Diagnostics;
using System.Text.Json.Nodes;
using EntraDevices.Graph.BitLockerKeyRecoveryRestriction;
using EntraDevices.Graph.Connection;
using EntraDevices.GraphEmulator;
using EmulatorHost = EntraDevices.GraphEmulator.GraphEmulator;

namespace EntraDevices.Graph.Tests.BitLockerKeyRecoveryRestriction;

public sealed class BitLockerKeyRecoveryClientTests : IAsyncLifetime
{
    private const string Path = "/v1.0/policies/authorizationPolicy";
    private const string ReadWrite = "Policy.ReadWrite.Authorization";
    private const string ReadAll = "Policy.Read.All";
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private BitLockerKeyRecoveryClient Client(string? token = null, GraphTuning? tuning = null) =>
        new(EmulatedGraph.Connect(_emulator, token ?? TestTokens.WithRoles(ReadWrite), tuning));

    private bool TenantAllowsOwnersToReadKeys =>
        (bool)_emulator.Tenant.AuthorizationPolicy["defaultUserRolePermissions"]!["allowedToReadBitlockerKeysForOwnedDevice"]!;

    private void SeedOwnersAllowed(bool allowed)
    {
        var policy = _emulator.Tenant.AuthorizationPolicy;
        policy["defaultUserRolePermissions"]!["allowedToReadBitlockerKeysForOwnedDevice"] = allowed;
        _emulator.Tenant.SetAuthorizationPolicy(policy);
    }

    [Fact]
    public async Task Get_goes_through_the_sdk_and_maps_allowed_to_not_restricted()
    {
        var restricted = await Client(TestTokens.WithRoles(ReadAll)).GetAsync(CancellationToken.None);

        Assert.False(restricted);
        var get = Assert.Single(_emulator.Requests);
        Assert.Equal(("GET", Path, 200), (get.Method, get.Path, get.Status));
        Assert.True(get.HadBearerToken);
    }

    [Fact]
    public async Task Get_maps_not_allowed_to_restricted()
    {
        SeedOwnersAllowed(false);

        Assert.True(await Client().GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_patch_body_carries_only_the_bitlocker_flag()
    {
        await Client().SetAsync(true, CancellationToken.None);

        var patch = Assert.Single(_emulator.Requests);
        Assert.Equal(("PATCH", Path), (patch.Method, patch.Path));
        Assert.Equal("""{"defaultUserRolePermissions":{"allowedToReadBitlockerKeysForOwnedDevice":false}}""", patch.Body);
    }

    [Fact]
    public async Task A_patch_answered_204_returns_the_requested_value_and_changes_only_the_flag()
    {
        var before = _emulator.Tenant.AuthorizationPolicy;

        var restricted = await Client().SetAsync(true, CancellationToken.None);

        Assert.True(restricted);
        Assert.Equal(204, Assert.Single(_emulator.Requests).Status);
        before["defaultUserRolePermissions"]!["allowedToReadBitlockerKeysForOwnedDevice"] = false;
        Assert.True(JsonNode.DeepEquals(before, _emulator.Tenant.AuthorizationPolicy));
    }

    [Fact]
    public async Task Lifting_the_restriction_allows_owners_again()
    {
        SeedOwnersAllowed(false);
        var client = Client();

        await client.SetAsync(false, CancellationToken.None);

        Assert.True(TenantAllowsOwnersToReadKeys);
        Assert.False(await client.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_refused_patch_names_the_permission_and_role_and_leaves_the_tenant_unchanged()
    {
        var token = TestTokens.WithRoles(ReadAll);
        var before = _emulator.Tenant.AuthorizationPolicy;

        var error = await Assert.ThrowsAsync<GraphRequestException>(() => Client(token).SetAsync(true, CancellationToken.None));

        Assert.Equal(403, error.Status);
        Assert.Equal(GraphFailureKind.Rejected, error.Kind);
        Assert.False(error.OutcomeUnknown);
        Assert.Contains("Authorization_RequestDenied", error.Message);
        Assert.Contains("Policy.ReadWrite.Authorization", error.Message);
        Assert.Contains("Privileged Role Administrator", error.Message);
        Assert.Contains("PATCH /policies/authorizationPolicy", error.Message);
        Assert.NotNull(error.RequestId);
        Assert.DoesNotContain(token, error.Message);
        Assert.True(JsonNode.DeepEquals(before, _emulator.Tenant.AuthorizationPolicy));
    }

    [Fact]
    public async Task A_get_without_a_policy_permission_names_the_read_permission()
    {
        var error = await Assert.ThrowsAsync<GraphRequestException>(() =>
            Client(TestTokens.WithRoles("Policy.ReadWrite.DeviceConfiguration")).GetAsync(CancellationToken.None));

        Assert.Equal(403, error.Status);
        Assert.Contains("Policy.Read.All", error.Message);
        Assert.Contains("read the BitLocker key recovery setting", error.Message);
    }

    [Fact]
    public async Task A_503_on_patch_is_retried_honouring_retry_after()
    {
        _emulator.InjectFault(new Fault { Method = "PATCH", Status = 503, RetryAfterSeconds = 1 });
        var clock = Stopwatch.StartNew();

        await Client().SetAsync(true, CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, before the 1 s Retry-After");
        Assert.Equal([503, 204], _emulator.Requests.Select(r => r.Status));
        Assert.Equal("1", _emulator.Requests[1].RetryAttempt);
        Assert.Equal(_emulator.Requests[0].Body, _emulator.Requests[1].Body);
        Assert.False(TenantAllowsOwnersToReadKeys);
    }

    [Fact]
    public async Task A_503_on_get_is_retried_honouring_retry_after()
    {
        _emulator.InjectFault(new Fault { Method = "GET", Status = 503, RetryAfterSeconds = 1 });
        var clock = Stopwatch.StartNew();

        await Client().GetAsync(CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, before the 1 s Retry-After");
        Assert.Equal([503, 200], _emulator.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task When_retries_run_out_the_patch_is_rejected_and_the_tenant_is_unchanged()
    {
        _emulator.InjectFault(new Fault { Method = "PATCH", Status = 503, RetryAfterSeconds = 0, Times = 10 });
        var before = _emulator.Tenant.AuthorizationPolicy;

        var error = await Assert.ThrowsAsync<GraphRequestException>(() =>
            Client(tuning: new GraphTuning { MaxRetries = 2, RetryDelay = TimeSpan.Zero }).SetAsync(true, CancellationToken.None));

        Assert.Equal((503, GraphFailureKind.Rejected), (error.Status, error.Kind));
        Assert.Contains("retries ran out", error.Message);
        Assert.Equal(3, _emulator.Requests.Count);
        Assert.True(JsonNode.DeepEquals(before, _emulator.Tenant.AuthorizationPolicy));
    }

    [Fact]
    public async Task A_dropped_connection_on_patch_is_an_unknown_outcome_and_changes_nothing()
    {
        _emulator.InjectFault(new Fault { Method = "PATCH", DropConnection = true });
        var client = Client();

        var error = await Assert.ThrowsAsync<GraphRequestException>(() => client.SetAsync(true, CancellationToken.None));

        Assert.Equal(GraphFailureKind.NoAnswer, error.Kind);
        Assert.True(error.OutcomeUnknown);
        Assert.Contains("update the BitLocker key recovery setting", error.Message);
        Assert.False(await client.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_connection_dropped_after_the_patch_is_also_unknown_but_the_write_happened()
    {
        _emulator.InjectFault(new Fault { Method = "PATCH", ApplyThenDrop = true });
        var client = Client();

        var error = await Assert.ThrowsAsync<GraphRequestException>(() => client.SetAsync(true, CancellationToken.None));

        Assert.True(error.OutcomeUnknown);
        Assert.True(await client.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_slow_patch_stops_when_the_caller_cancels()
    {
        _emulator.InjectFault(new Fault { Method = "PATCH", DelayMilliseconds = 10_000 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<GraphRequestException>(() => Client().SetAsync(true, cancel.Token));

        Assert.Equal(GraphFailureKind.Cancelled, error.Kind);
        Assert.True(error.OutcomeUnknown);
    }

    [Fact]
    public async Task A_policy_without_the_flag_is_an_unexpected_shape_not_a_guess()
    {
        var policy = _emulator.Tenant.AuthorizationPolicy;
        policy["defaultUserRolePermissions"]!.AsObject().Remove("allowedToReadBitlockerKeysForOwnedDevice");
        _emulator.Tenant.SetAuthorizationPolicy(policy);

        var error = await Assert.ThrowsAsync<UnexpectedPolicyShapeException>(() => Client().GetAsync(CancellationToken.None));

        Assert.Contains("allowedToReadBitlockerKeysForOwnedDevice", error.Message);
    }

    [Fact]
    public async Task The_beta_endpoint_works_the_same()
    {
        var client = Client(tuning: new GraphTuning { ApiVersion = "beta", RetryDelay = TimeSpan.Zero });

        await client.SetAsync(true, CancellationToken.None);

        Assert.True(await client.GetAsync(CancellationToken.None));
        Assert.All(_emulator.Requests, r => Assert.StartsWith("/beta/policies/authorizationPolicy", r.Path));
    }
}
