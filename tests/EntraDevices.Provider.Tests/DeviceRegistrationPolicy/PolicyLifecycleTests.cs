using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.DeviceRegistrationPolicy;
using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Resources.DeviceRegistrationPolicy;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;
using EmulatorHost = EntraDevices.GraphEmulator.GraphEmulator;

namespace EntraDevices.Provider.Tests.DeviceRegistrationPolicy;

public sealed class PolicyLifecycleTests : IAsyncLifetime
{
    private EmulatorHost _emulator = null!;
    private string _token = TestTokens.WithRoles("Policy.ReadWrite.DeviceConfiguration");

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private DeviceRegistrationPolicyResource Resource()
    {
        var connection = GraphConnection.Open(
            new ConnectionSettings { AccessToken = _token, GraphEndpoint = _emulator.BaseUrl },
            new GraphTuning { RetryDelay = TimeSpan.Zero });
        return new DeviceRegistrationPolicyResource(() => new DeviceRegistrationPolicyClient(connection));
    }

    private static ObjectValue Declared => PolicyCheck.Check(Obj(
        ("userDeviceQuota", Num(20)),
        ("azureADJoin", Obj(("allowedToJoin", Membership("selected", groups: [GroupId])))))).Inputs;

    private IEnumerable<string> Calls => _emulator.Requests.Select(r => r.Method);

    private JsonNode? Tenant(string path) =>
        path.Replace("@odata.type", "@odata\u0000type").Split('.')
            .Aggregate((JsonNode?)_emulator.Tenant.DeviceRegistrationPolicy, (node, step) => node?[step.Replace('\u0000', '.')]);

    [Fact]
    public async Task Create_adopts_the_policy_with_one_get_and_one_put_and_records_the_original()
    {
        var outputs = await Resource().CreateAsync(Declared, CancellationToken.None);

        Assert.Equal(["GET", "PUT"], Calls);
        Assert.Equal(20, (int)Tenant("userDeviceQuota")!);
        Assert.Equal(Num(20), outputs.At("userDeviceQuota"));
        Assert.Equal(Num(2), outputs.At("originalSettings.userDeviceQuota"));
        Assert.Equal(Str("selected"), outputs.At("azureADJoin.allowedToJoin.scope"));
        // Undeclared fields keep the tenant's values.
        Assert.Equal("#microsoft.graph.noDeviceRegistrationMembership", (string)Tenant("azureADRegistration.allowedToRegister.@odata.type")!);
        Assert.Equal(Bool(false), outputs.At("azureADRegistration.isAdminConfigurable"));
    }

    [Fact]
    public async Task Create_that_changes_nothing_makes_no_put()
    {
        await Resource().CreateAsync(PolicyCheck.Check(Obj(("userDeviceQuota", Num(2)))).Inputs, CancellationToken.None);

        Assert.Equal(["GET"], Calls);
    }

    [Fact]
    public async Task Update_keeps_undeclared_fields_as_found_with_one_get_and_one_put()
    {
        var resource = Resource();
        var created = await resource.CreateAsync(Declared, CancellationToken.None);
        var drifted = _emulator.Tenant.DeviceRegistrationPolicy;
        drifted["localAdminPassword"]!["isEnabled"] = true;
        _emulator.Tenant.SetDeviceRegistrationPolicy(drifted);
        _emulator.ClearRequests();

        var news = PolicyCheck.Check(Obj(("userDeviceQuota", Num(30)))).Inputs;
        var outputs = await resource.UpdateAsync(created, news, CancellationToken.None);

        Assert.Equal(["GET", "PUT"], Calls);
        Assert.Equal(30, (int)Tenant("userDeviceQuota")!);
        Assert.True((bool)Tenant("localAdminPassword.isEnabled")!);
        Assert.Equal(Num(2), outputs.At("originalSettings.userDeviceQuota"));
    }

