using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Tests.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.AutomaticIntuneEnrollment;

/// <summary>
/// The settings contract for automatic Intune enrollment (declaring the MDM terms of use URL), signed in as a person
/// as Graph demands, and what only this resource does: scopes reached through groups, one $ref per group, app-only
/// runs refused before any Graph call, a change that stops part-way reported with the real state.
/// </summary>
public sealed class EnrollmentSettingsTests : SettingsContract
{
    private const string IntuneAppId = "0000000a-0000-0000-c000-000000000000";
    private const string CloudDeviceAdministrator = "7698a772-787b-4ac8-901f-60d6b08affd2";
    private const string GlobalReader = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
    private const string MdmPath = "policies/mobileDeviceManagementPolicies";
    private const string A = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";
    private const string B = "3c8ef067-8b96-44de-b2ae-557dfa0f97a0";
    private const string C = "5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d";

    protected override string TypeToken => "entradevices:index:AutomaticIntuneEnrollment";

    protected override string FixedId => IntuneAppId;

    protected override string WriteMethod => "PATCH";

    protected override string OriginalProperty => "originalSettings";

    protected override string[] WriteRoles => [CloudDeviceAdministrator];

    protected override string[] ReadRoles => [GlobalReader];

    // One GET per policy (MDM, then MAM); Graph answers the PATCH 204, so the changed policy is read back.
    protected override string[] ReadCalls => ["GET", "GET"];

    protected override string[] WriteCalls => ["PATCH", "GET"];

    protected override string Leaf => "mdm.termsOfUseUrl";

    protected override PropertyValue Seeded => Str("https://portal.manage.microsoft.com/TermsofUse.aspx");

    protected override PropertyValue Wanted => Str("https://contoso.example/enrollment/terms");

    protected override PropertyValue Drifted => Str("https://contoso.example/enrollment/terms-2025");

    protected override string Token() => TestTokens.WithScopesAndDirectoryRoles(["Policy.ReadWrite.MobilityManagement"], Roles);

    protected override PropertyValue InTenant() => Str((string)Mdm["termsOfUseUrl"]!);

    protected override void SetInTenant(PropertyValue value) =>
        Emulator.Tenant.Collection(MdmPath).Patch(IntuneAppId, new JsonObject { ["termsOfUseUrl"] = ((StringValue)value).Value });

    protected override void RemoveFieldInTenant()
    {
        var policy = Mdm;
        policy.Remove("appliesTo");
        Emulator.Tenant.Collection(MdmPath).Seed(policy);
    }

    private JsonObject Mdm => Emulator.Tenant.Collection(MdmPath).Get(IntuneAppId)!;

    private IReadOnlyList<string> MdmGroupsInTenant => Emulator.Tenant.Collection(MdmPath).RelatedIds(IntuneAppId, "includedGroups");

    private static ObjectValue MdmScope(string appliesTo, params string[] groups) =>
        Obj(("mdm", groups.Length == 0 ? Obj(("appliesTo", Str(appliesTo))) : Obj(("appliesTo", Str(appliesTo)), ("includedGroups", Ids(groups)))));

    [Fact]
    public async Task Selected_is_reached_by_adding_each_group_with_its_own_ref_and_nothing_else()
    {
        var created = await CreateAsync(Resource(), Checked(MdmScope("selected", A, B, C)));

        Assert.Equal(["GET", "GET", "POST", "POST", "POST", "GET"], Calls);
        Assert.All(Emulator.Requests.Where(r => r.Method == "POST"), post => Assert.EndsWith("/includedGroups/$ref", post.Path));
        Assert.Equal([A, B, C], MdmGroupsInTenant);
        Assert.Equal(Str("selected"), created.Outputs.At("mdm.appliesTo"));
        Assert.Equal(Str("none"), created.Outputs.At("originalSettings.mdm.appliesTo"));
    }

    [Fact]
    public async Task An_update_of_the_groups_sends_only_the_difference_and_preview_shows_each_group()
    {
        var resource = Resource();
        var created = await CreateAsync(resource, Checked(MdmScope("selected", A, B)));
        Emulator.ClearRequests();
        var news = Checked(MdmScope("selected", B, C));

        var diff = Diff(created.Outputs, news);
        var updated = await UpdateAsync(resource, FixedId, created.Outputs, news);

        Assert.Equal(["mdm.includedGroups[0]", "mdm.includedGroups[1]"], diff.Changes.Keys.Order());
        Assert.Equal(["GET", "GET", "POST", "DELETE", "GET"], Calls);
        Assert.Equal([B, C], MdmGroupsInTenant.Order());
        Assert.Equal(Ids(B, C), updated.At("mdm.includedGroups"));
    }

