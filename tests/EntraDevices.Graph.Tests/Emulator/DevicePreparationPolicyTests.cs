using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;

namespace EntraDevices.Graph.Tests.Emulator;

/// <summary>
/// Device preparation policies as graph-device-preparation.md §2 describes them (settings-catalog configuration
/// policies, beta), and the choices the emulator pins where the facts leave them open (issue #26).
/// </summary>
public class DevicePreparationPolicyTests : EmulatorTest
{
    private const string Policies = "/beta/deviceManagement/configurationPolicies";
    private const string UserDriven = "80d33118-b7b4-40d8-b15f-81be745e053f_1";
    private const string Automatic = "a6157a7f-aa00-42d9-ac82-7d2479f545db_1";
    private static readonly string Manage = TestTokens.WithRoles("DeviceManagementConfiguration.ReadWrite.All");
    private static readonly string ReadOnly = TestTokens.WithRoles("DeviceManagementConfiguration.Read.All");

    /// <summary>A person's token: the target actions of a user-driven policy work only with one (§5).</summary>
    private static readonly string Person = TestTokens.WithScopes("DeviceManagementConfiguration.ReadWrite.All");

    private static JsonObject Choice(string name, int option) => Setting(name, "ChoiceSettingInstance", new JsonObject
    {
        ["choiceSettingValue"] = new JsonObject { ["value"] = $"enrollment_autopilot_dpp_{name}_{option}", ["children"] = new JsonArray() },
    });

    private static JsonObject Simple(string name, JsonNode value) => Setting(name, "SimpleSettingInstance", new JsonObject
    {
        ["simpleSettingValue"] = new JsonObject { ["value"] = value },
    });