    [Fact]
    public async Task Refresh_shows_drift_and_keeps_the_original_and_the_program_inputs()
    {
        var resource = Resource();
        var created = await resource.CreateAsync(Declared, CancellationToken.None);
        var drifted = _emulator.Tenant.DeviceRegistrationPolicy;
        drifted["userDeviceQuota"] = 40;
        _emulator.Tenant.SetDeviceRegistrationPolicy(drifted);
        _emulator.ClearRequests();

        var read = await resource.ReadAsync("deviceRegistrationPolicy", created, Declared, CancellationToken.None);

        Assert.Equal(["GET"], Calls);
        Assert.Equal(Num(40), read.Outputs.At("userDeviceQuota"));
        Assert.Equal(Num(2), read.Outputs.At("originalSettings.userDeviceQuota"));
        Assert.Equal(Declared.At("userDeviceQuota"), read.Inputs.At("userDeviceQuota"));
        Assert.Equal(["userDeviceQuota"], resource.Diff(read.Outputs, Declared).Changes.Keys);
    }

    [Fact]
    public async Task Import_declares_every_writable_field_as_found()
    {
        var resource = Resource();

        var read = await resource.ReadAsync("deviceRegistrationPolicy", ObjectValue.Empty, ObjectValue.Empty, CancellationToken.None);

        Assert.Equal(["GET"], Calls);
        var check = resource.Check(read.Inputs);
        Assert.Empty(check.Failures);
        Assert.False(resource.Diff(read.Outputs, check.Inputs).HasChanges);
        Assert.Equal(Num(2), read.Inputs.At("userDeviceQuota"));
        Assert.Null(read.Inputs.At("azureADJoin.isAdminConfigurable"));
    }

    [Fact]
    public async Task Read_with_another_id_fails_and_names_the_only_id()
    {
        var error = await Assert.ThrowsAsync<CleanFailure>(() =>
            Resource().ReadAsync("policy", ObjectValue.Empty, ObjectValue.Empty, CancellationToken.None));

        Assert.Contains("'deviceRegistrationPolicy'", error.Message);
        Assert.Empty(Calls);
    }

    [Fact]
    public async Task Destroy_restores_declared_fields_to_the_original_and_leaves_the_rest()
    {
        var resource = Resource();
        var created = await resource.CreateAsync(Declared, CancellationToken.None);
        var changedElsewhere = _emulator.Tenant.DeviceRegistrationPolicy;
        changedElsewhere["localAdminPassword"]!["isEnabled"] = true;
        _emulator.Tenant.SetDeviceRegistrationPolicy(changedElsewhere);

        await resource.DeleteAsync(created, Declared, CancellationToken.None);

        Assert.Equal(2, (int)Tenant("userDeviceQuota")!);
        Assert.Equal("#microsoft.graph.allDeviceRegistrationMembership", (string)Tenant("azureADJoin.allowedToJoin.@odata.type")!);
        Assert.True((bool)Tenant("localAdminPassword.isEnabled")!);
    }

    [Fact]
    public async Task Destroy_with_restore_defaults_sets_entra_defaults_on_declared_fields()
    {
        var resource = Resource();
        var declared = Declared.With("onDestroy", Str("restoreDefaults"));
        var created = await resource.CreateAsync(declared, CancellationToken.None);

        await resource.DeleteAsync(created, declared, CancellationToken.None);

        Assert.Equal(50, (int)Tenant("userDeviceQuota")!);
        Assert.Equal("#microsoft.graph.allDeviceRegistrationMembership", (string)Tenant("azureADJoin.allowedToJoin.@odata.type")!);
    }

    [Fact]
    public async Task Registration_locked_by_intune_is_refused_before_any_write()
    {
        _emulator.Tenant.IntuneEnabled = true;
        var news = PolicyCheck.Check(Obj(("azureADRegistration", Obj(("allowedToRegister", Membership("none")))))).Inputs;

        var error = await Assert.ThrowsAsync<CleanFailure>(() => Resource().CreateAsync(news, CancellationToken.None));

        Assert.Contains("Intune", error.Message);
        Assert.Contains("azureADRegistration.allowedToRegister", error.Message);
        Assert.Equal(["GET"], Calls);
    }

