using System.Text.Json.Nodes;
using EntraDevices.Graph.BitLocker;
using EntraDevices.Graph.Connection;
using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Resources.BitLockerKeyRecoveryRestriction;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;
using EmulatorHost = EntraDevices.GraphEmulator.GraphEmulator;

namespace EntraDevices.Provider.Tests.BitLockerKeyRecoveryRestriction;

public sealed class RestrictionLifecycleTests : IAsyncLifetime
{
    private const string OnlyBody = """{"defaultUserRolePermissions":{"allowedToReadBitlockerKeysForOwnedDevice":false}}""";
    private EmulatorHost _emulator = null!;
    private string _token = TestTokens.WithRoles("Policy.ReadWrite.Authorization");

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private BitLockerKeyRecoveryRestrictionResource Resource()
    {
        var connection = GraphConnection.Open(
            new ConnectionSettings { AccessToken = _token, GraphEndpoint = _emulator.BaseUrl },
            new GraphTuning { RetryDelay = TimeSpan.Zero });
        return new BitLockerKeyRecoveryRestrictionResource(() => new BitLockerKeyRecoveryClient(connection));
    }

    private static ObjectValue Restrict(bool restrict) => Obj(("restrictOwnersFromReadingKeys", Bool(restrict)));

    private IEnumerable<string> Calls => _emulator.Requests.Select(r => r.Method);

    /// <summary>The portal's "Restrict …" as the emulated tenant holds it.</summary>
    private bool TenantRestricts =>
        !(bool)_emulator.Tenant.AuthorizationPolicy["defaultUserRolePermissions"]!["allowedToReadBitlockerKeysForOwnedDevice"]!;

    private void SeedRestricted(bool restricted)
    {
        var policy = _emulator.Tenant.AuthorizationPolicy;
        policy["defaultUserRolePermissions"]!["allowedToReadBitlockerKeysForOwnedDevice"] = !restricted;
        _emulator.Tenant.SetAuthorizationPolicy(policy);
    }

    [Fact]
    public async Task Create_adopts_the_setting_with_one_get_and_one_patch_and_records_the_original()
    {
        var outputs = await Resource().CreateAsync(Restrict(true), CancellationToken.None);

        Assert.Equal(["GET", "PATCH"], Calls);
        Assert.Equal(OnlyBody, _emulator.Requests[1].Body);
        Assert.True(TenantRestricts);
        AssertOutputs(outputs, true, false);
    }

    [Fact]
    public async Task Create_changes_no_other_authorization_policy_setting()
    {
        var before = _emulator.Tenant.AuthorizationPolicy;

        await Resource().CreateAsync(Restrict(true), CancellationToken.None);

        before["defaultUserRolePermissions"]!["allowedToReadBitlockerKeysForOwnedDevice"] = false;
        Assert.True(JsonNode.DeepEquals(before, _emulator.Tenant.AuthorizationPolicy));
    }

    [Fact]
    public async Task Create_that_changes_nothing_makes_no_patch()
    {
        var outputs = await Resource().CreateAsync(Restrict(false), CancellationToken.None);

        Assert.Equal(["GET"], Calls);
        Assert.Equal(Bool(false), outputs.At("originalValue"));
    }

    [Fact]
    public async Task Create_without_a_declared_value_only_reads()
    {
        SeedRestricted(true);

        var outputs = await Resource().CreateAsync(ObjectValue.Empty, CancellationToken.None);

        Assert.Equal(["GET"], Calls);
        AssertOutputs(outputs, true, true);
    }

    [Fact]
    public async Task Update_reads_then_patches_only_when_different_and_keeps_the_original()
    {
        var resource = Resource();
        var created = await resource.CreateAsync(Restrict(true), CancellationToken.None);
        _emulator.ClearRequests();

        var outputs = await resource.UpdateAsync(created, Restrict(false), CancellationToken.None);

        Assert.Equal(["GET", "PATCH"], Calls);
        Assert.False(TenantRestricts);
        AssertOutputs(outputs, false, false);
    }

    [Fact]
    public async Task Update_to_what_the_tenant_already_holds_makes_no_patch()
    {
        var resource = Resource();
        var created = await resource.CreateAsync(Restrict(false), CancellationToken.None);
        SeedRestricted(true);
        _emulator.ClearRequests();

        var outputs = await resource.UpdateAsync(created, Restrict(true), CancellationToken.None);

        Assert.Equal(["GET"], Calls);
        Assert.Equal(Bool(true), outputs.At("restrictOwnersFromReadingKeys"));
    }

    [Fact]
    public async Task Refresh_shows_drift_and_keeps_the_original_and_the_program_inputs()
    {
        var resource = Resource();
        var created = await resource.CreateAsync(Restrict(true), CancellationToken.None);
        SeedRestricted(false);
        _emulator.ClearRequests();

        var read = await resource.ReadAsync("authorizationPolicy", created, Restrict(true), CancellationToken.None);

        Assert.Equal(["GET"], Calls);
        Assert.Equal("authorizationPolicy", read.Id);
        AssertOutputs(read.Outputs, false, false);
        Assert.Equal([("restrictOwnersFromReadingKeys", Bool(true))], Leaves(read.Inputs));
        Assert.Equal(["restrictOwnersFromReadingKeys"], resource.Diff(read.Outputs, Restrict(true)).Changes.Keys);
    }