    private static JsonObject Collection(string name, int count) => Setting(name, "SimpleSettingCollectionInstance", new JsonObject
    {
        ["simpleSettingCollectionValue"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["value"] = Guid.NewGuid().ToString() })]),
    });

    private static JsonObject Setting(string name, string kind, JsonObject value)
    {
        var instance = new JsonObject
        {
            ["@odata.type"] = $"#microsoft.graph.deviceManagementConfiguration{kind}",
            ["settingDefinitionId"] = $"enrollment_autopilot_dpp_{name}",
            ["settingInstanceTemplateReference"] = new JsonObject { ["settingInstanceTemplateId"] = $"template-of-{name}" },
        };
        foreach (var (key, node) in value)
        {
            instance[key] = node?.DeepClone();
        }

        return new JsonObject { ["@odata.type"] = "#microsoft.graph.deviceManagementConfigurationSetting", ["settingInstance"] = instance };
    }

    /// <summary>A user-driven policy as the admin center sends it: the nine settings, and two apps and one script.</summary>
    private static JsonObject Policy(string name = "Device preparation", string template = UserDriven, params JsonObject[] replacing)
    {
        JsonObject[] settings =
        [
            Choice("deploymentmode", 0), Choice("deploymenttype", 0), Choice("jointype", 0), Choice("accountype", 1),
            Simple("timeout", 60), Simple("customerrormessage", "Contact your organization's support person for help."),
            Choice("allowskip", 0), Choice("allowdiagnostics", 1), Simple("devicesecuritygroupids", ""),
            Collection("allowedappids", 2), Collection("allowedscriptids", 1),
        ];
        var byId = settings.ToDictionary(s => (string)s["settingInstance"]!["settingDefinitionId"]!);
        foreach (var replaced in replacing)
        {
            byId[(string)replaced["settingInstance"]!["settingDefinitionId"]!] = replaced;
        }

        return new JsonObject
        {
            ["name"] = name,
            ["platforms"] = "windows10",
            ["technologies"] = "enrollment",
            ["templateReference"] = new JsonObject { ["templateId"] = template },
            ["settings"] = new JsonArray([.. byId.Values.Select(s => (JsonNode)s.DeepClone())]),
        };
    }

    private async Task<JsonObject> CreateAsync(JsonObject policy)
    {
        var response = await SendAsync(HttpMethod.Post, Policies, Manage, policy.ToJsonString());
        Assert.Equal(201, (int)response.StatusCode);
        return await JsonAsync(response);
    }

    [Fact]
    public async Task A_created_policy_answers_201_bare_and_its_settings_come_only_expanded_or_from_settings_kept_as_sent()
    {
        var created = await CreateAsync(Policy());
        var id = (string)created["id"]!;

        Assert.Equal(11, (int)created["settingCount"]!);
        Assert.Equal("Device Preparation", (string?)created["templateReference"]!["templateDisplayName"]);
        Assert.Equal("enrollmentConfiguration", (string?)created["templateReference"]!["templateFamily"]);
        Assert.Equal(["0"], created["roleScopeTagIds"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("", (string?)created["description"]);
        Assert.NotNull(created["priorityMetaData"]!["priority"]);
        Assert.False(created.ContainsKey("settings"));
        Assert.False((await JsonAsync(await SendAsync(HttpMethod.Get, $"{Policies}/{id}", Manage))).ContainsKey("settings"));

        var expanded = await JsonAsync(await SendAsync(HttpMethod.Get, $"{Policies}/{id}?$expand=settings", ReadOnly));
        var listed = await JsonAsync(await SendAsync(HttpMethod.Get, $"{Policies}/{id}/settings", ReadOnly));

        Assert.Equal(11, expanded["settings"]!.AsArray().Count);
        Assert.Equal(11, listed["value"]!.AsArray().Count);
        // A choice the facts leave open (§2.5, unknown 7): the template references come back as sent.
        Assert.Equal("template-of-timeout", (string?)listed["value"]!.AsArray().Single(s => (string?)s!["settingInstance"]!["settingDefinitionId"] == "enrollment_autopilot_dpp_timeout")!["settingInstance"]!["settingInstanceTemplateReference"]!["settingInstanceTemplateId"]);
    }

    [Fact]
    public async Task A_put_replaces_the_whole_policy_and_answers_204_a_choice_the_facts_leave_open()
    {
        var id = (string)(await CreateAsync(Policy()))["id"]!;
        var replaced = Policy("Renamed", replacing: Simple("timeout", 120));
        replaced["description"] = "kept";
        ((JsonArray)replaced["settings"]!).RemoveAt(10);

        var response = await SendAsync(HttpMethod.Put, $"{Policies}/{id}", Manage, replaced.ToJsonString());
        var read = await JsonAsync(await SendAsync(HttpMethod.Get, $"{Policies}/{id}?$expand=settings", Manage));

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Equal(("Renamed", "kept", 10), ((string?)read["name"], (string?)read["description"], read["settings"]!.AsArray().Count));
        Assert.Contains(read["settings"]!.AsArray(), s => (int?)s!["settingInstance"]!["simpleSettingValue"]?["value"] == 120);

        var again = Policy("Renamed");
        var cleared = await SendAsync(HttpMethod.Put, $"{Policies}/{id}", Manage, again.ToJsonString());
        Assert.Equal(204, (int)cleared.StatusCode);
        Assert.Equal("", (string?)(await JsonAsync(await SendAsync(HttpMethod.Get, $"{Policies}/{id}", Manage)))["description"]);
    }

    [Fact]
    public async Task A_template_change_read_only_fields_and_a_patch_with_settings_are_refused()
    {
        var id = (string)(await CreateAsync(Policy()))["id"]!;
        var withPriority = Policy();
        withPriority["priorityMetaData"] = new JsonObject { ["priority"] = 1 };
        var patch = new JsonObject { ["settings"] = new JsonArray() };

        await AssertGraphErrorAsync(await SendAsync(HttpMethod.Put, $"{Policies}/{id}", Manage, Policy(template: Automatic, replacing: []).ToJsonString()), 400, "Request_BadRequest");
        await AssertGraphErrorAsync(await SendAsync(HttpMethod.Put, $"{Policies}/{id}", Manage, withPriority.ToJsonString()), 400, "Request_BadRequest");
        await AssertGraphErrorAsync(await SendAsync(HttpMethod.Post, Policies, Manage, withPriority.ToJsonString()), 400, "Request_BadRequest");
        await AssertGraphErrorAsync(await SendAsync(HttpMethod.Patch, $"{Policies}/{id}", Manage, patch.ToJsonString()), 400, "Request_BadRequest");

        var renamed = await SendAsync(HttpMethod.Patch, $"{Policies}/{id}", Manage, new JsonObject { ["name"] = "Patched" }.ToJsonString());
        Assert.Equal(200, (int)renamed.StatusCode);
        Assert.Equal("Patched", (string?)(await JsonAsync(renamed))["name"]);
    }

    [Theory]
    [InlineData("deploymentmode option 1")]
    [InlineData("timeout 14")]
    [InlineData("timeout 721")]
    [InlineData("eleven apps")]
    [InlineData("message of 1001")]
    [InlineData("unknown setting")]
    [InlineData("unknown template")]
    public async Task A_setting_outside_the_templates_limits_is_refused_with_400(string what)
    {
        var policy = what switch
        {
            // A choice the facts leave open (§10, 3): only option 0 of mode, type and join exists here.
            "deploymentmode option 1" => Policy(replacing: Choice("deploymentmode", 1)),
            "timeout 14" => Policy(replacing: Simple("timeout", 14)),
            "timeout 721" => Policy(replacing: Simple("timeout", 721)),
            "eleven apps" => Policy(replacing: Collection("allowedappids", 11)),
            "message of 1001" => Policy(replacing: Simple("customerrormessage", new string('x', 1001))),
            "unknown setting" => Policy(replacing: Simple("devicegroup", "x")),
            _ => Policy(template: "70d256b3-6120-4f88-9e00-0972ec64fc83_1"),
        };

        await AssertGraphErrorAsync(await SendAsync(HttpMethod.Post, Policies, Manage, policy.ToJsonString()), 400, "Request_BadRequest");
        Assert.Empty(Emulator.Tenant.Collection("deviceManagement/configurationPolicies").List());
    }

    [Fact]
    public async Task Policies_are_found_by_template_or_by_name_and_another_filter_is_refused()
    {
        await CreateAsync(Policy("One"));
        await CreateAsync(Policy("Two"));

        var byTemplate = await JsonAsync(await SendAsync(HttpMethod.Get, $"{Policies}?$filter=templateReference/templateId eq '{UserDriven}'", ReadOnly));
        var byName = await JsonAsync(await SendAsync(HttpMethod.Get, $"{Policies}?$filter=name eq 'Two'", ReadOnly));

        Assert.Equal(2, byTemplate["value"]!.AsArray().Count);
        Assert.Equal("Two", (string?)byName["value"]!.AsArray().Single()!["name"]);
        await AssertGraphErrorAsync(await SendAsync(HttpMethod.Get, $"{Policies}?$filter=startswith(name,'T')", ReadOnly), 400, "Request_BadRequest");
    }

    [Fact]
    public async Task Writes_need_read_write_beta_only_an_intune_licence_and_a_delete_answers_204_then_404()
    {
        await AssertGraphErrorAsync(await SendAsync(HttpMethod.Post, Policies, ReadOnly, Policy().ToJsonString()), 403, "Authorization_RequestDenied");
        Assert.Equal(404, (int)(await SendAsync(HttpMethod.Get, "/v1.0/deviceManagement/configurationPolicies", Manage)).StatusCode);
        var id = (string)(await CreateAsync(Policy()))["id"]!;

        Assert.Equal(204, (int)(await SendAsync(HttpMethod.Delete, $"{Policies}/{id}", Manage)).StatusCode);
        Assert.Equal(404, (int)(await SendAsync(HttpMethod.Delete, $"{Policies}/{id}", Manage)).StatusCode);
        Emulator.Tenant.IntuneLicensed = false;
        Assert.Equal(400, (int)(await SendAsync(HttpMethod.Get, Policies, Manage)).StatusCode);
    }

    private const string ProvisioningClient = "f1346770-5b25-470b-88bd-d5744ab7952c";

    /// <summary>A group as pulumi-azuread leaves it, owned (or not) by the Intune Provisioning Client.</summary>
    private string Group(string id, bool security = true, bool dynamic = false, bool owned = true, bool inScope = true)
    {
        Emulator.Tenant.Collection("groups").Seed(new JsonObject
        {
            ["id"] = id,
            ["displayName"] = id,
            ["securityEnabled"] = security,
            ["mailEnabled"] = false,
            ["groupTypes"] = dynamic ? new JsonArray("DynamicMembership") : new JsonArray(),
            ["inCallerScope"] = inScope,
        });
        if (owned)
        {
            var principals = Emulator.Tenant.Collection("servicePrincipals");
            var principal = principals.List().FirstOrDefault(p => (string?)p["appId"] == ProvisioningClient)
                ?? principals.Create(new JsonObject { ["appId"] = ProvisioningClient, ["displayName"] = "Intune Provisioning Client" });
            Emulator.Tenant.Collection("groups").Relate(id, "owners", (string)principal["id"]!);
        }

        return id;
    }

    private async Task<JsonObject> TargetAsync(string policyId, string action, string? groupId = null)
    {
        var body = groupId is null ? null : new JsonObject
        {
            ["enrollmentTimeDeviceMembershipTargets"] = new JsonArray(new JsonObject { ["targetType"] = "staticSecurityGroup", ["targetId"] = groupId }),
        }.ToJsonString();
        var response = await SendAsync(HttpMethod.Post, $"{Policies}/{policyId}/{action}EnrollmentTimeDeviceMembershipTarget", Person, body);
        Assert.Equal(200, (int)response.StatusCode);
        return await JsonAsync(response);
    }

    [Fact]
    public async Task Setting_the_device_group_of_a_user_driven_policy_with_an_application_token_answers_500_and_binds_nothing()
    {
        // A choice the facts leave open (§5, unknown 1): dt reported this in March 2026; the emulator keeps it.
        var id = (string)(await CreateAsync(Policy()))["id"]!;
        var body = new JsonObject
        {
            ["enrollmentTimeDeviceMembershipTargets"] = new JsonArray(new JsonObject { ["targetType"] = "staticSecurityGroup", ["targetId"] = Group("g-devices") }),
        }.ToJsonString();

        var response = await SendAsync(HttpMethod.Post, $"{Policies}/{id}/setEnrollmentTimeDeviceMembershipTarget", Manage, body);

        Assert.Equal(500, (int)response.StatusCode);
        Assert.Empty((await TargetAsync(id, "retrieve"))["enrollmentTimeDeviceMembershipTargetValidationStatuses"]!.AsArray());
    }

    [Theory]
    [InlineData("missing", "securityGroupNotFound")]
    [InlineData("distribution", "notSecurityGroup")]
    [InlineData("dynamic", "notStaticSecurityGroup")]
    [InlineData("unowned", "firstPartyAppNotAnOwner")]
    [InlineData("outOfScope", "securityGroupNotInCallerScope")]
    public async Task Setting_a_device_group_that_fails_validation_answers_200_with_its_code_and_binds_nothing(string kind, string code)
    {
        var id = (string)(await CreateAsync(Policy()))["id"]!;
        var group = kind switch
        {
            "missing" => "no-such-group",
            "distribution" => Group("g-distribution", security: false),
            "dynamic" => Group("g-dynamic", dynamic: true),
            "outOfScope" => Group("g-elsewhere", inScope: false),
            _ => Group("g-unowned", owned: false),
        };

        var result = await TargetAsync(id, "set", group);

        Assert.False((bool)result["validationSucceeded"]!);
        var status = Assert.Single(result["enrollmentTimeDeviceMembershipTargetValidationStatuses"]!.AsArray())!;
        Assert.Equal((group, code), ((string?)status["targetId"], (string?)status["targetValidationErrorCode"]));
        Assert.Empty((await TargetAsync(id, "retrieve"))["enrollmentTimeDeviceMembershipTargetValidationStatuses"]!.AsArray());
    }

    [Fact]
    public async Task A_valid_device_group_is_bound_read_back_bare_replaced_by_the_next_and_cleared()
    {
        var id = (string)(await CreateAsync(Policy()))["id"]!;

        Assert.True((bool)(await TargetAsync(id, "set", Group("g-devices")))["validationSucceeded"]!);
        // A choice the facts leave open (§3.4, unknown 2): the result comes bare, not inside 'value'.
        var read = await TargetAsync(id, "retrieve");
        Assert.Equal("g-devices", (string?)Assert.Single(read["enrollmentTimeDeviceMembershipTargetValidationStatuses"]!.AsArray())!["targetId"]);

        await TargetAsync(id, "set", Group("g-other"));
        await TargetAsync(id, "set", Group("g-broken", dynamic: true));
        Assert.Equal("g-other", (string?)Assert.Single((await TargetAsync(id, "retrieve"))["enrollmentTimeDeviceMembershipTargetValidationStatuses"]!.AsArray())!["targetId"]);

        Assert.True((bool)(await TargetAsync(id, "clear"))["value"]!);
        Assert.Empty((await TargetAsync(id, "retrieve"))["enrollmentTimeDeviceMembershipTargetValidationStatuses"]!.AsArray());
    }

    [Fact]
    public async Task Assign_replaces_the_whole_list_of_user_groups_and_an_empty_list_removes_them_all()
    {
        var id = (string)(await CreateAsync(Policy()))["id"]!;
        static string Assignments(params string[] groups) => new JsonObject
        {
            ["assignments"] = new JsonArray([.. groups.Select(g => (JsonNode)new JsonObject
            {
                ["target"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.groupAssignmentTarget", ["groupId"] = g },
            })]),
        }.ToJsonString();

        Assert.Equal(200, (int)(await SendAsync(HttpMethod.Post, $"{Policies}/{id}/assign", Manage, Assignments("users-1", "users-2"))).StatusCode);
        Assert.Equal(200, (int)(await SendAsync(HttpMethod.Post, $"{Policies}/{id}/assign", Manage, Assignments("users-3"))).StatusCode);
        var listed = await JsonAsync(await SendAsync(HttpMethod.Get, $"{Policies}/{id}/assignments", ReadOnly));

        Assert.Equal(["users-3"], listed["value"]!.AsArray().Select(a => (string?)a!["target"]!["groupId"]));
        Assert.True((bool)(await JsonAsync(await SendAsync(HttpMethod.Get, $"{Policies}/{id}", Manage)))["isAssigned"]!);

        await SendAsync(HttpMethod.Post, $"{Policies}/{id}/assign", Manage, Assignments());
        Assert.Empty((await JsonAsync(await SendAsync(HttpMethod.Get, $"{Policies}/{id}/assignments", ReadOnly)))["value"]!.AsArray());
        Assert.False((bool)(await JsonAsync(await SendAsync(HttpMethod.Get, $"{Policies}/{id}", Manage)))["isAssigned"]!);
    }
}
