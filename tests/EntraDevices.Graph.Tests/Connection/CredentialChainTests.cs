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
    public void The_providers_own_tenant_and_client_variables_come_before_the_arm_ones_pulumi_azuread_shares()
    {
        var environment = new Dictionary<string, string>
        {
            ["ARM_TENANT_ID"] = "arm-tenant",
            ["ARM_CLIENT_ID"] = "arm-client",
            ["ENTRADEVICES_TENANT_ID"] = Tenant,
            ["ENTRADEVICES_CLIENT_ID"] = Client,
        };

        var settings = new ConnectionSettings().WithEnvironmentFallback(environment.GetValueOrDefault);

        Assert.Equal(Tenant, settings.TenantId);
        Assert.Equal(Client, settings.ClientId);
    }

    [Fact]
    public void Arm_use_oidc_that_is_not_a_boolean_is_named()
    {
        var error = Assert.Throws<ConnectionSettingsException>(() =>
            new ConnectionSettings().WithEnvironmentFallback(name => name == "ARM_USE_OIDC" ? "yes please" : null));

        Assert.Contains("ARM_USE_OIDC", error.Message);
        Assert.Contains("true, false", error.Message);
    }

    /// <summary>The deploy workflow's environment (OIDC, as docs/deploying-from-github-actions.md sets it up) with a person's
    /// <c>signIn: deviceCode</c> committed to the stack file, which the pipelines read too.</summary>
    private static ConnectionSettings PipelineWithPersonsChoice(params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string>
        {
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["ARM_TENANT_ID"] = Tenant,
            ["ARM_CLIENT_ID"] = Client,
            ["ARM_USE_OIDC"] = "true",
            ["ARM_OIDC_TOKEN"] = "federated-token",
        };
        foreach (var (name, value) in more)
        {
            environment[name] = value;
        }

        return new ConnectionSettings { SignIn = "deviceCode" }.WithEnvironmentFallback(environment.GetValueOrDefault);
    }

    [Fact]
    public void A_pipeline_with_a_persons_sign_in_in_the_stack_signs_in_as_its_application_and_says_so()
    {
        var said = new List<string>();
        using var http = new HttpClient();
        var chosen = CredentialChain.Choose(PipelineWithPersonsChoice(), CloudEnvironment.Global, http,
            new SignInHooks { Prompt = (message, _) => { said.Add(message); return Task.CompletedTask; } });

        Assert.IsType<ClientAssertionCredential>(chosen.Credential);
        var message = Assert.Single(said);
        Assert.Contains("pipeline (CI=true)", message);
        Assert.Contains("OIDC federated token", message);
        Assert.Contains("ENTRADEVICES_SIGN_IN", message);
        Assert.DoesNotContain("devicelogin", message);
        Assert.DoesNotContain("federated-token", message);
    }

    [Fact]
    public void A_pipeline_with_a_persons_sign_in_and_no_application_sign_in_fails_instead_of_waiting_for_a_code()
    {
        var settings = PipelineWithPersonsChoice() with { UseOidc = null, OidcToken = null };

        var error = Assert.Throws<ConnectionSettingsException>(() => Choose(settings));

        Assert.Contains("nobody can enter a device code", error.Message);
        Assert.Contains("ARM_USE_OIDC", error.Message);
    }

    [Theory]
    [InlineData("CI", "false")]
    [InlineData("CI", "0")]
    [InlineData("CI", "")]
    public void Outside_a_pipeline_the_persons_sign_in_is_used(string name, string value)
    {
        var settings = PipelineWithPersonsChoice((name, value), ("GITHUB_ACTIONS", ""));

        Assert.Null(settings.Pipeline);
        Assert.Contains("device code", Choose(settings).Description);
    }

    [Fact]
    public void Azure_pipelines_count_as_a_pipeline()
    {
        var settings = new ConnectionSettings().WithEnvironmentFallback(name => name == "TF_BUILD" ? "True" : null);

        Assert.Equal("TF_BUILD=True", settings.Pipeline);
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
