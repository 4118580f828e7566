using System.Buffers.Text;
using System.Text;
using EntraDevices.Graph.Connection;
using EntraDevices.GraphEmulator;

namespace EntraDevices.Graph.Tests.Connection;

/// <summary>Who Graph will see behind the credential: known from the configuration, or read from the token's claims.</summary>
public class SignedInAsTests
{
    private const string Tenant = "11111111-1111-1111-1111-111111111111";
    private const string Client = "22222222-2222-2222-2222-222222222222";

    private static string Jwt(string claims) => $"e30.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims))}.";

    private static SignedInAs Chosen(ConnectionSettings settings)
    {
        using var http = new HttpClient();
        return CredentialChain.Choose(settings, CloudEnvironment.Global, http).SignedInAs;
    }

    [Fact]
    public void A_delegated_token_carries_scopes_and_is_a_person() =>
        Assert.Equal(SignedInAs.Person, TokenIdentity.Of(TestTokens.WithScopes("Policy.ReadWrite.MobilityManagement")));

    [Fact]
    public void An_app_only_token_carries_roles_and_is_an_application() =>
        Assert.Equal(SignedInAs.Application, TokenIdentity.Of(TestTokens.WithRoles("Policy.ReadWrite.DeviceConfiguration")));

    [Fact]
    public void Entra_marks_app_only_tokens_idtyp_app_even_without_roles() =>
        Assert.Equal(SignedInAs.Application, TokenIdentity.Of(Jwt("""{"idtyp":"app"}""")));

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.!!!.b")]
    [InlineData("")]
    public void What_is_not_a_readable_jwt_is_unknown(string token) => Assert.Equal(SignedInAs.Unknown, TokenIdentity.Of(token));

    [Fact]
    public void Claims_that_are_not_json_or_name_neither_are_unknown()
    {
        Assert.Equal(SignedInAs.Unknown, TokenIdentity.Of(Jwt("not json")));
        Assert.Equal(SignedInAs.Unknown, TokenIdentity.Of(Jwt("""["scp"]""")));
        Assert.Equal(SignedInAs.Unknown, TokenIdentity.Of(Jwt("""{"aud":"https://graph.microsoft.com"}""")));
    }

    [Fact]
    public void The_configuration_tells_for_every_credential_but_the_default_chain()
    {
        Assert.Equal(SignedInAs.Person, Chosen(new ConnectionSettings { SignIn = "deviceCode", TenantId = Tenant, ClientId = Client }));
        Assert.Equal(SignedInAs.Application, Chosen(new ConnectionSettings { ClientSecret = "s", TenantId = Tenant, ClientId = Client }));
        Assert.Equal(SignedInAs.Application, Chosen(new ConnectionSettings { OidcToken = "o", TenantId = Tenant, ClientId = Client }));
        Assert.Equal(SignedInAs.Person, Chosen(new ConnectionSettings { AccessToken = TestTokens.WithScopes("User.Read") }));
        Assert.Equal(SignedInAs.Unknown, Chosen(new ConnectionSettings()));
    }

    [Fact]
    public async Task A_connection_with_an_explicit_app_only_token_knows_it_without_any_request()
    {
        using var connection = GraphConnection.Open(new ConnectionSettings { AccessToken = TestTokens.WithRoles("Device.Read.All"), GraphEndpoint = "http://127.0.0.1:9" });

        Assert.Equal(SignedInAs.Application, await connection.SignedInAsAsync(CancellationToken.None));
    }
}