    [Fact]
    public async Task Refresh_keeps_a_secret_input_secret_in_the_outputs()
    {
        var resource = Resource();
        var secret = Obj(("restrictOwnersFromReadingKeys", new SecretValue(Bool(true))));
        var created = await resource.CreateAsync(secret, CancellationToken.None);

        var read = await resource.ReadAsync("authorizationPolicy", created, secret, CancellationToken.None);

        Assert.True(created.At("restrictOwnersFromReadingKeys")!.IsSecret);
        Assert.True(read.Outputs.At("restrictOwnersFromReadingKeys")!.IsSecret);
    }

    [Fact]
    public async Task Import_declares_the_setting_as_found()
    {
        SeedRestricted(true);
        var resource = Resource();

        var read = await resource.ReadAsync("authorizationPolicy", ObjectValue.Empty, ObjectValue.Empty, CancellationToken.None);

        Assert.Equal(["GET"], Calls);
        Assert.Equal([("restrictOwnersFromReadingKeys", Bool(true))], Leaves(read.Inputs));
        Assert.Equal(Bool(true), read.Outputs.At("originalValue"));
        var check = resource.Check(read.Inputs);
        Assert.Empty(check.Failures);
        Assert.False(resource.Diff(read.Outputs, check.Inputs).HasChanges);
    }

    [Fact]
    public async Task Read_with_another_id_fails_cleanly_and_names_the_only_id()
    {
        var error = await Assert.ThrowsAsync<CleanFailure>(() =>
            Resource().ReadAsync("bitLocker", ObjectValue.Empty, ObjectValue.Empty, CancellationToken.None));

        Assert.Equal(CleanFailureReason.InvalidInput, error.Reason);
        Assert.Contains("'authorizationPolicy'", error.Message);
        Assert.Contains("'bitLocker'", error.Message);
        Assert.Empty(Calls);
    }

    [Fact]
    public async Task Destroy_puts_a_declared_setting_back_as_found()
    {
        var resource = Resource();
        var created = await resource.CreateAsync(Restrict(true), CancellationToken.None);
        _emulator.ClearRequests();

        await resource.DeleteAsync(created, Restrict(true), CancellationToken.None);

        Assert.Equal(["GET", "PATCH"], Calls);
        Assert.Equal("""{"defaultUserRolePermissions":{"allowedToReadBitlockerKeysForOwnedDevice":true}}""", _emulator.Requests[1].Body);
        Assert.False(TenantRestricts);
    }

    [Fact]
    public async Task Destroy_when_the_tenant_already_holds_the_original_makes_no_patch()
    {
        var resource = Resource();
        var created = await resource.CreateAsync(Restrict(true), CancellationToken.None);
        SeedRestricted(false);
        _emulator.ClearRequests();

        await resource.DeleteAsync(created, Restrict(true), CancellationToken.None);

        Assert.Equal(["GET"], Calls);
    }

    [Fact]
    public async Task Destroy_of_an_undeclared_setting_leaves_the_tenant_alone_without_calling_graph()
    {
        SeedRestricted(true);
        var resource = Resource();
        var created = await resource.CreateAsync(ObjectValue.Empty, CancellationToken.None);
        SeedRestricted(false);
        _emulator.ClearRequests();

        await resource.DeleteAsync(created, ObjectValue.Empty, CancellationToken.None);

        Assert.Empty(Calls);
        Assert.False(TenantRestricts);
    }

    [Fact]
    public async Task Destroy_without_a_recorded_original_refuses_and_changes_nothing()
    {
        var error = await Assert.ThrowsAsync<CleanFailure>(() =>
            Resource().DeleteAsync(Obj(("restrictOwnersFromReadingKeys", Bool(true))), Restrict(true), CancellationToken.None));

        Assert.Equal(CleanFailureReason.Refused, error.Reason);
        Assert.Contains("originalValue", error.Message);
        Assert.Contains("Nothing was changed", error.Message);
        Assert.Empty(Calls);
    }

    [Fact]
    public async Task A_refused_patch_is_a_clean_permission_failure_and_changes_nothing()
    {
        _token = TestTokens.WithRoles("Policy.Read.All");
        var before = _emulator.Tenant.AuthorizationPolicy;

        var error = await Assert.ThrowsAsync<CleanFailure>(() => Resource().CreateAsync(Restrict(true), CancellationToken.None));

        Assert.Equal(CleanFailureReason.PermissionDenied, error.Reason);
        Assert.Contains("Policy.ReadWrite.Authorization", error.Message);
        Assert.Contains("Privileged Role Administrator", error.Message);
        Assert.Contains("Nothing was changed", error.Message);
        Assert.True(JsonNode.DeepEquals(before, _emulator.Tenant.AuthorizationPolicy));
    }