    [Fact]
    public async Task Destroy_restores_the_rest_when_intune_has_since_locked_registration()
    {
        var configurable = _emulator.Tenant.DeviceRegistrationPolicy;
        configurable["azureADRegistration"]!["isAdminConfigurable"] = true;
        _emulator.Tenant.SetDeviceRegistrationPolicy(configurable);
        var resource = Resource();
        var declared = PolicyCheck.Check(Obj(
            ("userDeviceQuota", Num(20)),
            ("azureADRegistration", Obj(("allowedToRegister", Membership("all")))))).Inputs;
        var created = await resource.CreateAsync(declared, CancellationToken.None);
        _emulator.Tenant.IntuneEnabled = true;

        await resource.DeleteAsync(created, declared, CancellationToken.None);

        Assert.Equal(2, (int)Tenant("userDeviceQuota")!);
        Assert.Equal("#microsoft.graph.allDeviceRegistrationMembership", (string)Tenant("azureADRegistration.allowedToRegister.@odata.type")!);
    }

    [Fact]
    public async Task A_refused_put_is_a_clean_failure_and_changes_nothing()
    {
        _token = TestTokens.WithRoles("Policy.Read.DeviceConfiguration");
        var before = _emulator.Tenant.DeviceRegistrationPolicy;

        var error = await Assert.ThrowsAsync<CleanFailure>(() => Resource().CreateAsync(Declared, CancellationToken.None));

        Assert.Equal(CleanFailureReason.PermissionDenied, error.Reason);
        Assert.Contains("Nothing was changed", error.Message);
        Assert.True(JsonNode.DeepEquals(before, _emulator.Tenant.DeviceRegistrationPolicy));
    }

    [Fact]
    public async Task A_get_failure_before_the_put_is_a_clean_failure()
    {
        _emulator.InjectFault(new Fault { Method = "GET", Status = 503, RetryAfterSeconds = 0, Times = 10 });

        var error = await Assert.ThrowsAsync<CleanFailure>(() => Resource().CreateAsync(Declared, CancellationToken.None));

        Assert.Equal(CleanFailureReason.Unavailable, error.Reason);
        Assert.DoesNotContain("PUT", Calls);
    }

    [Fact]
    public async Task A_lost_answer_to_an_applied_put_is_found_by_a_re_read_and_succeeds()
    {
        _emulator.InjectFault(new Fault { Method = "PUT", ApplyThenDrop = true });

        var outputs = await Resource().CreateAsync(Declared, CancellationToken.None);

        Assert.Equal(["GET", "PUT", "GET"], Calls);
        Assert.Equal(Num(20), outputs.At("userDeviceQuota"));
    }

    [Fact]
    public async Task A_lost_put_that_was_not_applied_is_a_clean_failure_after_a_re_read()
    {
        _emulator.InjectFault(new Fault { Method = "PUT", DropConnection = true });

        var error = await Assert.ThrowsAsync<CleanFailure>(() => Resource().CreateAsync(Declared, CancellationToken.None));

        Assert.Contains("not applied", error.Message);
        Assert.Equal(["GET", "PUT", "GET"], Calls);
    }

    [Fact]
    public async Task A_lost_put_whose_re_read_fails_reports_unknown_state_with_the_original_kept()
    {
        _emulator.InjectFault(new Fault { Method = "PUT", DelayMilliseconds = 1000, DropConnection = true });
        var create = Resource().CreateAsync(Declared, CancellationToken.None);
        // Once the adopting GET has been answered, make the re-read after the lost PUT fail too.
        await WaitFor(() => _emulator.Requests.Any(r => r.Method == "GET"));
        _emulator.InjectFault(new Fault { Method = "GET", Status = 500 });

        var error = await Assert.ThrowsAsync<StateUnknown>(() => create);

        Assert.Contains("pulumi refresh", error.Message);
        Assert.Equal(Num(2), error.LastKnownOutputs.At("originalSettings.userDeviceQuota"));
        Assert.Equal(["GET", "PUT", "GET"], Calls);
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }

