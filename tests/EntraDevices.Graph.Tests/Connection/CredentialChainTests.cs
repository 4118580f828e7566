using Azure.Identity;
using EntraDevices.Graph.Connection;

namespace EntraDevices.Graph.Tests.Connection;

public class CredentialChainTests
{
    private const string Tenant = "11111111-1111-1111-1111-111111111111";
    private const string Client = "22222222-2222-2222-2222-222222222222";

    private static ChosenCredential Choose(ConnectionSettings settings)
    {
        using var http = new HttpClient();
        return CredentialChain.Choose(settings, CloudEnvironment.Global, http);
    }

    [Fact]
    public void An_explicit_access_token_wins_over_everything()
    {
        var chosen = Choose(new ConnectionSettings
        {
            AccessToken = "token",
            TenantId = Tenant,
            ClientId = Client,
            ClientSecret = "secret",
            UseOidc = true,
            OidcToken = "oidc",
        });

        Assert.Contains("access token", chosen.Description);
        Assert.DoesNotContain("token\"", chosen.Description);
    }

    [Fact]
    public void A_client_secret_comes_before_oidc()
    {
        var chosen = Choose(new ConnectionSettings { TenantId = Tenant, ClientId = Client, ClientSecret = "s3cr3t-value", UseOidc = true, OidcToken = "oidc" });

        Assert.IsType<ClientSecretCredential>(chosen.Credential);
        Assert.DoesNotContain("s3cr3t-value", chosen.Description);
    }

    [Fact]
    public void Oidc_is_used_when_a_federated_token_is_available()
    {
        var chosen = Choose(new ConnectionSettings { TenantId = Tenant, ClientId = Client, UseOidc = true, OidcTokenFilePath = "token.jwt" });

        Assert.IsType<ClientAssertionCredential>(chosen.Credential);
    }

    [Fact]
    public void Without_any_credential_settings_the_default_chain_is_used()
    {
        Assert.IsType<DefaultAzureCredential>(Choose(new ConnectionSettings()).Credential);
    }

    [Fact]
    public void Use_oidc_without_a_token_source_names_the_settings_to_set()
    {
        var error = Assert.Throws<ConnectionSettingsException>(() => Choose(new ConnectionSettings { TenantId = Tenant, ClientId = Client, UseOidc = true }));

        Assert.Contains("ARM_OIDC_TOKEN", error.Message);
        Assert.Contains("id-token: write", error.Message);
    }

    [Fact]
    public void A_client_secret_without_tenant_and_client_names_both()
    {
        var error = Assert.Throws<ConnectionSettingsException>(() => Choose(new ConnectionSettings { ClientSecret = "s3cr3t-value" }));

        Assert.Contains("tenantId (ARM_TENANT_ID)", error.Message);
        Assert.Contains("clientId (ARM_CLIENT_ID)", error.Message);
        Assert.DoesNotContain("s3cr3t-value", error.Message);
    }

    [Fact]
    public void Arm_variables_fill_unset_fields_and_config_wins()
    {
        var environment = new Dictionary<string, string>
        {
            ["ARM_TENANT_ID"] = Tenant,
            ["ARM_CLIENT_ID"] = "from-environment",
            ["ARM_USE_OIDC"] = "true",
            ["ACTIONS_ID_TOKEN_REQUEST_URL"] = "https://token.actions.example/request",
            ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "request-token",
            ["ARM_ENVIRONMENT"] = "usgovernment",
        };

        var settings = new ConnectionSettings { ClientId = Client }.WithEnvironmentFallback(environment.GetValueOrDefault);

        Assert.Equal(Tenant, settings.TenantId);
        Assert.Equal(Client, settings.ClientId);
        Assert.True(settings.UseOidc);
        Assert.Equal("https://token.actions.example/request", settings.OidcRequestUrl);
        Assert.Equal("request-token", settings.OidcRequestToken);
        Assert.Equal("usgovernment", settings.Environment);
    }

    [Fact]
    public void Arm_use_oidc_that_is_not_a_boolean_is_named()
    {
        var error = Assert.Throws<ConnectionSettingsException>(() =>
            new ConnectionSettings().WithEnvironmentFallback(name => name == "ARM_USE_OIDC" ? "yes please" : null));

        Assert.Contains("ARM_USE_OIDC", error.Message);
        Assert.Contains("true, false", error.Message);
    }

    [Fact]
    public void Printing_settings_never_shows_a_secret()
    {
        var text = new ConnectionSettings { ClientSecret = "s3cr3t-value", AccessToken = "eyJ-token", OidcToken = "oidc-token", OidcRequestToken = "req-token" }.ToString();

        Assert.DoesNotContain("s3cr3t-value", text);
        Assert.DoesNotContain("eyJ-token", text);
        Assert.DoesNotContain("oidc-token", text);
        Assert.DoesNotContain("req-token", text);
    }
}