    [Fact]
    public async Task All_drops_the_groups_with_a_patch_of_applies_to_alone()
    {
        var resource = Resource();
        var created = await CreateAsync(resource, Checked(MdmScope("selected", A)));
        Emulator.ClearRequests();

        await UpdateAsync(resource, FixedId, created.Outputs, Checked(MdmScope("all")));

        var patch = Assert.Single(Emulator.Requests, r => r.Method == "PATCH");
        Assert.Equal("""{"appliesTo":"all"}""", patch.Body);
        Assert.Empty(MdmGroupsInTenant);
        Assert.Equal("all", (string?)Mdm["appliesTo"]);
    }

    [Fact]
    public async Task Destroy_restores_the_scope_and_the_groups_as_found()
    {
        var resource = Resource();
        await CreateAsync(resource, Checked(MdmScope("selected", A)));
        var inputs = Checked(MdmScope("selected", B));
        var created = await CreateAsync(resource, inputs);
        Emulator.ClearRequests();

        await DeleteAsync(resource, FixedId, created.Outputs, inputs);

        Assert.Equal("selected", (string?)Mdm["appliesTo"]);
        Assert.Equal([A], MdmGroupsInTenant);
    }

    [Fact]
    public async Task Refresh_shows_a_group_added_in_the_portal_as_one_group_to_remove()
    {
        var resource = Resource();
        var inputs = Checked(MdmScope("selected", A));
        var created = await CreateAsync(resource, inputs);
        Emulator.Tenant.Collection(MdmPath).Relate(IntuneAppId, "includedGroups", B);

        var read = await ReadAsync(resource, FixedId, created.Outputs, inputs);

        Assert.Equal(Ids(A, B), read.Outputs.At("mdm.includedGroups"));
        Assert.Equal(["mdm.includedGroups[1]"], Diff(read.Outputs, inputs).Changes.Keys);
        Assert.Equal(PropertyChange.Delete, Diff(read.Outputs, inputs).Changes["mdm.includedGroups[1]"]);
    }

    [Fact]
    public async Task A_change_that_stops_part_way_is_a_partial_failure_that_records_the_real_state()
    {
        Emulator.InjectFault(new Fault { Method = "POST", Skip = 2, Status = 400 });

        var error = await Assert.ThrowsAsync<PartialFailure>(() => CreateAsync(Resource(), Checked(MdmScope("selected", A, B, C))));

        Assert.Equal([A, B], MdmGroupsInTenant);
        Assert.Equal(Ids(A, B), error.Outputs.At("mdm.includedGroups"));
        Assert.Equal(Str("none"), error.Outputs.At("originalSettings.mdm.appliesTo"));
        var reason = Assert.Single(error.Reasons);
        Assert.Contains("2 of the 3 changes", reason);
        Assert.Contains("pulumi up", reason);
    }

    [Fact]
    public async Task A_restore_that_stops_part_way_says_what_was_put_back_and_promises_no_recorded_state()
    {
        // Issue #24, 6: the engine ignores properties on a failed Delete, so "its real state is recorded" was untrue.
        var resource = Resource();
        // Destroy puts back the terms of use URL (one PATCH), then the scope (another): the second is refused.
        var inputs = Checked(MdmScope("selected", A).With("mdm.termsOfUseUrl", Wanted));
        var created = await CreateAsync(resource, inputs);
        Emulator.InjectFault(new Fault { Method = "PATCH", Skip = 1, Status = 400 });

        var error = await Assert.ThrowsAsync<StateUnknown>(() => DeleteAsync(resource, FixedId, created.Outputs, inputs));

        Assert.DoesNotContain("recorded", error.Message);
        Assert.Contains("put back mdm.termsOfUseUrl, and not mdm.appliesTo, mdm.includedGroups.", error.Message);
        Assert.Contains("stays in the stack's state", error.Message);
        Assert.Contains("`pulumi refresh`", error.Message);
        Assert.Contains("`pulumi destroy` again", error.Message);
    }

