using System.Buffers.Text;
using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;

namespace EntraDevices.Graph.Tests.Emulator;

public class AuthenticationTests : EmulatorTest
{
    [Fact]
    public async Task Request_without_a_token_is_401_access_token_is_empty()
    {
        var response = await SendAsync(HttpMethod.Get, DeviceRegistrationPath, token: null);

        var message = await AssertGraphErrorAsync(response, 401, "InvalidAuthenticationToken");
        Assert.Equal("Access token is empty.", message);
    }

    [Fact]
    public async Task Token_that_is_not_a_jwt_is_401()
    {
        var response = await SendAsync(HttpMethod.Get, DeviceRegistrationPath, token: "not-a-jwt");

        await AssertGraphErrorAsync(response, 401, "InvalidAuthenticationToken");
    }

    [Theory]
    [InlineData("Policy.Read.DeviceConfiguration")]
    [InlineData("Policy.ReadWrite.DeviceConfiguration")]
    [InlineData("Policy.Read.All")]
    public async Task Get_is_allowed_with_any_device_configuration_or_policy_read_permission(string permission)
    {
        var response = await SendAsync(HttpMethod.Get, DeviceRegistrationPath, TestTokens.WithRoles(permission));

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Get_without_a_policy_permission_is_403()
    {
        var response = await SendAsync(HttpMethod.Get, DeviceRegistrationPath, TestTokens.WithRoles("User.Read.All"));

        var message = await AssertGraphErrorAsync(response, 403, "Authorization_RequestDenied");
        Assert.Equal("Insufficient privileges to complete the operation.", message);
    }

    [Fact]
    public async Task Put_with_a_read_only_token_is_403_and_changes_nothing()
    {
        var before = Emulator.Tenant.DeviceRegistrationPolicy;

        var response = await PutPolicyAsync(DocExamples.PutRequest(), ReadDevices);

        await AssertGraphErrorAsync(response, 403, "Authorization_RequestDenied");
        AssertJsonEqual(before, Emulator.Tenant.DeviceRegistrationPolicy);
    }

    [Fact]
    public async Task Delegated_scopes_grant_permissions_like_application_roles()
    {
        var token = TestTokens.WithScopes("User.Read", "Policy.ReadWrite.DeviceConfiguration");

        var response = await PutPolicyAsync(DocExamples.PutRequest(), token);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public void Test_tokens_are_unsigned_jwts_carrying_roles_scopes_and_directory_roles()
    {
        var token = TestTokens.WithScopesAndDirectoryRoles(["Policy.Read.All"], ["9f06204d-73c1-4d4c-880a-6edb90606fd8"]);

        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Empty(parts[2]);
        Assert.Equal("none", Decode(parts[0])["alg"]!.GetValue<string>());
        Assert.Equal("Policy.Read.All", Decode(parts[1])["scp"]!.GetValue<string>());
        Assert.Equal("9f06204d-73c1-4d4c-880a-6edb90606fd8", Decode(parts[1])["wids"]![0]!.GetValue<string>());
        var roles = Decode(TestTokens.WithRoles("A", "B").Split('.')[1])["roles"]!;
        Assert.Equal(["A", "B"], roles.AsArray().Select(role => role!.GetValue<string>()));
    }

    private static JsonNode Decode(string part) => JsonNode.Parse(Base64Url.DecodeFromChars(part))!;
}
