using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Tests.Lifecycle;

/// <summary>
/// What every settings resource does, written once: each resource's tests derive from this with its own fixtures
/// (a declared leaf, its value as seeded and as declared, and how the emulated tenant holds it).
/// </summary>
public abstract class SettingsContract : ResourceHarness
{
    protected abstract string FixedId { get; }

    /// <summary>The Graph method that writes the object: PUT where it is replaced whole, PATCH where it is partial.</summary>
    protected abstract string WriteMethod { get; }

    protected abstract string OriginalProperty { get; }

    /// <summary>The Graph calls one read of the object makes: one GET, or one per part (MDM and MAM).</summary>
    protected virtual string[] ReadCalls => ["GET"];

    /// <summary>The path whose read shows the object after a write, where it is not the write's own (e.g. a list).</summary>
    protected virtual string? LaggingReadPath => null;

    /// <summary>The Graph calls a write of <see cref="Leaf"/> makes: the write, and a read-back where Graph answers 204.</summary>
    protected virtual string[] WriteCalls => [WriteMethod];

    protected abstract string[] WriteRoles { get; }

    protected abstract string[] ReadRoles { get; }

    /// <summary>The leaf the fixtures declare, e.g. <c>userDeviceQuota</c>.</summary>
    protected abstract string Leaf { get; }

    /// <summary>The leaf's value as the emulator seeds the tenant.</summary>
    protected abstract PropertyValue Seeded { get; }

    /// <summary>Another value the program declares.</summary>
    protected abstract PropertyValue Wanted { get; }

    /// <summary>A third value, for changes made outside Pulumi.</summary>
    protected abstract PropertyValue Drifted { get; }

    /// <summary>The leaf's value as the emulated tenant holds it now.</summary>
    protected abstract PropertyValue InTenant();

    /// <summary>Changes the leaf in the emulated tenant, as someone in the portal would.</summary>
    protected abstract void SetInTenant(PropertyValue value);

    /// <summary>Makes the emulated object lack the leaf's field, as a Graph answer the provider cannot read.</summary>
    protected abstract void RemoveFieldInTenant();

    /// <summary>The program's inputs declaring <paramref name="value"/> at <see cref="Leaf"/>, checked.</summary>
    protected ObjectValue Declaring(PropertyValue value) => Checked(ObjectValue.Empty.With(Leaf, value));

    public override async Task InitializeAsync()
    {
        Roles = WriteRoles;
        await base.InitializeAsync();
    }

    private async Task<ObjectValue> Created(IResource resource)
    {
        var created = await CreateAsync(resource, Declaring(Wanted));
        Emulator.ClearRequests();
        return created.Outputs;
    }

    [Fact]
    public async Task Preview_of_a_create_calls_no_graph_and_promises_the_declared_leaf()
    {
        var preview = await CreateAsync(Resource(), Declaring(Wanted), preview: true);

        Assert.Empty(Emulator.Requests);
        Assert.Equal(FixedId, preview.Id);
        Assert.Equal(Wanted, preview.Outputs.At(Leaf));
        Assert.Equal(PropertyValue.Unknown, preview.Outputs.At(OriginalProperty));
    }

    [Fact]
    public async Task Create_adopts_with_one_get_and_one_write_and_records_the_original()
    {
        var created = await CreateAsync(Resource(), Declaring(Wanted));

        Assert.Equal([.. ReadCalls, .. WriteCalls], Calls);
        Assert.Equal(FixedId, created.Id);
        Assert.Equal(Wanted, InTenant());
        Assert.Equal(Wanted, created.Outputs.At(Leaf));
        Assert.Equal(Seeded, OriginalOf(created.Outputs));
    }

    [Fact]
    public async Task Create_that_changes_nothing_makes_no_write()
    {
        await CreateAsync(Resource(), Declaring(Seeded));

        Assert.Equal(ReadCalls, Calls);
    }

    [Fact]
    public async Task Create_without_declarations_only_reads()
    {
        var created = await CreateAsync(Resource(), Checked(ObjectValue.Empty));

        Assert.Equal(ReadCalls, Calls);
        Assert.Equal(Seeded, created.Outputs.At(Leaf));
    }

    [Fact]
    public async Task Update_reads_then_writes_once_and_keeps_the_original()
    {
        var resource = Resource();
        var created = await Created(resource);

        var updated = await UpdateAsync(resource, FixedId, created, Declaring(Drifted));

        Assert.Equal([.. ReadCalls, .. WriteCalls], Calls);
        Assert.Equal(Drifted, InTenant());
        Assert.Equal(Seeded, OriginalOf(updated));
    }

