using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Tests.Lifecycle;

/// <summary>
/// What every object resource does, written once: each object resource's tests derive from this with its own
/// fixtures (inputs that create it, a change that updates it, a change that replaces it, its collection's path).
/// </summary>
public abstract class ObjectContract : ResourceHarness
{
    protected abstract string[] WriteRoles { get; }

    protected abstract string[] ReadRoles { get; }

    /// <summary>The Graph path of the collection, e.g. <c>deviceManagement/windowsAutopilotDeploymentProfiles</c>.</summary>
    protected abstract string CollectionPath { get; }

    /// <summary>The program's inputs for a new object.</summary>
    protected abstract ObjectValue NewInputs { get; }

    /// <summary>Inputs that make every kind of request the object has, its children's included (the fault matrix runs on them).</summary>
    protected virtual ObjectValue FullInputs => NewInputs;

    /// <summary>A leaf the object takes in place, and a new value for it.</summary>
    protected abstract (string Leaf, PropertyValue Value) InPlaceChange { get; }

    /// <summary>A leaf only a new object can take, and a new value for it; null when the object has none.</summary>
    protected abstract (string Leaf, PropertyValue Value)? ReplacingChange { get; }

    /// <summary>Whether a replacement deletes the old object first (names must be unique).</summary>
    protected abstract bool DeletesBeforeReplacing { get; }

    /// <summary>Whether a request only reads: a GET, or a read action a kind sends as POST (a policy's device group).</summary>
    protected virtual bool IsRead(RecordedRequest request) => request.Method == "GET";

    /// <summary>The methods of the requests that write, in order.</summary>
    protected IEnumerable<string> Writes => Emulator.Requests.Where(r => !IsRead(r)).Select(r => r.Method);

    /// <summary>How Graph takes an update of the object: PATCH with what changed, or PUT with the whole object.</summary>
    protected virtual string UpdateMethod => "PATCH";

    /// <summary>What the update's body must hold: by default only the changed leaf (PATCH); a PUT kind checks that nothing was dropped.</summary>
    protected virtual void AssertUpdateBody(System.Text.Json.Nodes.JsonObject body) =>
        // OData annotations (the derived type Intune needs to PATCH a derived type's properties) are not the object's fields.
        Assert.Equal([InPlaceChange.Leaf], body.Select(p => p.Key).Where(key => !key.StartsWith('@')));

    /// <summary>The objects of this kind in the tenant (a collection may also hold the tenant's own defaults).</summary>
    protected virtual IReadOnlyList<System.Text.Json.Nodes.JsonObject> ObjectsOfKind => Emulator.Tenant.Collection(CollectionPath).List();

    protected int ObjectsInTenant => ObjectsOfKind.Count;

    public override async Task InitializeAsync()
    {
        Roles = WriteRoles;
        await base.InitializeAsync();
    }

    private async Task<CreateResult> Created(IResource resource)
    {
        var created = await CreateAsync(resource, Checked(NewInputs));
        Emulator.ClearRequests();
        return created;
    }

    [Fact]
    public async Task Preview_of_a_create_calls_no_graph_and_promises_the_declared_inputs()
    {
        var preview = await CreateAsync(Resource(), Checked(NewInputs), preview: true);

        Assert.Empty(Emulator.Requests);
        Assert.Equal("", preview.Id);
        foreach (var (leaf, value) in NewInputs.Properties)
        {
            Assert.Equal(value, preview.Outputs.At(leaf));
        }
    }

