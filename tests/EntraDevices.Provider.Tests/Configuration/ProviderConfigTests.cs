using EntraDevices.Provider.Configuration;
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
}
