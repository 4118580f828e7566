using EntraDevices.GraphEmulator;

namespace EntraDevices.Graph.Tests.Emulator;

public class DeviceRegistrationPolicyGetTests : EmulatorTest
{
    [Fact]
    public async Task Get_returns_the_docs_example_with_odata_context()
    {
        var response = await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        AssertJsonEqual(DocExamples.GetResponse(), await JsonAsync(response));
    }

    [Fact]
    public async Task Beta_get_returns_the_same_policy_with_a_beta_context()
    {
        var response = await SendAsync(HttpMethod.Get, "/beta/policies/deviceRegistrationPolicy", ReadDevices);

        var expected = DocExamples.GetResponse();
        expected["@odata.context"] = "https://graph.microsoft.com/beta/$metadata#deviceRegistrationPolicy";
        AssertJsonEqual(expected, await JsonAsync(response));
    }

    [Fact]
    public async Task Get_returns_what_a_test_seeded()
    {
        var seeded = DocExamples.AfterPut();
        seeded["userDeviceQuota"] = 50;
        Emulator.Tenant.SetDeviceRegistrationPolicy(seeded);

        var body = await JsonAsync(await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices));

        body.Remove("@odata.context");
        AssertJsonEqual(seeded, body);
    }

    [Fact]
    public async Task Tenant_state_reads_are_copies()
    {
        Emulator.Tenant.DeviceRegistrationPolicy["userDeviceQuota"] = 99;

        var body = await JsonAsync(await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices));

        Assert.Equal(2, body["userDeviceQuota"]!.GetValue<int>());
    }
}

public class IntuneTenantGetTests : EmulatorTest
{
    protected override EmulatorOptions Options => new() { IntuneEnabled = true };

    [Fact]
    public async Task Intune_tenant_starts_with_registration_locked_to_all()
    {
        var body = await JsonAsync(await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices));

        var expected = DocExamples.GetResponse();
        expected["azureADRegistration"] = System.Text.Json.Nodes.JsonNode.Parse(
            """{ "isAdminConfigurable": false, "allowedToRegister": { "@odata.type": "#microsoft.graph.allDeviceRegistrationMembership" } }""");
        AssertJsonEqual(expected, body);
        Assert.True(Emulator.Tenant.IntuneEnabled);
    }
}
