using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;

namespace EntraDevices.Graph.Tests.Emulator;

/// <summary>
/// Corporate device identifiers as graph-device-preparation.md §6 describes them, and the choices the emulator pins
/// where the facts leave them open (issue #26).
/// </summary>
public class CorporateIdentifiersTests : EmulatorTest
{
    private const string Identities = "/beta/deviceManagement/importedDeviceIdentities";
    private static readonly string Manage = TestTokens.WithRoles("DeviceManagementServiceConfig.ReadWrite.All");
    private static readonly string ReadOnly = TestTokens.WithRoles("DeviceManagementServiceConfig.Read.All");

    private static string Body(bool overwrite, params string[] identifiers) => new JsonObject
    {
        ["importedDeviceIdentities"] = new JsonArray([.. identifiers.Select(i => (JsonNode)new JsonObject
        {
            ["importedDeviceIdentifier"] = i, ["importedDeviceIdentityType"] = "manufacturerModelSerial",
        })]),
        ["overwriteImportedDeviceIdentities"] = overwrite,
    }.ToJsonString();

    private async Task<List<JsonObject>> ImportAsync(string action, bool overwrite, params string[] identifiers)
    {
        var response = await SendAsync(HttpMethod.Post, $"{Identities}/{action}", Manage, Body(overwrite, identifiers));
        Assert.Equal(200, (int)response.StatusCode);
        return [.. (await JsonAsync(response))["value"]!.AsArray().Select(r => r!.AsObject())];
    }

    [Theory]
    [InlineData("importDeviceIdentityList")]
    [InlineData("microsoft.graph.importDeviceIdentityList")]
    public async Task The_import_action_under_either_name_answers_one_result_per_identity_with_its_status(string action)
    {
        var results = await ImportAsync(action, false, "Contoso,Laptop 13,SN-1", "Contoso,Laptop 13,SN-2");

        Assert.All(results, r => Assert.True((bool)r["status"]!));
        Assert.All(results, r => Assert.False(string.IsNullOrEmpty((string?)r["id"])));
        Assert.Equal(2, Emulator.Tenant.Collection("deviceManagement/importedDeviceIdentities").List().Count);
    }

    [Fact]
    public async Task A_post_to_the_collection_answers_no_method_match_as_reported()
    {
        var message = await AssertGraphErrorAsync(await SendAsync(HttpMethod.Post, Identities, Manage, Body(false, "Contoso,Laptop,SN-1")), 400, "Request_BadRequest");

        Assert.Contains("No method match route template", message);
    }

    [Fact]
    public async Task A_duplicate_without_overwrite_and_a_malformed_identifier_are_results_with_status_false_a_choice_the_facts_leave_open()
    {
        await ImportAsync("importDeviceIdentityList", false, "Contoso,Laptop,SN-1");

        // Identifiers match whatever their case (a choice: the facts do not say).
        var results = await ImportAsync("importDeviceIdentityList", false, "contoso,laptop,sn-1", "Contoso;Laptop;SN-2", "Contoso,Laptop,SN-3");
        var overwritten = await ImportAsync("importDeviceIdentityList", true, "contoso,laptop,sn-1");

        Assert.Equal([false, false, true], results.Select(r => (bool)r["status"]!));
        Assert.True((bool)Assert.Single(overwritten)["status"]!);
        Assert.Equal(["Contoso,Laptop,SN-3", "contoso,laptop,sn-1"],
            Emulator.Tenant.Collection("deviceManagement/importedDeviceIdentities").List().Select(i => (string)i["importedDeviceIdentifier"]!).Order());
    }

    [Fact]
    public async Task Search_answers_the_identities_that_exist_and_refuses_a_malformed_identifier_as_reported()
    {
        await ImportAsync("importDeviceIdentityList", false, "Contoso,Laptop,SN-1");

        var found = await JsonAsync(await SendAsync(HttpMethod.Post, $"{Identities}/searchExistingIdentities", ReadOnly, Body(false, "Contoso,Laptop,SN-1", "Contoso,Laptop,SN-9")));
        var message = await AssertGraphErrorAsync(await SendAsync(HttpMethod.Post, $"{Identities}/searchExistingIdentities", ReadOnly, Body(false, "SN-1")), 400, "Request_BadRequest");

        Assert.Equal(["Contoso,Laptop,SN-1"], found["value"]!.AsArray().Select(i => (string?)i!["importedDeviceIdentifier"]));
        Assert.Contains("Invalid Device Identifier parameter found for 1 import records!", message);
    }

    [Fact]
    public async Task The_list_pages_refuses_a_filter_a_choice_and_a_delete_answers_204_then_404()
    {
        var id = (string)(await ImportAsync("importDeviceIdentityList", false, "Contoso,Laptop,SN-1"))[0]["id"]!;

        Assert.Single((await JsonAsync(await SendAsync(HttpMethod.Get, Identities, ReadOnly)))["value"]!.AsArray());
        await AssertGraphErrorAsync(await SendAsync(HttpMethod.Get, $"{Identities}?$filter=importedDeviceIdentifier eq 'x'", ReadOnly), 400, "Request_BadRequest");
        await AssertGraphErrorAsync(await SendAsync(HttpMethod.Post, $"{Identities}/importDeviceIdentityList", ReadOnly, Body(false, "Contoso,Laptop,SN-2")), 403, "Authorization_RequestDenied");
        Assert.Equal(204, (int)(await SendAsync(HttpMethod.Delete, $"{Identities}/{id}", Manage)).StatusCode);
        Assert.Equal(404, (int)(await SendAsync(HttpMethod.Delete, $"{Identities}/{id}", Manage)).StatusCode);
    }

    [Fact]
    public async Task An_import_of_more_than_the_portals_five_thousand_is_refused_a_choice_the_facts_leave_open()
    {
        var many = Enumerable.Range(0, 5001).Select(i => $"Contoso,Laptop,SN-{i}").ToArray();

        await AssertGraphErrorAsync(await SendAsync(HttpMethod.Post, $"{Identities}/importDeviceIdentityList", Manage, Body(false, many)), 400, "Request_BadRequest");
        Assert.Empty(Emulator.Tenant.Collection("deviceManagement/importedDeviceIdentities").List());
    }
}
