using System.Text.Json.Nodes;
using EntraDevices.Graph.AutopilotDeploymentProfile;
using EntraDevices.Graph.Connection;
using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Objects;
using EntraDevices.Provider.Resources.AutopilotDeploymentProfile;
using EntraDevices.Provider.Tests.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.AutopilotDeploymentProfile;

/// <summary>
/// The object contract for the Autopilot deployment profile, and what only it does: assignments one POST or DELETE
/// each, reconciled to exactly what is declared (drift repaired), removed before the profile, one all-devices
/// profile per tenant, found again by display name after a lost create.
/// </summary>
public sealed class ProfileObjectTests : ObjectContract
{
    private const string Path = "deviceManagement/windowsAutopilotDeploymentProfiles";
    private const string A = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";
    private const string B = "3c8ef067-8b96-44de-b2ae-557dfa0f97a0";
    private const string C = "5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d";
    private static readonly Consistency Quick = new([TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(80)]);

    protected override string TypeToken => "entradevices:index:AutopilotDeploymentProfile";

    protected override string[] WriteRoles => ["DeviceManagementServiceConfig.ReadWrite.All"];

    protected override string[] ReadRoles => ["DeviceManagementServiceConfig.Read.All"];

    protected override string CollectionPath => Path;

    protected override ObjectValue NewInputs => Obj(("displayName", Str("Autopilot user-driven")), ("description", Str("first")), ("deviceType", Str("windowsPc")));

    protected override ObjectValue FullInputs => NewInputs.With("assignments", Obj(("allDevices", Bool(false)), ("groups", Ids(A)), ("excludedGroups", Ids(B))));

    protected override (string Leaf, PropertyValue Value) InPlaceChange => ("description", Str("second"));

    protected override (string Leaf, PropertyValue Value)? ReplacingChange => ("deviceType", Str("holoLens"));

    protected override bool DeletesBeforeReplacing => true;

    protected override IResource Build(Func<GraphConnection> connection) =>
        new ObjectResource<ProfileSpec, DeploymentProfile>(new AutopilotDeploymentProfileKind(), connection, Quick);

    private static ObjectValue Targeting(string name, bool allDevices = false, string[]? groups = null, string[]? excluded = null) => Obj(
        ("displayName", Str(name)),
        ("assignments", Obj(("allDevices", Bool(allDevices)), ("groups", Ids(groups ?? [])), ("excludedGroups", Ids(excluded ?? [])))));

    private IEnumerable<string> Assigned(string profileId) => Emulator.Tenant.Collection($"{Path}/assignments").List()
        .Where(a => (string?)a["sourceId"] == profileId).Select(a => (string)a["id"]!).Order();

    [Fact]
    public async Task Create_posts_the_profile_then_one_assignment_per_target()
    {
        var created = await CreateAsync(Resource(), Checked(Targeting("Sales", groups: [A], excluded: [B])));

        Assert.Equal(["POST", "POST", "POST"], Calls);
        Assert.Equal([$"{created.Id}_{A}", $"{created.Id}_{B}"], Assigned(created.Id));
        Assert.Equal(Ids(A), created.Outputs.At("assignments.groups"));
        Assert.Equal(Ids(B), created.Outputs.At("assignments.excludedGroups"));
        var body = JsonNode.Parse(Emulator.Requests[0].Body!)!;
        Assert.Equal("#microsoft.graph.azureADWindowsAutopilotDeploymentProfile", (string?)body["@odata.type"]);
    }