    [Fact]
    public async Task A_first_step_that_is_refused_changes_nothing_and_says_so()
    {
        Emulator.InjectFault(new Fault { Method = "POST", Status = 400 });

        var error = await Assert.ThrowsAsync<CleanFailure>(() => CreateAsync(Resource(), Checked(MdmScope("selected", A, B))));

        Assert.Contains("Nothing was changed", error.Message);
        Assert.Empty(MdmGroupsInTenant);
    }

    [Fact]
    public async Task Both_scopes_are_written_mdm_first_and_the_mam_urls_in_their_own_patch()
    {
        var inputs = Checked(Obj(
            ("mdm", Obj(("appliesTo", Str("all")))),
            ("mam", Obj(("appliesTo", Str("selected")), ("includedGroups", Ids(A)), ("termsOfUseUrl", Str("https://contoso.example/mam-terms"))))));

        var created = await CreateAsync(Resource(), inputs);

        Assert.Equal(
            ["GET mobileDeviceManagementPolicies", "GET mobileAppManagementPolicies", "PATCH mobileDeviceManagementPolicies", "GET mobileDeviceManagementPolicies",
                "PATCH mobileAppManagementPolicies", "POST mobileAppManagementPolicies", "GET mobileAppManagementPolicies"],
            Emulator.Requests.Select(r => $"{r.Method} {r.Path.Split('/')[3]}"));
        Assert.Equal(Str("all"), created.Outputs.At("mdm.appliesTo"));
        Assert.Equal(Ids(A), created.Outputs.At("mam.includedGroups"));
        Assert.Equal(Str("https://contoso.example/mam-terms"), created.Outputs.At("mam.termsOfUseUrl"));
    }

    [Fact]
    public async Task An_app_only_token_is_refused_before_any_graph_call_in_every_operation()
    {
        var appOnly = Resource(TestTokens.WithRoles("Policy.ReadWrite.MobilityManagement"));
        var inputs = Checked(MdmScope("all"));
        var state = (await CreateAsync(Resource(), inputs)).Outputs;
        Emulator.ClearRequests();

        var failures = new List<CleanFailure>
        {
            await Assert.ThrowsAsync<CleanFailure>(() => CreateAsync(appOnly, inputs)),
            await Assert.ThrowsAsync<CleanFailure>(() => ReadAsync(appOnly, FixedId, state, inputs)),
            await Assert.ThrowsAsync<CleanFailure>(() => UpdateAsync(appOnly, FixedId, state, Checked(MdmScope("none")))),
            await Assert.ThrowsAsync<CleanFailure>(() => DeleteAsync(appOnly, FixedId, state, inputs)),
        };

        Assert.Empty(Emulator.Requests);
        Assert.All(failures, failure =>
        {
            Assert.Equal(CleanFailureReason.PermissionDenied, failure.Reason);
            Assert.Contains("only a signed-in person", failure.Message);
            Assert.Contains("ENTRADEVICES_SIGN_IN=deviceCode", failure.Message);
            Assert.Contains("--exclude", failure.Message);
            Assert.Contains("Nothing was changed", failure.Message);
        });
    }

    [Fact]
    public async Task A_person_without_a_role_for_mobility_policies_gets_a_clean_permission_failure()
    {
        Roles = [];

        var error = await Assert.ThrowsAsync<CleanFailure>(() => CreateAsync(Resource(), Checked(MdmScope("all"))));

        Assert.Equal(CleanFailureReason.PermissionDenied, error.Reason);
        Assert.Equal(["GET"], Calls);
        // A refused read names what reading needs, not what writing does.
        Assert.Contains("Policy.Read.All", error.Message);
        Assert.Contains("Global Reader", error.Message);
    }

    [Fact]
    public void The_schema_describes_every_property_and_says_it_is_delegated_only()
    {
        var resource = WithoutGraph(TypeToken);
        var schema = resource.Schema();
        var scope = resource.SchemaTypes()["entradevices:index:MobilityUserScope"]!["properties"]!.AsObject();

        Assert.Equal(["mam", "mdm"], schema["inputProperties"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(["appliesTo", "complianceUrl", "discoveryUrl", "includedGroups", "termsOfUseUrl"], scope.Select(p => p.Key).Order());
        Assert.All(scope, property => Assert.False(string.IsNullOrWhiteSpace((string?)property.Value!["description"])));
        Assert.Contains("Policy.ReadWrite.MobilityManagement", (string?)schema["description"]);
        Assert.Contains("no application permission", (string?)schema["description"]);
    }
}