    [Fact]
    public async Task A_get_failure_before_the_patch_is_a_clean_failure()
    {
        _emulator.InjectFault(new Fault { Method = "GET", Status = 503, RetryAfterSeconds = 0, Times = 10 });

        var error = await Assert.ThrowsAsync<CleanFailure>(() => Resource().CreateAsync(Restrict(true), CancellationToken.None));

        Assert.Equal(CleanFailureReason.Unavailable, error.Reason);
        Assert.DoesNotContain("PATCH", Calls);
    }

    [Fact]
    public async Task A_policy_without_the_flag_is_refused_before_any_write()
    {
        var policy = _emulator.Tenant.AuthorizationPolicy;
        policy["defaultUserRolePermissions"]!.AsObject().Remove("allowedToReadBitlockerKeysForOwnedDevice");
        _emulator.Tenant.SetAuthorizationPolicy(policy);

        var error = await Assert.ThrowsAsync<CleanFailure>(() => Resource().CreateAsync(Restrict(true), CancellationToken.None));

        Assert.Equal(CleanFailureReason.Refused, error.Reason);
        Assert.Contains("allowedToReadBitlockerKeysForOwnedDevice", error.Message);
        Assert.Equal(["GET"], Calls);
    }

    [Fact]
    public async Task A_lost_answer_to_an_applied_patch_is_found_by_a_re_read_and_succeeds()
    {
        _emulator.InjectFault(new Fault { Method = "PATCH", ApplyThenDrop = true });

        var outputs = await Resource().CreateAsync(Restrict(true), CancellationToken.None);

        Assert.Equal(["GET", "PATCH", "GET"], Calls);
        Assert.Equal(Bool(true), outputs.At("restrictOwnersFromReadingKeys"));
        Assert.Equal(Bool(false), outputs.At("originalValue"));
    }

    [Fact]
    public async Task A_lost_patch_that_was_not_applied_is_a_clean_failure_after_a_re_read()
    {
        _emulator.InjectFault(new Fault { Method = "PATCH", DropConnection = true });

        var error = await Assert.ThrowsAsync<CleanFailure>(() => Resource().CreateAsync(Restrict(true), CancellationToken.None));

        Assert.Contains("not applied", error.Message);
        Assert.Equal(["GET", "PATCH", "GET"], Calls);
        Assert.False(TenantRestricts);
    }

    [Fact]
    public async Task A_lost_patch_whose_re_read_fails_reports_unknown_state_with_the_original_kept()
    {
        _emulator.InjectFault(new Fault { Method = "PATCH", DelayMilliseconds = 1000, DropConnection = true });
        var create = Resource().CreateAsync(Restrict(true), CancellationToken.None);
        // Once the adopting GET has been answered, make the re-read after the lost PATCH fail too.
        await WaitFor(() => _emulator.Requests.Any(r => r.Method == "GET"));
        _emulator.InjectFault(new Fault { Method = "GET", Status = 500 });

        var error = await Assert.ThrowsAsync<StateUnknown>(() => create);

        Assert.Contains("pulumi refresh", error.Message);
        AssertOutputs(error.LastKnownOutputs, false, false);
        Assert.Equal(["GET", "PATCH", "GET"], Calls);
    }

    [Fact]
    public async Task Cancelling_a_slow_read_stops_it_and_says_nothing_changed()
    {
        _emulator.InjectFault(new Fault { Method = "GET", DelayMilliseconds = 10_000 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<CleanFailure>(() => Resource().CreateAsync(Restrict(true), cancel.Token));

        Assert.Equal(CleanFailureReason.Cancelled, error.Reason);
        Assert.Contains("Nothing was changed", error.Message);
    }

    private static void AssertOutputs(ObjectValue outputs, bool effective, bool original) =>
        Assert.Equal([("originalValue", Bool(original)), ("restrictOwnersFromReadingKeys", Bool(effective))], Leaves(outputs));

    // Records compare their dictionaries by reference: compare the properties instead.
    private static (string, PropertyValue)[] Leaves(ObjectValue value) =>
        [.. value.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];

    private static async Task WaitFor(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_patch_applied_but_answered_a_server_error_is_confirmed_by_a_re_read(int status)
    {
        _emulator.InjectFault(new Fault { Method = "PATCH", ApplyThenStatus = status, Times = 4 });

        var outputs = await Resource().CreateAsync(Restrict(true), CancellationToken.None);

        Assert.True(TenantRestricts);
        AssertOutputs(outputs, true, false);
        Assert.Equal("GET", Calls.Last());
    }

    [Fact]
    public async Task A_server_error_for_a_patch_that_did_not_apply_is_a_clean_failure_confirmed_by_a_re_read()
    {
        _emulator.InjectFault(new Fault { Method = "PATCH", Status = 500 });

        var error = await Assert.ThrowsAsync<CleanFailure>(() => Resource().CreateAsync(Restrict(true), CancellationToken.None));

        Assert.Equal(["GET", "PATCH", "GET"], Calls);
        Assert.Contains("not applied", error.Message);
        Assert.False(TenantRestricts);
    }
}
