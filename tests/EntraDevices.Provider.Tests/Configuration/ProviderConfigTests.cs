using EntraDevices.Provider.Configuration;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.Configuration;

public class ProviderConfigTests
{
    [Fact]
    public void Every_bad_key_is_reported_not_only_the_first()
    {
        var failures = ProviderConfig.Check(Obj(("environment", Str("mars")), ("graphEndpoint", Str("ftp://graph.microsoft.com")), ("requestTimeout", Str("0"))));

        Assert.Equal(["environment", "graphEndpoint", "requestTimeout"], failures.Select(f => f.Property));
        Assert.Contains("usgovernment", failures[0].Reason);
        Assert.Contains("https", failures[1].Reason);
        Assert.Contains("1 to 3600", failures[2].Reason);
    }

    [Theory]
    [InlineData("environment", "mars-secret-cloud")]
    [InlineData("graphEndpoint", "http://secret-host.example.test")]
    [InlineData("requestTimeout", "never-ever-0")]
    public void A_secret_value_under_a_plain_key_is_never_echoed(string key, string value)
    {
        var failure = Assert.Single(ProviderConfig.Check(Obj((key, new SecretValue(Str(value))))));

        Assert.Equal(key, failure.Property);
        Assert.DoesNotContain(value, failure.Reason);
        Assert.DoesNotContain("secret-host", failure.Reason);
        Assert.Contains("a secret value", failure.Reason);
    }

    [Fact]
    public void A_request_timeout_may_be_a_number_or_a_string()
    {
        Assert.Empty(ProviderConfig.Check(Obj(("requestTimeout", Num(30)))));
        Assert.Empty(ProviderConfig.Check(Obj(("requestTimeout", Str("30")))));
        Assert.Equal("30", ProviderConfig.Settings(Obj(("requestTimeout", Num(30))), _ => null).RequestTimeout);
    }

    [Fact]
    public void A_request_timeout_of_the_wrong_kind_is_named()
    {
        var failure = Assert.Single(ProviderConfig.Check(Obj(("requestTimeout", Bool(true)))));

        Assert.Equal("requestTimeout", failure.Property);
        Assert.Contains("number of seconds", failure.Reason);
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Every_bad_environment_fallback_is_judged_and_named_by_its_variable()
    {
        var failures = ProviderConfig.Check(ObjectValue.Empty, Environment(
            ("ARM_ENVIRONMENT", "mars"), ("ARM_USE_OIDC", "maybe"), ("ARM_TENANT_ID", "not a tenant!"),
            ("ENTRADEVICES_GRAPH_ENDPOINT", "http://graph.example.invalid"), ("ARM_CLIENT_ID", "app")));

        Assert.Equal(["environment", "graphEndpoint", "useOidc", "tenantId", "clientId"], failures.Select(f => f.Property));
        Assert.Contains("ARM_ENVIRONMENT is 'mars'", failures[0].Reason);
        Assert.Contains("ENTRADEVICES_GRAPH_ENDPOINT must use https", failures[1].Reason);
        Assert.Contains("ARM_USE_OIDC is 'maybe'; accepted values: true, false", failures[2].Reason);
        Assert.Contains("ARM_TENANT_ID is 'not a tenant!'", failures[3].Reason);
        Assert.Contains("GUID", failures[4].Reason);
    }

    [Fact]
    public void A_config_value_wins_over_its_environment_variable()
    {
        Assert.Empty(ProviderConfig.Check(Obj(("environment", Str("china"))), Environment(("ARM_ENVIRONMENT", "mars"))));
    }

    [Fact]
    public void The_github_actions_token_url_falls_back_like_the_engine_passes_it()
    {
        var failure = Assert.Single(ProviderConfig.Check(ObjectValue.Empty, Environment(("ACTIONS_ID_TOKEN_REQUEST_URL", "http://token.example.test"))));

        Assert.Equal("oidcRequestUrl", failure.Property);
        Assert.Contains("ACTIONS_ID_TOKEN_REQUEST_URL", failure.Reason);
    }

    [Theory]
    [InlineData("3c8ef067-8b96-44de-b2ae-557dfa0f97a0")]
    [InlineData("contoso.onmicrosoft.com")]
    [InlineData("contoso.com")]
    public void Tenants_entra_accepts_pass(string tenant)
    {
        Assert.Empty(ProviderConfig.Check(Obj(("tenantId", Str(tenant)))));
    }

    [Fact]
    public void Configure_with_a_bad_fallback_is_a_clean_invalid_input_not_an_unknown_error()
    {
        using var session = new GraphSession(Environment(("ARM_USE_OIDC", "maybe")));

        var error = Assert.Throws<CleanFailure>(() => session.Configure(ObjectValue.Empty));

        Assert.Equal(CleanFailureReason.InvalidInput, error.Reason);
        Assert.Contains("ARM_USE_OIDC", error.Message);
    }

    [Fact]
    public void A_sign_in_kind_other_than_device_code_is_refused_with_what_is_accepted()
    {
        var failure = Assert.Single(ProviderConfig.Check(Obj(("signIn", Str("browser")))));

        Assert.Equal("signIn", failure.Property);
        Assert.Contains("deviceCode", failure.Reason);
    }

    [Fact]
    public void The_sign_in_fallbacks_are_judged_too()
    {
        var failures = ProviderConfig.Check(ObjectValue.Empty, Environment(("ENTRADEVICES_SIGN_IN", "password"), ("ENTRADEVICES_AUTHORITY_HOST", "http://login.example.test")));

        Assert.Equal(["signIn", "authorityHost"], failures.Select(f => f.Property));
        Assert.Contains("ENTRADEVICES_SIGN_IN", failures[0].Reason);
        Assert.Contains("ENTRADEVICES_AUTHORITY_HOST", failures[1].Reason);
    }

    [Theory]
    [InlineData("tenantID", "tenantId")]
    [InlineData("graphEndpont", "graphEndpoint")]
    [InlineData("client_secret", "clientSecret")]
    public void An_unknown_key_fails_naming_the_closest_known_one(string key, string closest)
    {
        var failure = Assert.Single(ProviderConfig.Check(Obj((key, new SecretValue(Str("s3cr3t-value"))))));

        Assert.Equal(key, failure.Property);
        Assert.Contains($"entradevices:{key} is not a setting of this provider", failure.Reason);
        Assert.Contains($"Did you mean entradevices:{closest}?", failure.Reason);
        Assert.DoesNotContain("s3cr3t-value", failure.Reason);
    }

    [Fact]
    public void A_key_far_from_every_known_one_lists_what_is_accepted_without_a_guess()
    {
        var failure = Assert.Single(ProviderConfig.Check(Obj(("subscriptionId", Str("x")))));

        Assert.DoesNotContain("Did you mean", failure.Reason);
        Assert.Contains("Accepted keys: tenantId, clientId", failure.Reason);
    }

    [Fact]
    public void The_keys_the_engine_adds_to_every_provider_are_accepted()
    {
        Assert.Empty(ProviderConfig.Check(Obj(("version", Str("0.1.0")), ("pluginDownloadURL", Str("github://api.github.com/o/r")), ("__internal", ObjectValue.Empty))));
    }
}
