using EntraDevices.Graph.Connection;

namespace EntraDevices.Graph.Tests.Connection;

public class EndpointTests
{
    [Theory]
    [InlineData(null, "https://graph.microsoft.com/", "https://login.microsoftonline.com/")]
    [InlineData("public", "https://graph.microsoft.com/", "https://login.microsoftonline.com/")]
    [InlineData("usgovernment", "https://graph.microsoft.us/", "https://login.microsoftonline.us/")]
    [InlineData("USGovernmentL5", "https://dod-graph.microsoft.us/", "https://login.microsoftonline.us/")]
    [InlineData("dod", "https://dod-graph.microsoft.us/", "https://login.microsoftonline.us/")]
    [InlineData("china", "https://microsoftgraph.chinacloudapi.cn/", "https://login.chinacloudapi.cn/")]
    public void Each_national_cloud_has_its_graph_and_login_hosts(string? name, string graph, string login)
    {
        var cloud = CloudEnvironment.Parse(name, "environment");

        Assert.Equal(graph, cloud.GraphEndpoint.ToString());
        Assert.Equal(login, cloud.AuthorityHost.ToString());
    }

    [Fact]
    public void An_unknown_cloud_lists_the_accepted_names()
    {
        var error = Assert.Throws<ConnectionSettingsException>(() => CloudEnvironment.Parse("germany", "environment (ARM_ENVIRONMENT)"));

        Assert.Contains("environment (ARM_ENVIRONMENT) is 'germany'", error.Message);
        Assert.Contains("usgovernment", error.Message);
    }

    [Theory]
    [InlineData("https://graph.example.test")]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    public void Https_and_loopback_endpoints_are_accepted(string url)
    {
        Assert.Equal(new Uri(url), SecureEndpoint.Require(url, "graphEndpoint"));
    }

    [Theory]
    [InlineData("http://graph.example.test")]
    [InlineData("http://10.0.0.5:8080")]
    public void Plain_http_to_another_host_is_refused_so_no_token_leaves_in_clear(string url)
    {
        var error = Assert.Throws<ConnectionSettingsException>(() => SecureEndpoint.Require(url, "graphEndpoint"));

        Assert.Contains("graphEndpoint must use https", error.Message);
    }

    [Fact]
    public void A_relative_endpoint_is_refused()
    {
        Assert.Throws<ConnectionSettingsException>(() => SecureEndpoint.Require("graph.microsoft.com", "graphEndpoint"));
    }

    [Fact]
    public void Opening_with_an_insecure_endpoint_fails_before_any_credential_is_built()
    {
        var error = Assert.Throws<ConnectionSettingsException>(() =>
            GraphConnection.Open(new ConnectionSettings { AccessToken = "t", GraphEndpoint = "http://graph.example.test" }));

        Assert.Contains("graphEndpoint", error.Message);
    }

    [Fact]
    public void The_endpoint_override_keeps_the_api_version()
    {
        using var connection = GraphConnection.Open(new ConnectionSettings { AccessToken = "t", GraphEndpoint = "http://127.0.0.1:1234" });

        Assert.Equal("http://127.0.0.1:1234/v1.0", connection.Endpoint.ToString());
    }
}
