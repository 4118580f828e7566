using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.DevicePreparationPolicy;
using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Objects;
using EntraDevices.Provider.Resources.AutopilotDevicePreparationPolicy;
using EntraDevices.Provider.Tests.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.AutopilotDevicePreparationPolicy;

/// <summary>
/// The object contract for the device preparation policy, and what only it does: the whole policy PUT with every
/// setting it held, the device group bound with Intune's validation codes turned into what to fix, the assignment
/// replaced by exactly the declared user groups, a policy of another template refused (graph-device-preparation.md).
/// </summary>
public sealed class PreparationObjectTests : ObjectContract
{
    private const string Path = "deviceManagement/configurationPolicies";
    private const string DeviceGroup = "0b1d4f8e-9a3c-4c1e-8d7f-2a6b5c4d3e2f";
    private const string Users = "3c8ef067-8b96-44de-b2ae-557dfa0f97a0";
    private const string OtherUsers = "5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d";
    private const string App = "7d1f0c2a-5b4e-4c3d-9a8b-1c2d3e4f5a6b";
    private const string Script = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b";
    private static readonly Consistency Quick = new([TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(80)]);
    private static readonly TimeSpan[] QuickWaits = [TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20)];

    protected override string TypeToken => "entradevices:index:AutopilotDevicePreparationPolicy";

    protected override string[] WriteRoles => ["DeviceManagementConfiguration.ReadWrite.All"];

    protected override string[] ReadRoles => ["DeviceManagementConfiguration.Read.All"];

    protected override string CollectionPath => Path;

    protected override ObjectValue NewInputs => Obj(("name", Str("Device preparation")), ("description", Str("first")));

    protected override ObjectValue FullInputs => NewInputs
        .With("timeoutMinutes", Num(90))
        .With("allowedApps", new ArrayValue([Obj(("id", Str(App)), ("type", Str("win32LobApp")))]))
        .With("allowedScripts", Ids(Script))
        .With("deviceGroup", Str(DeviceGroup))
        .With("userGroups", Ids(Users));

    protected override (string Leaf, PropertyValue Value) InPlaceChange => ("description", Str("second"));

    protected override (string Leaf, PropertyValue Value)? ReplacingChange => null;

    protected override bool DeletesBeforeReplacing => false;

    protected override string UpdateMethod => "PUT";

    /// <summary>The device group is read with a POST action; it writes nothing.</summary>
    protected override bool IsRead(RecordedRequest request) =>
        request.Method == "GET" || request.Path.EndsWith("/retrieveEnrollmentTimeDeviceMembershipTarget", StringComparison.Ordinal);

    /// <summary>The whole policy goes back: the change, and every setting the policy held.</summary>
    protected override void AssertUpdateBody(JsonObject body)
    {
        Assert.Equal("second", (string?)body["description"]);
        Assert.Equal(9, body["settings"]!.AsArray().Count);
    }

    /// <summary>A person's token: binding a user-driven policy's device group fails for an application (§5).</summary>
    protected override string Token() => TestTokens.WithScopes(Roles);

    protected override IResource Build(Func<GraphConnection> connection) =>
        new ObjectResource<PreparationSpec, PreparationPolicy>(new AutopilotDevicePreparationPolicyKind(QuickWaits, QuickWaits), connection, Quick);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SeedGroup(DeviceGroup);
    }

    private void SeedGroup(string id, bool security = true, bool dynamic = false, bool owned = true, bool inScope = true)
    {
        var groups = Emulator.Tenant.Collection("groups");
        groups.Seed(new JsonObject
        {
            ["id"] = id,
            ["displayName"] = "Autopilot device preparation devices",
            ["securityEnabled"] = security,
            ["mailEnabled"] = !security,
            ["groupTypes"] = dynamic ? new JsonArray("DynamicMembership") : new JsonArray(),
            ["inCallerScope"] = inScope,
        });
        if (owned)
        {
            var principals = Emulator.Tenant.Collection("servicePrincipals");
            var principal = principals.List().FirstOrDefault(p => (string?)p["appId"] == DeviceGroupBinding.ProvisioningClientAppId)
                ?? principals.Create(new JsonObject { ["appId"] = DeviceGroupBinding.ProvisioningClientAppId, ["displayName"] = "Intune Provisioning Client" });
            groups.Relate(id, "owners", (string)principal["id"]!);
        }
    }

    private async Task<JsonArray> SettingsOf(string id)
    {
        using var client = new HttpClient { BaseAddress = new Uri(Emulator.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/beta/{Path}/{id}/settings");
        request.Headers.Authorization = new("Bearer", TestTokens.WithRoles(ReadRoles));
        var answer = await client.SendAsync(request);
        return JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["value"]!.AsArray();
    }

    private static string? Option(JsonArray settings, string name) => settings
        .Select(s => s!["settingInstance"]!)
        .Where(i => (string?)i["settingDefinitionId"] == PreparationSettingsJson.Prefix + name)
        .Select(i => (string?)i["choiceSettingValue"]?["value"] ?? i["simpleSettingValue"]?["value"]?.ToJsonString())
        .SingleOrDefault();

    private PreparationPolicyClient Client() => new(GraphConnection.Open(
        new ConnectionSettings { AccessToken = TestTokens.WithScopes(WriteRoles), GraphEndpoint = Emulator.BaseUrl }, new GraphTuning { RetryDelay = TimeSpan.Zero }));

    [Fact]
    public async Task Create_sends_the_admin_centers_defaults_binds_the_device_group_and_assigns_the_user_groups()
    {
        var created = await CreateAsync(Resource(), Checked(FullInputs));

        Assert.Equal(["POST", "POST", "POST"], Writes);
        Assert.EndsWith("/setEnrollmentTimeDeviceMembershipTarget", Emulator.Requests[1].Path);
        Assert.EndsWith("/assign", Emulator.Requests[2].Path);
        var settings = await SettingsOf(created.Id);
        Assert.Equal($"{PreparationSettingsJson.Prefix}accountype_1", Option(settings, "accountype"));
        Assert.Equal("90", Option(settings, "timeout"));
        Assert.Equal($"{PreparationSettingsJson.Prefix}allowskip_0", Option(settings, "allowskip"));
        Assert.Equal(Str(DeviceGroup), created.Outputs.At("deviceGroup"));
        Assert.Equal(Ids(Users), created.Outputs.At("userGroups"));
        var read = await ReadAsync(Resource(), created.Id, created.Outputs, Checked(FullInputs));
        Assert.Empty(Diff(read.Outputs, Checked(FullInputs)).Changes.Keys);
        Assert.Equal("standardUser", ((StringValue)read.Outputs.At("userAccountType")!).Value);
        Assert.Equal(new ArrayValue([Obj(("id", Str(App)), ("type", Str("win32LobApp")))]), read.Outputs.At("allowedApps"));
    }

    [Fact]
    public async Task An_update_puts_back_every_setting_the_stack_does_not_declare_as_the_tenant_holds_it()
    {
        var resource = Resource();
        var created = await CreateAsync(resource, Checked(NewInputs.With("allowSkip", Bool(true)).With("timeoutMinutes", Num(120))));
        Emulator.ClearRequests();

        // The next program no longer declares allowSkip or the timeout: they are not the stack's to reset.
        var updated = await UpdateAsync(resource, created.Id, created.Outputs, Checked(NewInputs.With("description", Str("second"))));

        var settings = await SettingsOf(created.Id);
        Assert.Equal($"{PreparationSettingsJson.Prefix}allowskip_1", Option(settings, "allowskip"));
        Assert.Equal("120", Option(settings, "timeout"));
        Assert.Equal(9, settings.Count);
        Assert.Equal(Bool(true), updated.At("allowSkip"));
    }

    [Fact]
    public async Task An_emptied_app_list_is_sent_without_its_setting_and_reads_back_empty()
    {
        var resource = Resource();
        var created = await CreateAsync(resource, Checked(FullInputs));

        var emptied = Checked(FullInputs.With("allowedApps", new ArrayValue([])));
        var updated = await UpdateAsync(resource, created.Id, created.Outputs, emptied);

        Assert.Null(Option(await SettingsOf(created.Id), "allowedappids"));
        Assert.Equal(new ArrayValue([]), updated.At("allowedApps"));
        var read = await ReadAsync(resource, created.Id, updated, emptied);
        Assert.False(Diff(read.Outputs, emptied).HasChanges);
    }

    [Theory]
    [InlineData("dynamic", "dynamic membership", 1)]
    [InlineData("distribution", "not a security group", 1)]
    [InlineData("unowned", "not owned by the Intune Provisioning Client", 3)]
    [InlineData("missing", "found no group", 3)]
    [InlineData("out of scope", "outside the Intune scope of the account signing in", 1)]
    public async Task A_device_group_intune_refuses_fails_with_what_to_fix_and_the_created_policy_is_recorded_without_it(string kind, string fix, int attempts)
    {
        const string Broken = "6f5e4d3c-2b1a-4c9d-8e7f-6a5b4c3d2e1f";
        switch (kind)
        {
            case "dynamic":
                SeedGroup(Broken, dynamic: true);
                break;
            case "distribution":
                SeedGroup(Broken, security: false);
                break;
            case "unowned":
                SeedGroup(Broken, owned: false);
                break;
            case "out of scope":
                SeedGroup(Broken, inScope: false);
                break;
        }

        var inputs = Checked(FullInputs.With("deviceGroup", Str(Broken)));
        var error = await Assert.ThrowsAsync<PartialFailure>(() => CreateAsync(Resource(), inputs));

        Assert.Contains(fix, error.Message);
        Assert.Contains("pulumi up", error.Message);
        // The codes that can be replication lag are sent again after each wait; the others are final at once.
        Assert.Equal(attempts, Emulator.Requests.Count(r => r.Path.EndsWith("/setEnrollmentTimeDeviceMembershipTarget", StringComparison.Ordinal)));
        Assert.Null(error.Outputs.At("deviceGroup"));
        Assert.Equal(1, ObjectsInTenant);
        Assert.Contains(error.Id, ObjectsOfKind.Select(p => (string)p["id"]!));

        // The fix made, the next run finishes the policy it recorded.
        SeedGroup(Broken);
        var finished = await UpdateAsync(Resource(), error.Id, error.Outputs, inputs);
        Assert.Equal(Str(Broken), finished.At("deviceGroup"));
    }

    [Fact]
    public async Task An_application_token_gets_the_bind_refused_with_a_server_error_and_is_told_to_bind_as_a_person()
    {
        var error = await Assert.ThrowsAsync<PartialFailure>(() => CreateAsync(Resource(TestTokens.WithRoles(WriteRoles)), Checked(FullInputs)));

        Assert.Contains("signed in as a person", error.Message);
        // Sent once and again twice (§9: at most two retries of a 500), never forever.
        Assert.Equal(3, Emulator.Requests.Count(r => r.Path.EndsWith("/setEnrollmentTimeDeviceMembershipTarget", StringComparison.Ordinal)));
        Assert.Null(error.Outputs.At("deviceGroup"));
        Assert.Equal(1, ObjectsInTenant);
    }

    [Fact]
    public async Task Refresh_shows_the_device_group_and_user_groups_changed_outside_pulumi_and_up_puts_them_back()
    {
        var resource = Resource();
        var inputs = Checked(FullInputs);
        var created = await CreateAsync(resource, inputs);
        const string Other = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
        SeedGroup(Other);
        Assert.True((await Client().SetDeviceGroupAsync(created.Id, Other, default)).Succeeded);
        await Client().AssignAsync(created.Id, [OtherUsers], default);

        var read = await ReadAsync(resource, created.Id, created.Outputs, inputs);
        var diff = Diff(read.Outputs, inputs, created.Id);
        var updated = await UpdateAsync(resource, created.Id, read.Outputs, inputs);

        Assert.Contains("deviceGroup", diff.Changes.Keys);
        Assert.Contains(diff.Changes.Keys, key => key.StartsWith("userGroups[", StringComparison.Ordinal));
        Assert.DoesNotContain("PUT", Writes);
        Assert.Equal(Str(DeviceGroup), updated.At("deviceGroup"));
        var again = await ReadAsync(resource, created.Id, updated, inputs);
        Assert.False(Diff(again.Outputs, inputs).HasChanges);
    }

    [Fact]
    public async Task Undeclared_device_group_and_user_groups_are_left_as_the_tenant_holds_them()
    {
        var resource = Resource();
        var created = await CreateAsync(resource, Checked(FullInputs));
        Emulator.ClearRequests();

        var updated = await UpdateAsync(resource, created.Id, created.Outputs, Checked(NewInputs.With("description", Str("second"))));

        Assert.Equal(["PUT"], Writes);
        Assert.Equal(Str(DeviceGroup), updated.At("deviceGroup"));
        Assert.Equal(Ids(Users), updated.At("userGroups"));
    }

    [Fact]
    public async Task Up_and_refresh_say_which_allowed_apps_and_scripts_are_not_assigned_to_the_device_group()
    {
        const string Assigned = "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b";
        const string Optional = "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d";
        const string Missing = "3b4c5d6e-7f8a-4b9c-8d0e-2f3a4b5c6d7e";
        Roles = [.. WriteRoles, "DeviceManagementApps.Read.All"];
        foreach (var app in new[] { Assigned, Optional })
        {
            Emulator.Tenant.Collection("deviceAppManagement/mobileApps").Seed(new JsonObject { ["id"] = app });
            Emulator.Tenant.Collection("mobileAppAssignments").Seed(new JsonObject
            {
                ["id"] = $"{app}_a",
                ["appId"] = app,
                ["intent"] = app == Assigned ? "required" : "available",
                ["target"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.groupAssignmentTarget", ["groupId"] = DeviceGroup },
            });
        }

        var inputs = Checked(FullInputs.With("allowedApps", new ArrayValue([
            Obj(("id", Str(Assigned)), ("type", Str("win32LobApp"))), Obj(("id", Str(Optional)), ("type", Str("winGetApp"))), Obj(("id", Str(Missing)), ("type", Str("winGetApp")))])));
        var notes = new List<string>();
        var watched = new Operation(default, note: note => { notes.Add(note); return Task.CompletedTask; });

        var created = await Resource().CreateAsync(new ResourceCreate("urn", inputs, false), watched);
        var onUp = Assert.Single(notes);
        notes.Clear();
        await Resource().ReadAsync(new ResourceRead("urn", created.Id, created.Outputs, inputs), watched);

        Assert.Contains($"app {Optional}", onUp);
        Assert.Contains($"app {Missing} (not found in Intune)", onUp);
        Assert.Contains($"platform script {Script} (not found in Intune)", onUp);
        Assert.DoesNotContain($"app {Assigned}", onUp);
        Assert.Contains("step 5", onUp);
        Assert.Equal(onUp, Assert.Single(notes));
    }

    [Fact]
    public async Task Without_the_permission_to_read_apps_the_note_says_the_check_could_not_be_made_and_the_up_succeeds()
    {
        var notes = new List<string>();

        var created = await Resource().CreateAsync(new ResourceCreate("urn", Checked(FullInputs), false), new Operation(default, note: note => { notes.Add(note); return Task.CompletedTask; }));

        Assert.NotEqual("", created.Id);
        var note = Assert.Single(notes);
        Assert.Contains("could not be read", note);
        Assert.Contains("DeviceManagementApps.Read.All", note);
    }

    [Fact]
    public async Task A_policy_without_apps_or_scripts_reads_no_assignment()
    {
        await CreateAsync(Resource(), Checked(NewInputs.With("deviceGroup", Str(DeviceGroup))));

        Assert.DoesNotContain(Emulator.Requests, r => r.Path.EndsWith("/assignments", StringComparison.Ordinal) && !r.Path.Contains("configurationPolicies", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_policy_of_another_template_is_refused_on_import_and_left_as_it_is()
    {
        Emulator.Tenant.Collection(Path).Seed(new JsonObject
        {
            ["id"] = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
            ["name"] = "Cloud PCs",
            ["templateReference"] = new JsonObject { ["templateId"] = PreparationSettingsJson.AutomaticTemplate },
        });

        var error = await Assert.ThrowsAsync<CleanFailure>(() => ReadAsync(Resource(), "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", ObjectValue.Empty, ObjectValue.Empty));

        Assert.Contains(PreparationSettingsJson.AutomaticTemplate, error.Message);
        Assert.Contains("only user-driven", error.Message);
        Assert.Empty(Writes);
    }

    [Fact]
    public async Task Import_of_a_policy_made_in_the_admin_center_declares_what_it_holds()
    {
        var made = await Client().CreateAsync(new PolicyHeader("Made by hand", "", ["0"]),
            PreparationSettingsJson.ForCreate(new PreparationSettings(UserAccountType: "administrator", AllowDiagnostics: true)), default);

        var read = await ReadAsync(Resource(), made.Id, ObjectValue.Empty, ObjectValue.Empty);

        Assert.Equal(Str("administrator"), read.Inputs.At("userAccountType"));
        Assert.Equal(Bool(true), read.Inputs.At("allowDiagnostics"));
        Assert.Equal(Num(60), read.Inputs.At("timeoutMinutes"));
        var check = Check(read.Inputs);
        Assert.Empty(check.Failures);
        Assert.False(Diff(read.Outputs, check.Inputs).HasChanges);
    }
}