    [Fact]
    public async Task Cancelling_a_slow_read_stops_it_and_says_nothing_changed()
    {
        _emulator.InjectFault(new Fault { Method = "GET", DelayMilliseconds = 10_000 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<CleanFailure>(() => Resource().CreateAsync(Declared, cancel.Token));

        Assert.Equal(CleanFailureReason.Cancelled, error.Reason);
        Assert.Contains("Nothing was changed", error.Message);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(504)]
    public async Task An_update_whose_put_applied_but_answered_a_server_error_reports_what_the_tenant_holds(int status)
    {
        var resource = Resource();
        var created = await resource.CreateAsync(Declared, CancellationToken.None);
        _emulator.ClearRequests();
        _emulator.InjectFault(new Fault { Method = "PUT", ApplyThenStatus = status, Times = 4 });

        var outputs = await resource.UpdateAsync(created, PolicyCheck.Check(Obj(("userDeviceQuota", Num(30)))).Inputs, CancellationToken.None);

        Assert.Equal(30, (int)Tenant("userDeviceQuota")!);
        Assert.Equal(Num(30), outputs.At("userDeviceQuota"));
        Assert.Equal("GET", Calls.Last());
    }

    [Fact]
    public async Task A_create_whose_applied_puts_each_answered_504_succeeds_and_keeps_the_original_as_found()
    {
        _emulator.InjectFault(new Fault { Method = "PUT", ApplyThenStatus = 504, Times = 4 });

        var outputs = await Resource().CreateAsync(Declared, CancellationToken.None);

        Assert.Equal(Num(20), outputs.At("userDeviceQuota"));
        Assert.Equal(Num(2), outputs.At("originalSettings.userDeviceQuota"));
    }

    [Fact]
    public async Task A_server_error_for_a_put_that_did_not_apply_is_a_clean_failure_confirmed_by_a_re_read()
    {
        _emulator.InjectFault(new Fault { Method = "PUT", Status = 500 });

        var error = await Assert.ThrowsAsync<CleanFailure>(() => Resource().CreateAsync(Declared, CancellationToken.None));

        Assert.Equal(["GET", "PUT", "GET"], Calls);
        Assert.Contains("A re-read shows the write was not applied", error.Message);
        Assert.Equal(2, (int)Tenant("userDeviceQuota")!);
    }

    [Fact]
    public async Task An_applied_put_answered_with_something_other_than_the_policy_is_confirmed_by_a_re_read()
    {
        _emulator.InjectFault(new Fault { Method = "PUT", ApplyThenBody = """{"id":"deviceRegistrationPolicy"}""" });

        var outputs = await Resource().CreateAsync(Declared, CancellationToken.None);

        Assert.Equal(["GET", "PUT", "GET"], Calls);
        Assert.Equal(Num(20), outputs.At("userDeviceQuota"));
    }

    [Fact]
    public async Task A_lost_put_answer_followed_by_an_unreadable_re_read_is_state_unknown_with_what_to_run()
    {
        _emulator.InjectFault(new Fault { Method = "PUT", ApplyThenDrop = true });
        // The adopting GET is spared; the re-read after the lost PUT gets an answer that is not the policy.
        _emulator.InjectFault(new Fault { Method = "GET", Skip = 1, ApplyThenBody = """{"id":"deviceRegistrationPolicy"}""" });

        var error = await Assert.ThrowsAsync<StateUnknown>(() => Resource().CreateAsync(Declared, CancellationToken.None));

        Assert.Contains("pulumi refresh", error.Message);
        Assert.Contains("azureADJoin", error.Message);
        Assert.Equal(Num(2), error.LastKnownOutputs.At("originalSettings.userDeviceQuota"));
        Assert.Equal(["GET", "PUT", "GET"], Calls);
    }
}