    [Fact]
    public async Task Update_to_what_the_tenant_already_holds_makes_no_write()
    {
        var resource = Resource();
        var created = await Created(resource);
        SetInTenant(Drifted);
        Emulator.ClearRequests();

        await UpdateAsync(resource, FixedId, created, Declaring(Drifted));

        Assert.Equal(ReadCalls, Calls);
    }

    [Fact]
    public async Task Preview_of_an_update_calls_no_graph_and_promises_the_declared_leaf()
    {
        var resource = Resource();
        var created = await Created(resource);

        var promised = await UpdateAsync(resource, FixedId, created, Declaring(Drifted), preview: true);

        Assert.Empty(Emulator.Requests);
        Assert.Equal(Drifted, promised.At(Leaf));
    }

    [Fact]
    public async Task Refresh_shows_drift_and_keeps_the_original_and_the_program_inputs()
    {
        var resource = Resource();
        var created = await Created(resource);
        SetInTenant(Drifted);
        Emulator.ClearRequests();

        var read = await ReadAsync(resource, FixedId, created, Declaring(Wanted));

        Assert.Equal(ReadCalls, Calls);
        Assert.Equal(Drifted, read.Outputs.At(Leaf));
        Assert.Equal(Seeded, OriginalOf(read.Outputs));
        Assert.Equal(Declaring(Wanted), read.Inputs);
        Assert.Equal([Leaf], Diff(read.Outputs, Declaring(Wanted)).Changes.Keys);
    }

    [Fact]
    public async Task Import_declares_what_it_finds_and_then_diffs_clean()
    {
        var resource = Resource();

        var read = await ReadAsync(resource, FixedId, ObjectValue.Empty, ObjectValue.Empty);

        Assert.Equal(ReadCalls, Calls);
        Assert.Equal(Seeded, read.Inputs.At(Leaf));
        var check = Check(read.Inputs);
        Assert.Empty(check.Failures);
        Assert.False(Diff(read.Outputs, check.Inputs).HasChanges);
    }

    [Fact]
    public async Task Read_with_another_id_fails_cleanly_and_names_the_only_id()
    {
        var error = await Assert.ThrowsAsync<CleanFailure>(() => ReadAsync(Resource(), "policy", ObjectValue.Empty, ObjectValue.Empty));

        Assert.Equal(CleanFailureReason.InvalidInput, error.Reason);
        Assert.Contains($"'{FixedId}'", error.Message);
        Assert.Empty(Calls);
    }

    [Fact]
    public async Task Diff_reports_a_changed_leaf_and_nothing_for_the_same_or_an_undeclared_one()
    {
        var state = (await CreateAsync(Resource(), Declaring(Seeded))).Outputs;

        Assert.Equal([Leaf], Diff(state, Declaring(Wanted)).Changes.Keys);
        Assert.False(Diff(state, Declaring(Seeded)).HasChanges);
        Assert.False(Diff(state, Checked(ObjectValue.Empty)).HasChanges);
        Assert.Equal([Leaf], Diff(state, ObjectValue.Empty.With(Leaf, PropertyValue.Unknown)).Changes.Keys);
        Assert.Empty(Diff(state, Declaring(Wanted)).Replaces);
    }

    [Fact]
    public async Task Destroy_puts_the_declared_leaf_back_as_found()
    {
        var resource = Resource();
        var created = await Created(resource);

        await DeleteAsync(resource, FixedId, created, Declaring(Wanted));

        Assert.Equal([.. ReadCalls, .. WriteCalls], Calls);
        Assert.Equal(Seeded, InTenant());
    }

    [Fact]
    public async Task Destroy_when_the_tenant_already_holds_the_original_makes_no_write()
    {
        var resource = Resource();
        var created = await Created(resource);
        SetInTenant(Seeded);
        Emulator.ClearRequests();

        await DeleteAsync(resource, FixedId, created, Declaring(Wanted));

        Assert.Equal(ReadCalls, Calls);
    }

    [Fact]
    public async Task Destroy_of_nothing_declared_calls_no_graph()
    {
        await DeleteAsync(Resource(), FixedId, ObjectValue.Empty, Checked(ObjectValue.Empty));

        Assert.Empty(Calls);
    }

