using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.EnrollmentStatusPage;
using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Objects;
using EntraDevices.Provider.Resources.EnrollmentStatusPage;
using EntraDevices.Provider.Tests.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.EnrollmentStatusPage;

/// <summary>
/// The object contract for the Enrollment Status Page, and what only it does: assign replaces the whole list,
/// priority only through setPriority and only when it differs, a gap in priorities is a clear error naming what
/// exists, a lost create finds the page by display name.
/// </summary>
public sealed class PageObjectTests : ObjectContract
{
    private const string Path = "deviceManagement/deviceEnrollmentConfigurations";
    private const string A = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";
    private const string B = "3c8ef067-8b96-44de-b2ae-557dfa0f97a0";
    private static readonly Consistency Quick = new([TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(80)]);

    protected override string TypeToken => "entradevices:index:EnrollmentStatusPage";

    protected override string[] WriteRoles => ["DeviceManagementServiceConfig.ReadWrite.All"];

    protected override string[] ReadRoles => ["DeviceManagementServiceConfig.Read.All"];

    protected override string CollectionPath => Path;

    // The tenant's four default configurations live in the same collection: count only the pages made here.
    protected override IReadOnlyList<JsonObject> ObjectsOfKind => [.. Emulator.Tenant.Collection(Path).List().Where(c => (int?)c["priority"] > 0)];

    protected override ObjectValue NewInputs => Obj(("displayName", Str("Autopilot ESP")), ("description", Str("first")), ("showInstallationProgress", Bool(true)));

    protected override ObjectValue FullInputs => NewInputs.With("assignments", Ids(A, B));

    protected override (string Leaf, PropertyValue Value) InPlaceChange => ("description", Str("second"));

    // Nothing of a page is create-only; the contract's replacement case is the display name's absence of one.
    protected override (string Leaf, PropertyValue Value)? ReplacingChange => null;

    protected override bool DeletesBeforeReplacing => false;

    protected override IResource Build(Func<GraphConnection> connection) =>
        new ObjectResource<PageSpec, StatusPage>(new EnrollmentStatusPageKind(), connection, Quick);

    private static ObjectValue Page(string name, string[]? groups = null, int? priority = null)
    {
        var inputs = Obj(("displayName", Str(name)), ("installProgressTimeoutInMinutes", Num(90)));
        inputs = groups is null ? inputs : inputs.With("assignments", Ids(groups));
        return priority is null ? inputs : inputs.With("priority", Num(priority.Value));
    }

    private JsonObject InTenant(string id) => Emulator.Tenant.Collection(Path).Get(id)!;

    [Fact]
    public async Task A_delete_reads_the_page_alone_then_deletes_it()
    {
        // Issue #24, 12: a destroy took three requests (the page, its assignments, the DELETE).
        var resource = Resource();
        var inputs = Checked(Page("Sales", groups: [A]));
        var created = await CreateAsync(resource, inputs);
        Emulator.ClearRequests();

        await DeleteAsync(resource, created.Id, created.Outputs, inputs);

        Assert.Equal(["GET", "DELETE"], Calls);
        Assert.Equal(0, ObjectsInTenant);
    }

    [Fact]
    public async Task After_a_patch_the_outputs_are_what_a_refresh_reads_so_the_next_preview_is_clean()
    {
        // Issue #24, 1: after any PATCH the outputs lacked installProgressTimeoutInMinutes, a perpetual diff.
        var resource = Resource();
        var first = Checked(Page("Sales").With("showInstallationProgress", Bool(true)));
        var created = await CreateAsync(resource, first);
        Assert.False(Diff(created.Outputs, first).HasChanges);

        var second = Checked(Page("Sales").With("showInstallationProgress", Bool(false)).With("installProgressTimeoutInMinutes", Num(45)));
        var updated = await UpdateAsync(resource, created.Id, created.Outputs, second);

        Assert.False(Diff(updated, second).HasChanges, string.Join(", ", Diff(updated, second).Changes.Keys));
        var read = await ReadAsync(resource, created.Id, updated, second);
        Assert.Equal(read.Outputs, updated);
    }

