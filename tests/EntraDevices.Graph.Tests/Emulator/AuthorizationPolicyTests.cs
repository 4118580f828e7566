using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;

namespace EntraDevices.Graph.Tests.Emulator;

public class AuthorizationPolicyTests : EmulatorTest
{
    private static readonly string ReadAll = TestTokens.WithRoles("Policy.Read.All");

    [Fact]
    public async Task Get_returns_a_realistic_authorization_policy()
    {
        var response = await SendAsync(HttpMethod.Get, AuthorizationPath, ReadAll);

        Assert.Equal(200, (int)response.StatusCode);
        var body = await JsonAsync(response);
        Assert.StartsWith("https://graph.microsoft.com/v1.0/$metadata#", body["@odata.context"]!.GetValue<string>());
        Assert.Equal("authorizationPolicy", body["id"]!.GetValue<string>());
        Assert.Equal("everyone", body["allowInvitesFrom"]!.GetValue<string>());
        Assert.Equal("10dae51f-b6af-4016-8d66-8c2a99b929b3", body["guestUserRoleId"]!.GetValue<string>());
        Assert.True(body["defaultUserRolePermissions"]!["allowedToReadBitlockerKeysForOwnedDevice"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Get_on_beta_works_too()
    {
        var response = await SendAsync(HttpMethod.Get, "/beta/policies/authorizationPolicy", ReadWriteAuthorization);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("https://graph.microsoft.com/beta/$metadata#", (await JsonAsync(response))["@odata.context"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_with_only_device_configuration_permission_is_403()
    {
        var response = await SendAsync(HttpMethod.Get, AuthorizationPath, ReadWriteDevices);

        await AssertGraphErrorAsync(response, 403, "Authorization_RequestDenied");
    }

    [Fact]
    public async Task Patch_merges_nested_properties_and_answers_204()
    {
        var before = Emulator.Tenant.AuthorizationPolicy;

        var response = await SendAsync(
            HttpMethod.Patch, AuthorizationPath, ReadWriteAuthorization,
            """{ "@odata.type": "#microsoft.graph.authorizationPolicy", "defaultUserRolePermissions": { "allowedToReadBitlockerKeysForOwnedDevice": false } }""");

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        before["defaultUserRolePermissions"]!["allowedToReadBitlockerKeysForOwnedDevice"] = false;
        AssertJsonEqual(before, Emulator.Tenant.AuthorizationPolicy);
    }

    [Fact]
    public async Task Patch_replaces_top_level_values_and_keeps_the_rest()
    {
        await SendAsync(HttpMethod.Patch, AuthorizationPath, ReadWriteAuthorization, """{ "allowInvitesFrom": "none", "blockMsolPowerShell": true }""");

        var policy = Emulator.Tenant.AuthorizationPolicy;
        Assert.Equal("none", policy["allowInvitesFrom"]!.GetValue<string>());
        Assert.True(policy["blockMsolPowerShell"]!.GetValue<bool>());
        Assert.True(policy["allowedToUseSSPR"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{ "allowSomething": true }""", "allowSomething")]
    [InlineData("""{ "defaultUserRolePermissions": { "allowedToDoAnything": true } }""", "defaultUserRolePermissions.allowedToDoAnything")]
    [InlineData("""{ "allowedToUseSSPR": "yes" }""", "allowedToUseSSPR")]
    [InlineData("""{ "defaultUserRolePermissions": { "allowedToCreateApps": null } }""", "defaultUserRolePermissions.allowedToCreateApps")]
    [InlineData("""{ "defaultUserRolePermissions": false }""", "defaultUserRolePermissions")]
    [InlineData("""{ "allowInvitesFrom": "nobodyAtAll" }""", "allowInvitesFrom")]
    [InlineData("""{ "id": "other" }""", "id")]
    [InlineData("""{ "displayName": "Other" }""", "displayName")]
    public async Task Patch_with_an_unknown_read_only_or_mistyped_property_is_rejected_and_changes_nothing(string body, string property)
    {
        var before = Emulator.Tenant.AuthorizationPolicy;

        var response = await SendAsync(HttpMethod.Patch, AuthorizationPath, ReadWriteAuthorization, body);

        Assert.Contains(property, await AssertGraphErrorAsync(response, 400, "Request_BadRequest"));
        AssertJsonEqual(before, Emulator.Tenant.AuthorizationPolicy);
    }

    [Fact]
    public async Task Patch_with_a_read_token_is_403()
    {
        var response = await SendAsync(HttpMethod.Patch, AuthorizationPath, ReadAll, """{ "blockMsolPowerShell": true }""");

        await AssertGraphErrorAsync(response, 403, "Authorization_RequestDenied");
        Assert.False(Emulator.Tenant.AuthorizationPolicy["blockMsolPowerShell"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Seeded_authorization_policy_is_what_get_returns()
    {
        var seeded = Emulator.Tenant.AuthorizationPolicy;
        seeded["allowedToUseSSPR"] = false;
        Emulator.Tenant.SetAuthorizationPolicy(seeded);

        var body = await JsonAsync(await SendAsync(HttpMethod.Get, AuthorizationPath, ReadAll));

        Assert.False(body["allowedToUseSSPR"]!.GetValue<bool>());
        AssertJsonEqual(seeded, body.Without("@odata.context"));
    }
}