    [Fact]
    public async Task Destroy_without_a_recorded_original_is_refused_and_changes_nothing()
    {
        var error = await Assert.ThrowsAsync<CleanFailure>(() =>
            DeleteAsync(Resource(), FixedId, ObjectValue.Empty.With(Leaf, Wanted), Declaring(Wanted)));

        Assert.Contains(OriginalProperty, error.Message);
        Assert.Contains("pulumi refresh", error.Message);
        Assert.Contains("Nothing was changed", error.Message);
        Assert.Empty(Calls);
    }

    [Fact]
    public async Task A_refused_write_is_a_clean_permission_failure_and_changes_nothing()
    {
        Roles = ReadRoles;

        var error = await Assert.ThrowsAsync<CleanFailure>(() => CreateAsync(Resource(), Declaring(Wanted)));

        Assert.Equal(CleanFailureReason.PermissionDenied, error.Reason);
        Assert.Contains("Nothing was changed", error.Message);
        Assert.Equal(Seeded, InTenant());
    }

    [Fact]
    public async Task A_get_failure_before_the_write_is_a_clean_failure()
    {
        Emulator.InjectFault(new Fault { Method = "GET", Status = 503, RetryAfterSeconds = 0, Times = 10 });

        var error = await Assert.ThrowsAsync<CleanFailure>(() => CreateAsync(Resource(), Declaring(Wanted)));

        Assert.Equal(CleanFailureReason.Unavailable, error.Reason);
        Assert.DoesNotContain(WriteMethod, Calls);
    }

    [Fact]
    public async Task An_object_graph_answers_without_the_field_is_refused_before_any_write()
    {
        RemoveFieldInTenant();

        var error = await Assert.ThrowsAsync<CleanFailure>(() => CreateAsync(Resource(), Declaring(Wanted)));

        Assert.Equal(CleanFailureReason.Refused, error.Reason);
        Assert.Equal(["GET"], Calls);
    }

    [Fact]
    public async Task A_lost_answer_to_an_applied_write_is_found_by_a_re_read_and_succeeds()
    {
        Emulator.InjectFault(new Fault { Method = WriteMethod, ApplyThenDrop = true });

        var created = await CreateAsync(Resource(), Declaring(Wanted));

        Assert.Equal([.. ReadCalls, WriteMethod, .. ReadCalls], Calls);
        Assert.Equal(Wanted, created.Outputs.At(Leaf));
    }

    [Fact]
    public async Task A_lost_adopting_write_that_reads_back_as_before_is_recorded_as_adopted_with_the_original_kept()
    {
        // A re-read right after a write may lag: showing the old value proves nothing. The adoption is recorded, so the
        // next run updates (keeping what was found) instead of adopting again.
        Emulator.InjectFault(new Fault { Method = WriteMethod, DropConnection = true });

        var error = await Assert.ThrowsAsync<StateUnknown>(() => CreateAsync(Resource(), Declaring(Wanted)));

        Assert.Contains("may or may not have been applied", error.Message);
        Assert.Contains("`pulumi up` again", error.Message);
        Assert.Equal(FixedId, error.Id);
        Assert.Equal(Seeded, OriginalOf(error.LastKnownOutputs));
        Assert.Equal([.. ReadCalls, WriteMethod, .. ReadCalls], Calls);
        Assert.Equal(Seeded, InTenant());
    }

    [Fact]
    public async Task The_first_adoptions_read_stays_the_original_when_an_applied_write_hid_behind_a_504_and_lagging_reads()
    {
        // Issue #24, 13: the write was applied, its answer was a 504, and the re-read lagged. The original must stay what the
        // first adoption read, through the next run's update and the destroy that puts it back.
        Emulator.InjectFault(new Fault { Method = WriteMethod, ApplyThenStatus = 504, StaleReads = 1, StalePath = LaggingReadPath, Times = 4 });
        var resource = Resource();

        var error = await Assert.ThrowsAsync<StateUnknown>(() => CreateAsync(resource, Declaring(Wanted)));
        Assert.Equal(Wanted, InTenant());
        Assert.Equal(Seeded, OriginalOf(error.LastKnownOutputs));

        var updated = await UpdateAsync(resource, FixedId, error.LastKnownOutputs, Declaring(Wanted));
        Assert.Equal(Seeded, OriginalOf(updated));
        Assert.Equal(Wanted, updated.At(Leaf));

        await DeleteAsync(resource, FixedId, updated, Declaring(Wanted));
        Assert.Equal(Seeded, InTenant());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(504)]
    public async Task A_write_applied_but_answered_a_server_error_succeeds_after_a_re_read(int status)
    {
        Emulator.InjectFault(new Fault { Method = WriteMethod, ApplyThenStatus = status, Times = 4 });

        var created = await CreateAsync(Resource(), Declaring(Wanted));

        Assert.Equal(Wanted, created.Outputs.At(Leaf));
        Assert.Equal(Seeded, OriginalOf(created.Outputs));
        Assert.Equal("GET", Calls.Last());
    }