    [Fact]
    public async Task Create_posts_the_page_then_assigns_the_whole_list_once_and_graph_appends_it()
    {
        var first = await CreateAsync(Resource(), Checked(Page("First")));
        Emulator.ClearRequests();

        var created = await CreateAsync(Resource(), Checked(Page("Second", [A, B])));

        Assert.Equal(["POST", "POST"], Calls);
        Assert.EndsWith("/assign", Emulator.Requests[1].Path);
        Assert.EndsWith("_Windows10EnrollmentCompletionPageConfiguration", created.Id);
        Assert.Equal(Num(2), created.Outputs.At("priority"));
        Assert.Equal(Num(1), first.Outputs.At("priority"));
        Assert.Equal(90, (int)InTenant(created.Id)["installProgressTimeoutInMinutes"]!);
    }

    [Fact]
    public async Task Assignment_drift_is_repaired_with_one_assign_of_the_declared_list()
    {
        var resource = Resource();
        var inputs = Checked(Page("ESP", [A]));
        var created = await CreateAsync(resource, inputs);
        var groups = Emulator.Tenant.Collection($"{Path}/assignments");
        groups.Seed(new JsonObject { ["id"] = $"{created.Id}_{B}", ["sourceId"] = created.Id, ["target"] = new JsonObject { ["groupId"] = B } });
        var read = await ReadAsync(resource, created.Id, created.Outputs, inputs);
        Emulator.ClearRequests();

        await UpdateAsync(resource, created.Id, read.Outputs, inputs);

        var assign = Assert.Single(Emulator.Requests, r => r.Method == "POST");
        Assert.Equal(A, (string?)JsonNode.Parse(assign.Body!)!["enrollmentConfigurationAssignments"]![0]!["target"]!["groupId"]);
        Assert.Equal([$"{created.Id}_{A}"], groups.List().Where(g => (string?)g["sourceId"] == created.Id).Select(g => (string)g["id"]!));
    }

    [Fact]
    public async Task Priority_goes_through_set_priority_only_and_swaps_with_the_page_that_holds_it()
    {
        var resource = Resource();
        var first = await CreateAsync(resource, Checked(Page("First")));
        var second = await CreateAsync(resource, Checked(Page("Second")));
        Emulator.ClearRequests();

        var updated = await UpdateAsync(resource, second.Id, second.Outputs, Checked(Page("Second", priority: 1)));

        Assert.EndsWith("/setPriority", Assert.Single(Emulator.Requests, r => r.Method == "POST").Path);
        Assert.DoesNotContain(Emulator.Requests, r => r.Method == "PATCH");
        Assert.Equal(Num(1), updated.At("priority"));
        Assert.Equal(2, (int)InTenant(first.Id)["priority"]!);
    }

