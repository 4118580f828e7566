using System.Text.Json.Nodes;

namespace EntraDevices.Graph.Tests.Emulator;

public class DeviceRegistrationPolicyPutTests : EmulatorTest
{
    [Fact]
    public async Task Put_of_the_docs_example_replaces_the_policy_and_returns_it()
    {
        var response = await PutPolicyAsync(DocExamples.PutRequest());

        Assert.Equal(200, (int)response.StatusCode);
        var expected = DocExamples.AfterPut();
        AssertJsonEqual(expected, Emulator.Tenant.DeviceRegistrationPolicy);
        expected.Insert(0, "@odata.context", "https://graph.microsoft.com/v1.0/$metadata#deviceRegistrationPolicy");
        AssertJsonEqual(expected, await JsonAsync(response));
    }

    [Fact]
    public async Task Put_on_beta_behaves_like_v1()
    {
        var response = await PutPolicyAsync(DocExamples.PutRequest(), path: "/beta/policies/deviceRegistrationPolicy");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("https://graph.microsoft.com/beta/$metadata#deviceRegistrationPolicy", (await JsonAsync(response))["@odata.context"]!.GetValue<string>());
        AssertJsonEqual(DocExamples.AfterPut(), Emulator.Tenant.DeviceRegistrationPolicy);
    }