    [Fact]
    public async Task A_server_error_for_an_update_that_did_not_apply_is_a_clean_failure_confirmed_by_a_re_read()
    {
        var resource = Resource();
        var created = await CreateAsync(resource, Declaring(Wanted));
        Emulator.ClearRequests();
        Emulator.InjectFault(new Fault { Method = WriteMethod, Status = 500 });

        var error = await Assert.ThrowsAsync<CleanFailure>(() => UpdateAsync(resource, FixedId, created.Outputs, Declaring(Drifted)));

        Assert.Equal([.. ReadCalls, WriteMethod, .. ReadCalls], Calls);
        Assert.Contains("A re-read shows the write was not applied", error.Message);
        Assert.Equal(Wanted, InTenant());
    }

    [Fact]
    public async Task A_lost_write_whose_re_read_fails_is_state_unknown_with_the_original_kept()
    {
        Emulator.InjectFault(new Fault { Method = WriteMethod, DropConnection = true });
        Emulator.InjectFault(new Fault { Method = "GET", Skip = ReadCalls.Length, Status = 500 });

        var error = await Assert.ThrowsAsync<StateUnknown>(() => CreateAsync(Resource(), Declaring(Wanted)));

        Assert.Contains("pulumi refresh", error.Message);
        Assert.Equal(FixedId, error.Id);
        Assert.Equal(Seeded, OriginalOf(error.LastKnownOutputs));
        // The re-read stops at its first call, which fails.
        Assert.Equal([.. ReadCalls, WriteMethod, "GET"], Calls);
    }

    [Fact]
    public async Task A_lost_write_whose_re_read_cannot_be_understood_is_state_unknown_not_an_internal_error()
    {
        Emulator.InjectFault(new Fault { Method = WriteMethod, ApplyThenDrop = true });
        Emulator.InjectFault(new Fault { Method = "GET", Skip = ReadCalls.Length, ApplyThenBody = $$"""{"id":"{{FixedId}}"}""" });

        var error = await Assert.ThrowsAsync<StateUnknown>(() => CreateAsync(Resource(), Declaring(Wanted)));

        Assert.Contains("pulumi refresh", error.Message);
        Assert.Equal(Seeded, OriginalOf(error.LastKnownOutputs));
    }

    [Fact]
    public async Task Cancelling_a_slow_read_stops_it_and_says_nothing_changed()
    {
        Emulator.InjectFault(new Fault { Method = "GET", DelayMilliseconds = 10_000 });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<CleanFailure>(() => CreateAsync(Resource(), Declaring(Wanted), token: cancel.Token));

        Assert.Equal(CleanFailureReason.Cancelled, error.Reason);
        Assert.Contains("Nothing was changed", error.Message);
    }

    [Fact]
    public async Task A_secret_input_stays_secret_in_the_outputs_of_create_refresh_and_preview()
    {
        var resource = Resource();
        var secret = Declaring(new SecretValue(Wanted));

        var created = await CreateAsync(resource, secret);
        var read = await ReadAsync(resource, FixedId, created.Outputs, secret);
        var preview = await CreateAsync(resource, secret, preview: true);

        Assert.True(created.Outputs.IsSecretAt(Leaf));
        Assert.True(read.Outputs.IsSecretAt(Leaf));
        Assert.True(preview.Outputs.IsSecretAt(Leaf));
    }

    [Fact]
    public async Task Check_diff_and_preview_never_open_a_graph_connection()
    {
        var resource = WithoutGraph(TypeToken);
        var inputs = resource.Check(new ResourceCheck(Urn, ObjectValue.Empty.With(Leaf, Wanted), ObjectValue.Empty)).Inputs;
        var state = ObjectValue.Empty.With(Leaf, Seeded).With(OriginalProperty, Seeded);

        resource.Diff(new ResourceDiff(FixedId, state, inputs, ObjectValue.Empty));
        await CreateAsync(resource, inputs, preview: true);
        await UpdateAsync(resource, FixedId, state, inputs, preview: true);

        Assert.Empty(Emulator.Requests);
    }

    /// <summary>The declared leaf's value in the recorded original (an object of settings, or the value itself).</summary>
    protected PropertyValue? OriginalOf(ObjectValue outputs) =>
        outputs.At(OriginalProperty) is { Plain: ObjectValue } ? outputs.At($"{OriginalProperty}.{Leaf}") : outputs.At(OriginalProperty);