    [Fact]
    public async Task Create_returns_the_id_graph_assigned_with_one_post()
    {
        var created = await CreateAsync(Resource(), Checked(NewInputs));

        Assert.True(Guid.TryParse(created.Id, out _) || created.Id.Length > 0);
        Assert.Single(Writes, "POST");
        Assert.Equal(1, ObjectsInTenant);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_finds_the_object_instead_of_making_a_second()
    {
        Emulator.InjectFault(new Fault { Method = "POST", ApplyThenDrop = true });

        var created = await CreateAsync(Resource(), Checked(NewInputs));

        Assert.Equal(1, ObjectsInTenant);
        Assert.Equal((string)ObjectsOfKind[0]["id"]!, created.Id);
        Assert.Single(Writes, "POST");
    }

    [Fact]
    public async Task A_create_answered_with_a_server_error_is_not_retried_and_the_object_is_found()
    {
        Emulator.InjectFault(new Fault { Method = "POST", ApplyThenStatus = 503, RetryAfterSeconds = 0 });

        var created = await CreateAsync(Resource(), Checked(NewInputs));

        Assert.Equal(1, ObjectsInTenant);
        Assert.Single(Writes, "POST");
        Assert.NotEqual("", created.Id);
    }

    [Fact]
    public async Task A_create_throttled_with_retry_after_is_sent_again_and_creates_one_object()
    {
        // A 429 means Graph did nothing: wait as told and send the same create again (issue #24, 5).
        Emulator.InjectFault(new Fault { Method = "POST", PathContains = CollectionPath, Status = 429, RetryAfterSeconds = 0 });

        var created = await CreateAsync(Resource(), Checked(NewInputs));

        Assert.Equal(1, ObjectsInTenant);
        Assert.Equal((string)ObjectsOfKind.Single()["id"]!, created.Id);
        Assert.Equal(2, Emulator.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith(CollectionPath, StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("../{0}")]
    [InlineData("{0}/assignments")]
    [InlineData("{0}?$select=id")]
    [InlineData("%2e%2e%2f{0}")]
    public async Task An_id_shaped_like_a_path_is_refused_before_any_request_and_touches_no_other_object(string shape)
    {
        // Issue #24, 10: a state or import id must never point a request at another object.
        var other = await Created(Resource());
        var id = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, other.Id);

        var delete = await Assert.ThrowsAsync<CleanFailure>(() => DeleteAsync(Resource(), id, other.Outputs, Checked(NewInputs)));
        var read = await Assert.ThrowsAsync<CleanFailure>(() => ReadAsync(Resource(), id, ObjectValue.Empty, ObjectValue.Empty));

        Assert.Equal(CleanFailureReason.InvalidInput, delete.Reason);
        Assert.Equal(CleanFailureReason.InvalidInput, read.Reason);
        Assert.Contains("is not an id Microsoft Graph gives", delete.Message);
        Assert.Empty(Emulator.Requests);
        Assert.Equal(1, ObjectsInTenant);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_before_it_applied_is_a_clean_failure()
    {
        Emulator.InjectFault(new Fault { Method = "POST", DropConnection = true });

        var error = await Assert.ThrowsAsync<CleanFailure>(() => CreateAsync(Resource(), Checked(NewInputs)));

        Assert.Contains("found none", error.Message);
        Assert.Contains("Nothing was changed", error.Message);
        Assert.Equal(0, ObjectsInTenant);
    }

    [Fact]
    public async Task A_refused_create_is_a_clean_permission_failure()
    {
        Roles = ReadRoles;

        var error = await Assert.ThrowsAsync<CleanFailure>(() => CreateAsync(Resource(), Checked(NewInputs)));

        Assert.Equal(CleanFailureReason.PermissionDenied, error.Reason);
        Assert.Equal(0, ObjectsInTenant);
    }

    [Fact]
    public async Task A_read_right_after_a_create_waits_out_replica_lag()
    {
        var resource = Resource();
        var created = await Created(resource);
        Emulator.Tenant.ReplicaLagReads = 0;
        var lagging = Emulator.Tenant.Collection(CollectionPath);
        lagging.ReplicaLagReads = 2;
        var again = await CreateAsync(resource, Checked(NewInputs.With(InPlaceChange.Leaf, InPlaceChange.Value)));

        var read = await ReadAsync(resource, again.Id, again.Outputs, Checked(NewInputs));

        Assert.Equal(again.Id, read.Id);
        Assert.NotEqual(created.Id, again.Id);
    }

    [Fact]
    public async Task Refresh_of_an_object_deleted_outside_pulumi_drops_it_from_state()
    {
        var resource = Resource();
        var created = await Created(resource);
        Emulator.Tenant.Collection(CollectionPath).Delete(created.Id);

        var read = await ReadAsync(resource, created.Id, created.Outputs, Checked(NewInputs));

        Assert.Equal("", read.Id);
        Assert.Empty(Writes);
    }

    [Fact]
    public async Task Refresh_shows_drift_of_a_declared_leaf()
    {
        var resource = Resource();
        var created = await Created(resource);
        Emulator.Tenant.Collection(CollectionPath).Patch(created.Id, new System.Text.Json.Nodes.JsonObject { [InPlaceChange.Leaf] = Text(InPlaceChange.Value) });

        var read = await ReadAsync(resource, created.Id, created.Outputs, Checked(NewInputs));

        Assert.Equal(InPlaceChange.Value, read.Outputs.At(InPlaceChange.Leaf));
        Assert.Contains(InPlaceChange.Leaf, Diff(read.Outputs, Checked(NewInputs)).Changes.Keys);
    }

    [Fact]
    public async Task Import_by_id_declares_the_object_as_found_and_then_diffs_clean()
    {
        var created = await Created(Resource());

        var read = await ReadAsync(Resource(), created.Id, ObjectValue.Empty, ObjectValue.Empty);

        Assert.Equal(created.Id, read.Id);
        var check = Check(read.Inputs);
        Assert.Empty(check.Failures);
        Assert.False(Diff(read.Outputs, check.Inputs).HasChanges);
    }

    [Fact]
    public async Task Update_sends_only_what_changed()
    {
        var resource = Resource();
        var created = await Created(resource);

        var updated = await UpdateAsync(resource, created.Id, created.Outputs, Checked(NewInputs.With(InPlaceChange.Leaf, InPlaceChange.Value)));

        var update = Assert.Single(Emulator.Requests, r => r.Method == UpdateMethod);
        AssertUpdateBody(System.Text.Json.Nodes.JsonNode.Parse(update.Body!)!.AsObject());
        Assert.Equal(InPlaceChange.Value, updated.At(InPlaceChange.Leaf));
    }

    [Fact]
    public async Task Update_to_what_the_tenant_holds_writes_nothing()
    {
        var resource = Resource();
        var created = await Created(resource);

        await UpdateAsync(resource, created.Id, created.Outputs, Checked(NewInputs));

        Assert.Empty(Writes);
    }

    [Fact]
    public async Task Update_of_an_object_deleted_outside_pulumi_says_to_refresh_and_changes_nothing()
    {
        var resource = Resource();
        var created = await Created(resource);
        Emulator.Tenant.Collection(CollectionPath).Delete(created.Id);

        var error = await Assert.ThrowsAsync<CleanFailure>(() =>
            UpdateAsync(resource, created.Id, created.Outputs, Checked(NewInputs.With(InPlaceChange.Leaf, InPlaceChange.Value))));

        Assert.Contains("pulumi refresh", error.Message);
        Assert.Equal(0, ObjectsInTenant);
    }

    [Fact]
    public async Task An_update_refused_by_graph_is_clean_when_a_re_read_shows_nothing_changed()
    {
        var resource = Resource();
        var created = await Created(resource);
        Emulator.InjectFault(new Fault { Method = UpdateMethod, Status = 400 });

        var error = await Assert.ThrowsAsync<CleanFailure>(() =>
            UpdateAsync(resource, created.Id, created.Outputs, Checked(NewInputs.With(InPlaceChange.Leaf, InPlaceChange.Value))));

        Assert.Contains("Nothing was changed", error.Message);
    }

    [Fact]
    public async Task An_update_applied_but_answered_a_server_error_succeeds_after_a_re_read()
    {
        var resource = Resource();
        var created = await Created(resource);
        Emulator.InjectFault(new Fault { Method = UpdateMethod, ApplyThenStatus = 500 });

        var updated = await UpdateAsync(resource, created.Id, created.Outputs, Checked(NewInputs.With(InPlaceChange.Leaf, InPlaceChange.Value)));

        Assert.Equal(InPlaceChange.Value, updated.At(InPlaceChange.Leaf));
    }

    [Fact]
    public async Task A_throttled_write_is_retried_after_retry_after()
    {
        var resource = Resource();
        var created = await Created(resource);
        Emulator.InjectFault(new Fault { Method = UpdateMethod, Status = 429, RetryAfterSeconds = 1 });

        await UpdateAsync(resource, created.Id, created.Outputs, Checked(NewInputs.With(InPlaceChange.Leaf, InPlaceChange.Value)));

        Assert.Equal([429, 204], Emulator.Requests.Where(r => r.Method == UpdateMethod).Select(r => r.Status));
    }

    [Fact]
    public void A_change_of_a_create_only_leaf_replaces_the_object_and_others_do_not()
    {
        var state = Checked(NewInputs);

        var inPlace = Diff(state, Checked(NewInputs.With(InPlaceChange.Leaf, InPlaceChange.Value)), "id");

        Assert.Empty(inPlace.Replaces);
        Assert.Contains(InPlaceChange.Leaf, inPlace.Changes.Keys);
        if (ReplacingChange is { } change)
        {
            var replacing = Diff(state, Checked(NewInputs.With(change.Leaf, change.Value)), "id");
            Assert.Equal([change.Leaf], replacing.Replaces);
            Assert.Equal(DeletesBeforeReplacing, replacing.DeleteBeforeReplace);
        }
        else
        {
            // Nothing is create-only: no change of any declared leaf may replace the object.
            Assert.All(NewInputs.Properties.Keys, leaf => Assert.Empty(Diff(state, Checked(NewInputs.With(leaf, PropertyValue.Unknown)), "id").Replaces));
        }
    }

    [Fact]
    public async Task Delete_removes_the_object_and_an_object_already_gone_is_done()
    {
        var resource = Resource();
        var created = await Created(resource);

        await DeleteAsync(resource, created.Id, created.Outputs, Checked(NewInputs));
        await DeleteAsync(resource, created.Id, created.Outputs, Checked(NewInputs));

        Assert.Equal(0, ObjectsInTenant);
        Assert.Single(Writes, "DELETE");
    }

    private static string? Text(PropertyValue value) => value.Plain is StringValue text ? text.Value : null;

    /// <summary>
    /// Issue #24's three columns, for a fault of <paramref name="kind"/> at each request of the operation in turn: the
    /// tenant is never half-written behind the answer (one object at most, never a duplicate), the answer is truthful
    /// (done means done, a clean failure means unchanged, a recorded failure names the object the tenant holds), and the
    /// next run, as the engine makes it from what it recorded, converges.
    /// </summary>
    [Theory]
    [MemberData(nameof(FaultMatrix))]
    public async Task A_fault_at_each_request_of_each_write_is_answered_truthfully_and_the_next_run_converges(string operation, string kind)
    {
        var changed = FullInputs.With(InPlaceChange.Leaf, InPlaceChange.Value);
        var desiredInputs = operation == "update" ? changed : FullInputs;

        async Task<(CreateResult? Made, Outcome Outcome)> Attempt(Fault? fault)
        {
            foreach (var existing in ObjectsOfKind)
            {
                Emulator.Tenant.Collection(CollectionPath).Delete((string)existing["id"]!);
            }

            var made = operation == "create" ? null : await CreateAsync(Resource(), Checked(FullInputs));
            var resource = Resource(requestTimeout: NeedsShortTimeout(kind) ? ShortTimeout : null);
            Emulator.ClearRequests();
            if (fault is not null)
            {
                Emulator.InjectFault(fault);
            }

            var outcome = await Run(async () =>
            {
                switch (operation)
                {
                    case "create":
                        var created = await CreateAsync(resource, Checked(FullInputs));
                        return (created.Id, created.Outputs);
                    case "update":
                        return (made!.Id, await UpdateAsync(resource, made.Id, made.Outputs, Checked(changed)));
                    default:
                        await DeleteAsync(resource, made!.Id, made.Outputs, Checked(FullInputs));
                        return (null, null);
                }
            });
            return (made, outcome);
        }

        string? Leaf(JsonObject json) => (string?)json[InPlaceChange.Leaf];

        await Attempt(null);
        var requests = Emulator.Requests.Count;
        Assert.True(requests > 0);
        for (var at = 0; at < requests; at++)
        {
            var (made, outcome) = await Attempt(FaultKinds[kind](at));
            var where = $"{operation}, {kind} at request {at + 1} of {requests}: {outcome}";
            var objects = ObjectsOfKind;

            // Never half-written, never a duplicate.
            Assert.True(objects.Count <= 1, $"{where}; the tenant holds {objects.Count} objects");

            switch ((operation, outcome.Kind))
            {
                case ("create", "done"):
                    Assert.True(objects.Count == 1 && (string)objects[0]["id"]! == outcome.Id, $"{where}; done, but the tenant holds {objects.Count}");
                    break;
                case ("create", "clean"):
                case ("delete", "clean"):
                    Assert.True(objects.Count == (operation == "create" ? 0 : 1), $"{where}; 'nothing changed', but the tenant holds {objects.Count}");
                    break;
                case ("create", _) when outcome.Id is { } recordedId:
                    Assert.True(objects.Count == 1 && (string)objects[0]["id"]! == recordedId, $"{where}; recorded {recordedId}, the tenant holds {objects.Count}");
                    break;
                case ("update", "done"):
                    Assert.True(Leaf(objects.Single()) == Text(InPlaceChange.Value), $"{where}; done, but the tenant holds {Leaf(objects.Single())}");
                    break;
                case ("update", "clean"):
                    Assert.True(Leaf(objects.Single()) == Text(FullInputs.At(InPlaceChange.Leaf)!), $"{where}; 'nothing changed', but the tenant holds {Leaf(objects.Single())}");
                    break;
                case ("update", "partial"):
                    Assert.True(Leaf(objects.Single()) == Text(outcome.Recorded!.At(InPlaceChange.Leaf)!), $"{where}; recorded another value than the tenant's");
                    break;
                case ("delete", "done"):
                    Assert.True(objects.Count == 0, $"{where}; done, but the object is still there");
                    break;
                default:
                    Assert.Matches("pulumi (refresh|up|destroy|import)", outcome.Error!.Message);
                    break;
            }

            // The next run, as the engine makes it from what it recorded.
            var resource = Resource();
            switch (operation)
            {
                case "create" when outcome.Id is null:
                    await CreateAsync(resource, Checked(FullInputs));
                    break;
                case "create":
                    await UpdateAsync(resource, outcome.Id, outcome.Recorded!, Checked(FullInputs));
                    break;
                case "update":
                    await UpdateAsync(resource, made!.Id, outcome.Recorded ?? made.Outputs, Checked(changed));
                    break;
                default:
                    if (outcome.Kind != "done")
                    {
                        await DeleteAsync(resource, made!.Id, made.Outputs, Checked(FullInputs));
                    }

                    break;
            }

            objects = ObjectsOfKind;
            if (operation == "delete")
            {
                Assert.True(objects.Count == 0, $"{where}; after the next run {objects.Count} objects remain");
            }
            else
            {
                var only = Assert.Single(objects);
                var read = await ReadAsync(resource, (string)only["id"]!, ObjectValue.Empty, ObjectValue.Empty);
                Assert.False(Diff(read.Outputs, Checked(desiredInputs)).HasChanges, $"{where}; after the next run the object differs from what is declared");
            }
        }
    }
}