    [Fact]
    public async Task Put_replaces_enumerated_lists_rather_than_merging_them()
    {
        var body = DocExamples.PutRequest();
        body["azureADJoin"]!["localAdmins"]!["registeringUsers"] = JsonNode.Parse(
            """{ "@odata.type": "#microsoft.graph.enumeratedDeviceRegistrationMembership", "users": [], "groups": ["g1"] }""");

        await PutPolicyAsync(body);

        var stored = Emulator.Tenant.DeviceRegistrationPolicy["azureADJoin"]!["localAdmins"]!["registeringUsers"]!;
        Assert.Empty(stored["users"]!.AsArray());
        Assert.Equal("g1", stored["groups"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_without_quota_is_rejected_and_changes_nothing()
    {
        var body = DocExamples.PutRequest();
        body.Remove("userDeviceQuota");

        var response = await PutPolicyAsync(body);

        var message = await AssertGraphErrorAsync(response, 400, "invalid_request");
        Assert.Equal("Tenant registration policy is missing a value for quota", message);
        AssertJsonEqual(DocExamples.GetResponse().Without("@odata.context"), Emulator.Tenant.DeviceRegistrationPolicy);
    }

    [Theory]
    [InlineData("multiFactorAuthConfiguration")]
    [InlineData("azureADRegistration")]
    [InlineData("azureADRegistration.allowedToRegister")]
    [InlineData("azureADJoin")]
    [InlineData("azureADJoin.allowedToJoin")]
    [InlineData("azureADJoin.localAdmins")]
    [InlineData("azureADJoin.localAdmins.enableGlobalAdmins")]
    [InlineData("azureADJoin.localAdmins.registeringUsers")]
    [InlineData("localAdminPassword")]
    [InlineData("localAdminPassword.isEnabled")]
    public async Task Put_without_a_required_part_is_rejected_naming_it(string path)
    {
        var body = DocExamples.PutRequest();
        Parent(body, path).Remove(path.Split('.')[^1]);

        var response = await PutPolicyAsync(body);

        var message = await AssertGraphErrorAsync(response, 400, "invalid_request");
        Assert.Contains(path, message);
        AssertJsonEqual(DocExamples.GetResponse().Without("@odata.context"), Emulator.Tenant.DeviceRegistrationPolicy);
    }

    [Theory]
    [InlineData("userDeviceQuota", "\"2\"")]
    [InlineData("userDeviceQuota", "2.5")]
    [InlineData("userDeviceQuota", "-1")]
    [InlineData("multiFactorAuthConfiguration", "\"sometimes\"")]
    [InlineData("multiFactorAuthConfiguration", "1")]
    [InlineData("azureADRegistration", "true")]
    [InlineData("azureADJoin.allowedToJoin", "\"all\"")]
    [InlineData("azureADJoin.allowedToJoin", "{ \"@odata.type\": \"#microsoft.graph.someDeviceRegistrationMembership\" }")]
    [InlineData("azureADRegistration.allowedToRegister.users", "\"3c8ef067-8b96-44de-b2ae-557dfa0f97a0\"")]
    [InlineData("azureADRegistration.allowedToRegister.groups", "[1, 2]")]
    [InlineData("azureADJoin.localAdmins.enableGlobalAdmins", "\"yes\"")]
    [InlineData("localAdminPassword.isEnabled", "1")]
    public async Task Put_with_an_invalid_value_is_rejected_naming_the_property(string path, string json)
    {
        var body = DocExamples.PutRequest();
        Parent(body, path)[path.Split('.')[^1]] = JsonNode.Parse(json);

        var response = await PutPolicyAsync(body);

        var message = await AssertGraphErrorAsync(response, 400, "invalid_request");
        Assert.Contains(path, message);
        AssertJsonEqual(DocExamples.GetResponse().Without("@odata.context"), Emulator.Tenant.DeviceRegistrationPolicy);
    }

    [Theory]
    [InlineData("appliesTo")]
    [InlineData("azureADJoin.allowedUsers")]
    public async Task Put_with_an_unknown_property_is_rejected_naming_it(string path)
    {
        var body = DocExamples.PutRequest();
        Parent(body, path)[path.Split('.')[^1]] = "1";

        var response = await PutPolicyAsync(body);

        Assert.Contains(path, await AssertGraphErrorAsync(response, 400, "invalid_request"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1]")]
    public async Task Put_of_something_other_than_a_json_object_is_rejected(string text)
    {
        var response = await SendAsync(HttpMethod.Put, DeviceRegistrationPath, ReadWriteDevices, text);

        await AssertGraphErrorAsync(response, 400, "invalid_request");
    }

    [Fact]
    public async Task Put_ignores_read_only_fields()
    {
        var body = DocExamples.PutRequest();
        body["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#somethingElse";
        body["id"] = "other";
        body["displayName"] = "Other";
        body["description"] = "Other";
        body["azureADRegistration"]!["isAdminConfigurable"] = true;
        body["azureADJoin"]!["isAdminConfigurable"] = false;

        var response = await PutPolicyAsync(body);

        Assert.Equal(200, (int)response.StatusCode);
        AssertJsonEqual(DocExamples.AfterPut(), Emulator.Tenant.DeviceRegistrationPolicy);
    }

    [Fact]
    public async Task Put_accepts_the_odata_type_annotations_the_graph_sdk_writes()
    {
        var body = DocExamples.PutRequest();
        body["@odata.type"] = "#microsoft.graph.deviceRegistrationPolicy";
        body["azureADJoin"]!["@odata.type"] = "#microsoft.graph.azureADJoinPolicy";
        body["azureADJoin"]!["localAdmins"]!["@odata.type"] = "#microsoft.graph.localAdminSettings";
        body["localAdminPassword"]!["@odata.type"] = "#microsoft.graph.localAdminPasswordSettings";

        var response = await PutPolicyAsync(body);

        Assert.Equal(200, (int)response.StatusCode);
        AssertJsonEqual(DocExamples.AfterPut(), Emulator.Tenant.DeviceRegistrationPolicy);
    }

    [Fact]
    public async Task Put_treats_absent_enumerated_lists_as_empty()
    {
        var body = DocExamples.PutRequest();
        body["azureADJoin"]!["allowedToJoin"] = JsonNode.Parse(
            """{ "@odata.type": "#microsoft.graph.enumeratedDeviceRegistrationMembership", "users": ["u1"] }""");

        await PutPolicyAsync(body);

        AssertJsonEqual(
            JsonNode.Parse("""{ "@odata.type": "#microsoft.graph.enumeratedDeviceRegistrationMembership", "users": ["u1"], "groups": [] }"""),
            Emulator.Tenant.DeviceRegistrationPolicy["azureADJoin"]!["allowedToJoin"]);
    }

    [Fact]
    public async Task Turning_intune_on_locks_registration_to_all()
    {
        Emulator.Tenant.IntuneEnabled = true;

        var body = await JsonAsync(await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices));

        AssertJsonEqual(LockedRegistration, body["azureADRegistration"]);
    }

    [Fact]
    public async Task Put_in_an_intune_tenant_succeeds_but_leaves_registration_locked()
    {
        Emulator.Tenant.IntuneEnabled = true;
        var body = DocExamples.PutRequest();
        body["azureADRegistration"] = JsonNode.Parse(
            """{ "isAdminConfigurable": true, "allowedToRegister": { "@odata.type": "#microsoft.graph.noDeviceRegistrationMembership" } }""");

        var response = await PutPolicyAsync(body);

        Assert.Equal(200, (int)response.StatusCode);
        AssertJsonEqual(LockedRegistration, (await JsonAsync(response))["azureADRegistration"]);
        AssertJsonEqual(LockedRegistration, Emulator.Tenant.DeviceRegistrationPolicy["azureADRegistration"]);
        Assert.True(Emulator.Tenant.DeviceRegistrationPolicy["localAdminPassword"]!["isEnabled"]!.GetValue<bool>());
    }

    private static JsonNode LockedRegistration => JsonNode.Parse(
        """{ "isAdminConfigurable": false, "allowedToRegister": { "@odata.type": "#microsoft.graph.allDeviceRegistrationMembership" } }""")!;

    private static JsonObject Parent(JsonObject body, string path)
    {
        var parent = body;
        foreach (var segment in path.Split('.')[..^1])
        {
            parent = parent[segment]!.AsObject();
        }

        return parent;
    }
}