    /// <summary>
    /// Issue #24's three columns, for a fault of <paramref name="kind"/> at each request of the operation in turn: the
    /// tenant is never half-written behind the answer, the answer is truthful (done means done, a clean failure means
    /// unchanged, a partial failure records what the tenant holds), and the next run, as the engine makes it, converges.
    /// </summary>
    [Theory]
    [MemberData(nameof(FaultMatrix))]
    public async Task A_fault_at_each_request_of_each_write_is_answered_truthfully_and_the_next_run_converges(string operation, string kind)
    {
        var (before, desired) = operation switch
        {
            "create" => (Seeded, Wanted),
            "update" => (Wanted, Drifted),
            _ => (Wanted, Seeded),
        };

        async Task<(ObjectValue? State, Outcome Outcome)> Attempt(Fault? fault)
        {
            SetInTenant(Seeded);
            var state = operation == "create" ? null : (await CreateAsync(Resource(), Declaring(Wanted))).Outputs;
            var resource = Resource(requestTimeout: NeedsShortTimeout(kind) ? ShortTimeout : null);
            Emulator.ClearRequests();
            if (fault is not null)
            {
                Emulator.InjectFault(fault);
            }

            var outcome = await Run(async () => operation switch
            {
                "create" => await Created(resource, Declaring(desired)),
                "update" => (FixedId, await UpdateAsync(resource, FixedId, state!, Declaring(desired))),
                _ => await Deleted(resource, state!),
            });
            return (state, outcome);
        }

        await Attempt(null);
        var requests = Emulator.Requests.Count;
        Assert.True(requests > 0);
        for (var at = 0; at < requests; at++)
        {
            var (state, outcome) = await Attempt(FaultKinds[kind](at));
            var tenant = InTenant();
            var where = $"{operation}, {kind} at request {at + 1} of {requests}: {outcome}";

            // Never half-written: the tenant holds what it held or what was asked.
            Assert.True(tenant.Equals(before) || tenant.Equals(desired), $"{where}; the tenant holds {Shown(tenant)}");

            // Truthful.
            switch (outcome.Kind)
            {
                case "done":
                    Assert.True(tenant.Equals(desired), $"{where}; done, but the tenant holds {Shown(tenant)}");
                    break;
                case "clean":
                    Assert.True(tenant.Equals(before), $"{where}; 'nothing changed', but the tenant holds {Shown(tenant)}");
                    break;
                case "partial":
                    Assert.True(tenant.Equals(outcome.Recorded!.At(Leaf)?.Plain), $"{where}; recorded {Shown(outcome.Recorded!.At(Leaf))}, the tenant holds {Shown(tenant)}");
                    break;
                default:
                    Assert.Matches("pulumi (refresh|up|destroy)", outcome.Error!.Message);
                    break;
            }

            if (operation == "create" && outcome.Recorded is { } recorded)
            {
                Assert.True(Seeded.Equals(OriginalOf(recorded)), $"{where}; the original recorded is {Shown(OriginalOf(recorded))}");
            }

            // The next run converges, as the engine makes it from what it recorded.
            var resource = Resource();
            switch (operation)
            {
                case "create" when outcome.Recorded is null:
                    var created = await CreateAsync(resource, Declaring(desired));
                    Assert.True(Seeded.Equals(OriginalOf(created.Outputs)) || outcome.Kind == "unknown", $"{where}; the retried create recorded {Shown(OriginalOf(created.Outputs))}");
                    break;
                case "create":
                case "update":
                    var updated = await UpdateAsync(resource, FixedId, outcome.Recorded ?? state!, Declaring(desired));
                    Assert.Equal(Seeded, OriginalOf(updated));
                    break;
                default:
                    if (outcome.Kind != "done")
                    {
                        await DeleteAsync(resource, FixedId, state!, Declaring(Wanted));
                    }

                    break;
            }

            Assert.True(InTenant().Equals(desired), $"{where}; after the next run the tenant holds {Shown(InTenant())}");
        }
    }

    private static async Task<(string? Id, ObjectValue? Outputs)> Created(IResource resource, ObjectValue inputs)
    {
        var created = await CreateAsync(resource, inputs);
        return (created.Id, created.Outputs);
    }

    private async Task<(string? Id, ObjectValue? Outputs)> Deleted(IResource resource, ObjectValue state)
    {
        await DeleteAsync(resource, FixedId, state, Declaring(Wanted));
        return (null, null);
    }
}