    [Fact]
    public async Task A_priority_already_held_is_not_sent()
    {
        var resource = Resource();
        var created = await CreateAsync(resource, Checked(Page("Only", priority: 1)));
        Emulator.ClearRequests();

        await UpdateAsync(resource, created.Id, created.Outputs, Checked(Page("Only", priority: 1)));

        Assert.DoesNotContain(Emulator.Requests, r => r.Path.EndsWith("/setPriority", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_priority_in_a_gap_left_by_a_deleted_page_is_a_clear_error_naming_the_priorities_that_exist()
    {
        var resource = Resource();
        var first = await CreateAsync(resource, Checked(Page("First")));
        var second = await CreateAsync(resource, Checked(Page("Second")));
        var third = await CreateAsync(resource, Checked(Page("Third")));
        await DeleteAsync(resource, second.Id, second.Outputs, Checked(Page("Second")));

        Emulator.ClearRequests();

        var error = await Assert.ThrowsAsync<CleanFailure>(() =>
            UpdateAsync(resource, third.Id, third.Outputs, Checked(Page("Third", priority: 2).With("description", Str("changed too")))));

        // Refused before anything was written, the description included.
        Assert.All(Calls, call => Assert.Equal("GET", call));
        Assert.Contains("Nothing was changed", error.Message);
        Assert.Contains("no other page holds 2", error.Message);
        Assert.Contains("The other pages hold: 1 ('First').", error.Message);
        Assert.Equal(3, (int)InTenant(third.Id)["priority"]!);
        Assert.Equal(1, (int)InTenant(first.Id)["priority"]!);
    }

    [Fact]
    public async Task A_lost_create_answer_finds_the_page_by_display_name_then_assigns_it()
    {
        Emulator.InjectFault(new Fault { Method = "POST", ApplyThenDrop = true });

        var created = await CreateAsync(Resource(), Checked(Page("ESP", [A])));

        Assert.Equal(1, ObjectsInTenant);
        Assert.Single(Emulator.Tenant.Collection($"{Path}/assignments").List(), g => (string?)g["sourceId"] == created.Id);
    }

    [Fact]
    public async Task Import_by_id_declares_the_settings_the_groups_and_the_priority()
    {
        var created = await CreateAsync(Resource(), Checked(Page("ESP", [A])));

        var read = await ReadAsync(Resource(), created.Id, ObjectValue.Empty, ObjectValue.Empty);

        Assert.Equal(Ids(A), read.Inputs.At("assignments"));
        Assert.Equal(Num(1), read.Inputs.At("priority"));
        Assert.Equal(Num(90), read.Inputs.At("installProgressTimeoutInMinutes"));
    }

    [Fact]
    public void Preview_shows_each_group_added_or_removed_on_its_own_line()
    {
        var state = Checked(Page("ESP", [A])).With("priority", Num(1));

        var diff = Diff(state, Checked(Page("ESP", [A, B])), "id");

        Assert.Equal(["assignments[1]"], diff.Changes.Keys);
        Assert.Empty(diff.Replaces);
    }

    [Fact]
    public async Task A_tenant_without_an_intune_licence_is_said_plainly_and_nothing_is_made()
    {
        Emulator.Tenant.IntuneLicensed = false;

        var error = await Assert.ThrowsAsync<CleanFailure>(() => CreateAsync(Resource(), Checked(Page("ESP"))));

        Assert.Contains("no active Intune licence", error.Message);
        Assert.Contains("Nothing was changed", error.Message);
        Emulator.Tenant.IntuneLicensed = true;
        Assert.Equal(0, ObjectsInTenant);
    }

    [Fact]
    public async Task A_new_page_with_a_priority_nobody_holds_is_refused_before_the_post()
    {
        var resource = Resource();
        await CreateAsync(resource, Checked(Page("First")));
        Emulator.ClearRequests();

        var error = await Assert.ThrowsAsync<CleanFailure>(() => CreateAsync(resource, Checked(Page("Far", priority: 5))));

        Assert.Equal(["GET"], Calls);
        Assert.Contains("Nothing was changed", error.Message);
        Assert.Equal(1, ObjectsInTenant);
    }

    [Fact]
    public async Task A_new_page_may_ask_for_the_priority_graph_appends_it_at_or_one_another_page_holds()
    {
        var resource = Resource();
        var first = await CreateAsync(resource, Checked(Page("First")));

        var appended = await CreateAsync(resource, Checked(Page("Second", priority: 2)));
        var swapped = await CreateAsync(resource, Checked(Page("Third", priority: 1)));

        Assert.Equal(Num(2), appended.Outputs.At("priority"));
        Assert.Equal(Num(1), swapped.Outputs.At("priority"));
        Assert.Equal(3, (int)InTenant(first.Id)["priority"]!);
    }

    [Fact]
    public async Task A_refused_read_names_the_read_permission_not_the_write_one()
    {
        var resource = Resource();
        var created = await CreateAsync(resource, Checked(Page("ESP")));
        Roles = ["User.Read.All"];

        var error = await Assert.ThrowsAsync<CleanFailure>(() => ReadAsync(Resource(), created.Id, created.Outputs, Checked(Page("ESP"))));

        Assert.Equal(CleanFailureReason.PermissionDenied, error.Reason);
        Assert.Contains("DeviceManagementServiceConfig.Read.All", error.Message);
    }
}