    [Fact]
    public async Task A_create_sends_only_what_is_declared_and_graph_gives_the_rest_its_defaults()
    {
        // Issue #24, 7: no description: null, no hardwareHashExtractionEnabled or OOBE fields the stack never named.
        var inputs = Checked(Obj(("displayName", Str("Sales")), ("outOfBoxExperienceSetting", Obj(("eulaHidden", Bool(true)))), ("locale", Str("en-US"))));

        var created = await CreateAsync(Resource(), inputs);

        var body = JsonNode.Parse(Emulator.Requests.First(r => r.Method == "POST").Body!)!.AsObject();
        Assert.Equal(["@odata.type", "displayName", "locale", "outOfBoxExperienceSetting"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["eulaHidden"], body["outOfBoxExperienceSetting"]!.AsObject().Select(p => p.Key));
        Assert.False(Diff(created.Outputs, inputs).HasChanges);
    }

    [Fact]
    public async Task Assignments_are_reconciled_to_exactly_what_is_declared_and_drift_is_repaired()
    {
        var resource = Resource();
        var inputs = Checked(Targeting("Sales", groups: [A, B]));
        var created = await CreateAsync(resource, inputs);
        // Someone assigns the profile to another group in the portal, and removes one.
        Emulator.Tenant.Collection($"{Path}/assignments").Delete($"{created.Id}_{A}");
        Emulator.Tenant.Collection($"{Path}/assignments").Seed(new JsonObject
        {
            ["id"] = $"{created.Id}_{C}",
            ["sourceId"] = created.Id,
            ["target"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.groupAssignmentTarget", ["groupId"] = C },
        });
        var read = await ReadAsync(resource, created.Id, created.Outputs, inputs);
        Emulator.ClearRequests();

        var diff = Diff(read.Outputs, inputs, created.Id);
        var updated = await UpdateAsync(resource, created.Id, read.Outputs, inputs);

        // One line per group added or removed (an add and a remove at one index show as that element replaced).
        Assert.NotEmpty(diff.Changes);
        Assert.All(diff.Changes.Keys, key => Assert.StartsWith("assignments.groups[", key));
        Assert.Equal(["GET", "GET", "POST", "DELETE"], Calls);
        Assert.Equal([$"{created.Id}_{A}", $"{created.Id}_{B}"], Assigned(created.Id));
        Assert.Equal([A, B], ((ArrayValue)updated.At("assignments.groups")!).Items.Select(i => ((StringValue)i).Value).Order());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_group_moved_between_groups_and_excluded_groups_converges_in_one_run(bool toIncluded)
    {
        // Issue #24, 4: {groups:[A], excludedGroups:[B]} -> {groups:[A, B]} (and back): the old assignment goes first.
        var resource = Resource();
        var before = Checked(toIncluded ? Targeting("Sales", groups: [A], excluded: [B]) : Targeting("Sales", groups: [A, B]));
        var after = Checked(toIncluded ? Targeting("Sales", groups: [A, B]) : Targeting("Sales", groups: [A], excluded: [B]));
        var created = await CreateAsync(resource, before);

        var updated = await UpdateAsync(resource, created.Id, created.Outputs, after);

        Assert.Equal(after.At("assignments.groups"), updated.At("assignments.groups"));
        Assert.Equal(after.At("assignments.excludedGroups"), updated.At("assignments.excludedGroups"));
        var read = await ReadAsync(resource, created.Id, updated, after);
        Assert.False(Diff(read.Outputs, after).HasChanges);
    }

    [Fact]
    public async Task Undeclared_assignments_are_left_alone()
    {
        var resource = Resource();
        var created = await CreateAsync(resource, Checked(Targeting("Sales", groups: [A])));
        Emulator.ClearRequests();

        await UpdateAsync(resource, created.Id, created.Outputs, Checked(Obj(("displayName", Str("Sales")), ("description", Str("now described")))));

        Assert.Equal([$"{created.Id}_{A}"], Assigned(created.Id));
        Assert.DoesNotContain("DELETE", Calls);
    }

    [Fact]
    public async Task Delete_removes_the_assignments_first_then_the_profile()
    {
        var resource = Resource();
        var inputs = Checked(Targeting("Sales", groups: [A, B]));
        var created = await CreateAsync(resource, inputs);
        Emulator.ClearRequests();

        await DeleteAsync(resource, created.Id, created.Outputs, inputs);

        Assert.Equal(["GET", "GET", "DELETE", "DELETE", "DELETE"], Calls);
        Assert.EndsWith($"/{created.Id}", Emulator.Requests[^1].Path);
        Assert.Equal(0, ObjectsInTenant);
    }

    [Fact]
    public async Task A_404_on_an_assignment_resent_after_a_lost_answer_is_that_assignment_gone_not_the_profile()
    {
        // Issue #24, 3: the first assignment DELETE is applied and its answer lost (503); the transport sends it again
        // and gets 404. That says the assignment is gone; the profile and its other assignment are still there.
        var resource = Resource();
        var inputs = Checked(Targeting("Sales", groups: [A, B]));
        var created = await CreateAsync(resource, inputs);
        Emulator.InjectFault(new Fault { Method = "DELETE", PathContains = "/assignments/", ApplyThenStatus = 503, RetryAfterSeconds = 0 });

        await DeleteAsync(resource, created.Id, created.Outputs, inputs);

        Assert.Equal(0, ObjectsInTenant);
        Assert.Empty(Assigned(created.Id));
    }

    [Fact]
    public async Task A_404_on_an_assignment_while_the_profile_stays_never_reports_the_profile_deleted()
    {
        // Graph answers 404 for an assignment and nothing changes: the profile is still assigned, so its own DELETE is
        // refused. The delete fails, saying the profile is unchanged; it is never dropped from state while it exists.
        var resource = Resource();
        var inputs = Checked(Targeting("Sales", groups: [A]));
        var created = await CreateAsync(resource, inputs);
        Emulator.InjectFault(new Fault { Method = "DELETE", PathContains = "/assignments/", Status = 404, Times = 10 });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => DeleteAsync(resource, created.Id, created.Outputs, inputs));

        Assert.Equal(1, ObjectsInTenant);
        Assert.Contains("unchanged", error.Message);
    }

    [Fact]
    public async Task A_second_all_devices_profile_is_refused_naming_the_profile_that_holds_it_and_is_still_recorded()
    {
        var first = await CreateAsync(Resource(), Checked(Targeting("Everyone", allDevices: true)));

        var error = await Assert.ThrowsAsync<PartialFailure>(() => CreateAsync(Resource(), Checked(Targeting("Everyone too", allDevices: true))));

        var reason = Assert.Single(error.Reasons);
        Assert.Contains("'Everyone'", reason);
        Assert.Contains(first.Id, reason);
        Assert.Contains("was created", reason);
        Assert.Equal(Bool(false), error.Outputs.At("assignments.allDevices"));
        Assert.Equal(2, ObjectsInTenant);
    }

    [Fact]
    public async Task A_lost_create_answer_finds_the_profile_by_display_name_then_assigns_it()
    {
        Emulator.InjectFault(new Fault { Method = "POST", PathContains = "Profiles", Skip = 0, ApplyThenDrop = true });

        var created = await CreateAsync(Resource(), Checked(Targeting("Sales", groups: [A])));

        Assert.Equal(1, ObjectsInTenant);
        Assert.Equal([$"{created.Id}_{A}"], Assigned(created.Id));
    }

    [Fact]
    public async Task Import_by_id_declares_the_assignments_too()
    {
        var created = await CreateAsync(Resource(), Checked(Targeting("Sales", groups: [A], excluded: [B])));

        var read = await ReadAsync(Resource(), created.Id, ObjectValue.Empty, ObjectValue.Empty);

        Assert.Equal(Ids(A), read.Inputs.At("assignments.groups"));
        Assert.Equal(Ids(B), read.Inputs.At("assignments.excludedGroups"));
        Assert.False(Diff(read.Outputs, Check(read.Inputs).Inputs).HasChanges);
    }

    [Fact]
    public async Task A_failed_assignment_on_update_is_a_partial_failure_with_the_real_state()
    {
        var resource = Resource();
        var created = await CreateAsync(resource, Checked(Targeting("Sales", groups: [A])));
        Emulator.InjectFault(new Fault { Method = "POST", Skip = 1, Status = 400 });

        var error = await Assert.ThrowsAsync<PartialFailure>(() => UpdateAsync(resource, created.Id, created.Outputs, Checked(Targeting("Sales", groups: [A, B, C]))));

        Assert.Equal([A, B], ((ArrayValue)error.Outputs.At("assignments.groups")!).Items.Select(item => ((StringValue)item).Value).Order());
        Assert.Contains("partly changed", Assert.Single(error.Reasons));
    }

    [Fact]
    public async Task The_enrollment_services_opaque_400_on_create_is_a_clean_refusal_with_nothing_made()
    {
        // docs-contrib issue 1298: create can fail with an opaque 400 from the enrollment front end.
        Emulator.InjectFault(new Fault { Method = "POST", Status = 400 });

        var error = await Assert.ThrowsAsync<CleanFailure>(() => CreateAsync(Resource(), Checked(Targeting("Sales", groups: [A]))));

        Assert.Equal(CleanFailureReason.Refused, error.Reason);
        Assert.Contains("Nothing was changed", error.Message);
        Assert.Equal(0, ObjectsInTenant);
    }

    [Fact]
    public async Task A_refused_read_names_the_read_permission_not_the_write_one()
    {
        var resource = Resource();
        var created = await CreateAsync(resource, Checked(Targeting("Sales")));
        Roles = ["User.Read.All"];

        var error = await Assert.ThrowsAsync<CleanFailure>(() => ReadAsync(Resource(), created.Id, created.Outputs, Checked(Targeting("Sales"))));

        Assert.Equal(CleanFailureReason.PermissionDenied, error.Reason);
        Assert.Contains("DeviceManagementServiceConfig.Read.All", error.Message);
    }
}
