using System.Text.Json.Nodes;
using EntraDevices.Graph.AutopilotDevices;
using EntraDevices.Graph.CorporateIdentifiers;
using EntraDevices.Provider.Export;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Tests.Export;

/// <summary>The tenant's values (the inputs <c>pulumi import</c> reads) as the program's sections, and what cannot be held.</summary>
public sealed class SectionTests
{
    private const string A = "0b1d3c77-0000-4000-8000-00000000b001";
    private const string B = "0b1d3c77-0000-4000-8000-00000000b002";

    private static ObjectValue Obj(params (string Key, PropertyValue? Value)[] properties) => ObjectValue.Of(properties);

    private static PropertyValue S(string text) => new StringValue(text);

    [Fact]
    public void The_policy_becomes_the_programs_keys_and_what_it_cannot_declare_is_noted()
    {
        var inputs = Obj(
            ("userDeviceQuota", new NumberValue(25)),
            ("multiFactorAuthConfiguration", S("notRequired")),
            ("azureADJoin", Obj(("allowedToJoin", Obj(("scope", S("selected")), ("users", ArrayValue.Of([A])), ("groups", ArrayValue.Of([])))),
                ("localAdmins", Obj(("enableGlobalAdmins", new BoolValue(true)), ("registeringUsers", Obj(("scope", S("all")))))))),
            ("azureADRegistration", Obj(("allowedToRegister", Obj(("scope", S("none")))))),
            ("localAdminPassword", Obj(("isEnabled", new BoolValue(false)))));

        var section = EntraSections.Policy(inputs);

        Assert.Equal("""{"joinScope":"selected","joinUserIds":["0b1d3c77-0000-4000-8000-00000000b001"],"userDeviceQuota":25,"requireMfa":false,"globalAdminsAsLocalAdmins":true,"registeringUsersLocalAdminScope":"all","lapsEnabled":false}""",
            section.Config.ToJsonString());
        Assert.Contains(section.Notes, n => n.Contains("azureADRegistration: \"none\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_the_program_refuses_is_left_out_so_the_tenant_keeps_it()
    {
        var page = IntuneSections.DefaultStatusPage(Obj(("installProgressTimeoutInMinutes", new NumberValue(0)), ("customErrorMessage", S("")), ("showInstallationProgress", new BoolValue(true))));
        var profile = IntuneSections.Profile("p", Obj(("displayName", S("P")), ("locale", S("")), ("assignments", Obj(("groups", ArrayValue.Of([A]))))));

        Assert.Equal("""{"showInstallationProgress":true}""", page.Config.ToJsonString());
        Assert.Equal("", (string?)profile.Section!.Config["locale"]);
    }

    [Fact]
    public void A_profile_for_all_devices_is_refused_and_exclusions_are_kept()
    {
        var (none, refusal) = IntuneSections.Profile("p1", Obj(("displayName", S("Everyone")), ("assignments", Obj(("allDevices", new BoolValue(true))))));
        var (section, _) = IntuneSections.Profile("p2", Obj(("displayName", S("Sales")), ("assignments", Obj(("groups", ArrayValue.Of([A])), ("excludedGroups", ArrayValue.Of([B]))))));

        Assert.Null(none);
        Assert.Contains("'Everyone' (p1) targets all devices, which the program cannot declare", refusal);
        Assert.Equal([A], section!.Config["assignedGroupIds"]!.AsArray().Select(n => (string?)n));
        Assert.Equal([B], section.Config["excludedGroupIds"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(new ImportEntry("entradevices:index:AutopilotDeploymentProfile", "autopilot-deployment-profile", "p2"), section.Import);
    }

    [Fact]
    public void Objects_without_the_groups_the_program_declares_are_refused_with_the_reason()
    {
        var (page, pageRefusal) = IntuneSections.StatusPage("p1", Obj(("displayName", S("Lab ESP")), ("assignments", ArrayValue.Of([]))));
        var (profile, profileRefusal) = IntuneSections.Profile("d1", Obj(("displayName", S("Unassigned")), ("assignments", Obj(("groups", ArrayValue.Of([]))))));
        var (policy, policyRefusal) = IntuneSections.Preparation("x1", Obj(("name", S("Prep")), ("deviceGroup", S(A)), ("userGroups", ArrayValue.Of([]))));
        var (held, _) = IntuneSections.Preparation("x2", Obj(("name", S("Prep")), ("deviceGroup", S(A)), ("userGroups", ArrayValue.Of([B])), ("timeoutMinutes", new NumberValue(5))));

        Assert.Equal((null, null, null), (page, profile, policy));
        Assert.Contains("'Lab ESP' (p1) is assigned to no group", pageRefusal);
        Assert.Contains("'Unassigned' (d1) targets no group", profileRefusal);
        Assert.Contains("'Prep' (x1) has no user group", policyRefusal);
        Assert.Equal($$"""{"create":true,"name":"Prep","deviceGroupId":"{{A}}","userGroupIds":["{{B}}"]}""", held!.Config.ToJsonString());
    }

    [Fact]
    public void Devices_of_one_group_tag_are_imported_by_it_and_mixed_ones_all_with_the_columns_they_need_named()
    {
        AutopilotDevice Device(string serial, string? tag, string? user = null) => new($"id-{serial}", serial, tag, user, null, null);

        var shared = DevicesSection.Of([Device("SN-1", "Sales"), Device("SN-2", "Sales", "a@contoso.example")], "prod")!;
        var mixed = DevicesSection.Of([Device("SN-1", "Sales"), Device("SN-2", "Lab"), Device("SN-3", null)], "prod")!;

        Assert.Equal("groupTag:Sales", shared.Import!.Id);
        Assert.Equal("""{"csv":"devices/prod","groupTag":"Sales","whenRemoved":"keep"}""", shared.Config.ToJsonString());
        Assert.Contains(shared.Notes, n => n.StartsWith("1 device(s) have an assigned user: their rows need an Assigned User column", StringComparison.Ordinal));
        Assert.Equal("all", mixed.Import!.Id);
        Assert.Null(mixed.Config["groupTag"]);
        Assert.Contains(mixed.Notes, n => n.StartsWith("The devices carry 2 different group tags (some none): each row of the OEM's files needs a Group Tag column", StringComparison.Ordinal));
        Assert.Null(DevicesSection.Of([], "prod"));
        Assert.Equal("Device Serial Number,Group Tag,Assigned User\nSN-1,\"Sales, EMEA\",\nSN-2,,a@contoso.example\n",
            DevicesSection.List([Device("SN-2", null, "a@contoso.example"), Device("SN-1", "Sales, EMEA"), Device("sn-1", "Dup")]));
    }

    [Fact]
    public void Corporate_identifiers_are_written_whole_once_each_with_the_path_the_section_reads()
    {
        CorporateIdentifier Identifier(string text) => new($"id-{text}", text);

        var section = IdentifiersSection.Of([Identifier("Lenovo,T14,SN2"), Identifier("Dell Inc,Latitude,SN1"), Identifier("dell inc,latitude,sn1")], "contoso/prod")!;

        Assert.Equal("""{"csv":"devices/prod-corporate-identifiers.csv","whenRemoved":"keep"}""", section.Config.ToJsonString());
        Assert.Equal(new ImportEntry("entradevices:index:CorporateDeviceIdentifiers", "corporate-device-identifiers", "all"), section.Import);
        Assert.StartsWith("2 Windows corporate identifier(s), written whole to corporate-identifiers.csv: copy it to devices/prod-corporate-identifiers.csv", section.Notes[0]);
        Assert.Equal("Dell Inc,Latitude,SN1\nLenovo,T14,SN2\n", IdentifiersSection.Csv([Identifier("Lenovo,T14,SN2"), Identifier("Dell Inc,Latitude,SN1"), Identifier("dell inc,latitude,sn1")]));
        Assert.Null(IdentifiersSection.Of([], "prod"));
    }

    [Fact]
    public void The_stack_file_reads_back_as_written_strings_stay_strings_and_secret_keys_are_never_copied()
    {
        var sections = new[]
        {
            new ExportedSection("enrollmentStatusPage", new JsonObject { ["create"] = true, ["displayName"] = "true", ["customErrorMessage"] = "Call: 555 # desk", ["assignedGroupIds"] = new JsonArray(A) },
                null, ["a note\nover two lines"]),
        };
        var text = StackFile.Write("my-devices", sections, [new UnreadSection("deploymentProfile", "403: needs DeviceManagementServiceConfig.Read.All")],
            new Dictionary<string, string> { ["tenantId"] = "t-1", ["clientSecret"] = "plain-secret", ["accessToken"] = "tok" }, "header");

        var config = new YamlDotNet.Serialization.Deserializer().Deserialize<Dictionary<string, Dictionary<string, object>>>(text)["config"];
        var page = (Dictionary<object, object>)config["my-devices:enrollmentStatusPage"];
        Assert.Equal("true", page["displayName"]);
        Assert.Equal("Call: 555 # desk", page["customErrorMessage"]);
        Assert.Equal(new Dictionary<object, object> { ["create"] = "false" }, config["my-devices:autopilotGroup"]);
        Assert.Equal("t-1", config["entradevices:tenantId"]);
        Assert.DoesNotContain("plain-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("entradevices:accessToken", text, StringComparison.Ordinal);
        Assert.Contains("# a note over two lines", text, StringComparison.Ordinal);
        Assert.Contains("# deploymentProfile: not read, so not declared", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_import_file_names_each_declared_resource_by_type_name_and_id_as_pulumi_import_file_reads_it()
    {
        var sections = new[]
        {
            new ExportedSection("a", [], new ImportEntry("entradevices:index:EnrollmentStatusPage", "enrollment-status-page", "p_1"), []),
            new ExportedSection("b", [], null, []),
        };

        var file = JsonNode.Parse(ExportCommand.ImportJson(sections))!;

        Assert.Equal("""{"resources":[{"type":"entradevices:index:EnrollmentStatusPage","name":"enrollment-status-page","id":"p_1"}]}""", file.ToJsonString());
    }
}
