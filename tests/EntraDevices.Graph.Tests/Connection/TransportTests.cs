using EntraDevices.Graph.Connection;
using EntraDevices.Graph.DeviceRegistrationPolicy;
using EntraDevices.GraphEmulator;
using EmulatorHost = EntraDevices.GraphEmulator.GraphEmulator;

namespace EntraDevices.Graph.Tests.Connection;

/// <summary>Where requests may go (redirects included), how long one may take, and what an error may show.</summary>
public sealed class TransportTests : IAsyncLifetime
{
    private const string Path = "/v1.0/policies/deviceRegistrationPolicy";
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private DeviceRegistrationPolicyClient Client(ConnectionSettings? settings = null) =>
        new(EmulatedGraph.Connect(_emulator, settings?.AccessToken, settings: settings));

    [Theory]
    [InlineData("GET", 302)]
    [InlineData("GET", 307)]
    [InlineData("PUT", 307)]
    [InlineData("PUT", 308)]
    public async Task A_redirect_to_plain_http_on_another_host_is_refused_and_nothing_is_sent_there(string method, int status)
    {
        var client = Client();
        var live = await client.GetAsync(CancellationToken.None);
        _emulator.ClearRequests();
        _emulator.InjectFault(new Fault { Method = method, Status = status, RedirectTo = $"http://example.invalid{Path}" });

        var error = await Assert.ThrowsAsync<GraphRequestException>(() => method == "GET"
            ? client.GetAsync(CancellationToken.None)
            : client.PutAsync(live with { UserDeviceQuota = 30 }, CancellationToken.None));

        Assert.Equal(GraphFailureKind.Rejected, error.Kind);
        Assert.False(error.OutcomeUnknown);
        Assert.Contains($"refused to send {method} to http://example.invalid{Path}", error.Message);
        Assert.Contains("redirect", error.Message);
        Assert.Equal([status], _emulator.Requests.Select(r => r.Status));
        Assert.Equal(2, (int)_emulator.Tenant.DeviceRegistrationPolicy["userDeviceQuota"]!);
    }

    [Fact]
    public async Task A_redirect_to_plain_http_on_loopback_is_followed()
    {
        _emulator.InjectFault(new Fault { Method = "GET", RedirectTo = $"{_emulator.BaseUrl}{Path}?followed=1" });

        var settings = await Client().GetAsync(CancellationToken.None);

        Assert.Equal(2, settings.UserDeviceQuota);
        Assert.Equal([307, 200], _emulator.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task A_redirect_to_another_host_does_not_carry_the_token()
    {
        var port = new Uri(_emulator.BaseUrl).Port;
        _emulator.InjectFault(new Fault { Method = "GET", RedirectTo = $"http://localhost:{port}{Path}" });

        await Assert.ThrowsAsync<GraphRequestException>(() => Client().GetAsync(CancellationToken.None));

        Assert.Equal([true, false], _emulator.Requests.Select(r => r.HadBearerToken));
    }

    [Fact]
    public async Task A_redirect_to_https_is_followed()
    {
        // Nothing listens on port 1: the attempt fails on the wire, which shows the redirect was followed, not refused.
        _emulator.InjectFault(new Fault { Method = "GET", RedirectTo = $"https://127.0.0.1:1{Path}" });

        var error = await Assert.ThrowsAsync<GraphRequestException>(() => Client().GetAsync(CancellationToken.None));

        Assert.Equal(GraphFailureKind.NoAnswer, error.Kind);
        Assert.Contains("did not answer", error.Message);
        Assert.DoesNotContain("refused to send", error.Message);
    }

    [Fact]
    public async Task A_call_that_never_answers_ends_at_the_request_timeout_and_says_which_call()
    {
        _emulator.InjectFault(new Fault { Method = "GET", DelayMilliseconds = 60_000 });

        var error = await Assert.ThrowsAsync<GraphRequestException>(() =>
            Client(new ConnectionSettings { RequestTimeout = "1" }).GetAsync(CancellationToken.None));

        Assert.Equal(GraphFailureKind.NoAnswer, error.Kind);
        Assert.Contains("GET /policies/deviceRegistrationPolicy", error.Message);
        Assert.Contains("within 1 s", error.Message);
        Assert.Contains("requestTimeout", error.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3601")]
    [InlineData("soon")]
    [InlineData("1.5")]
    public void A_request_timeout_outside_1_to_3600_whole_seconds_is_refused(string value)
    {
        var error = Assert.Throws<ConnectionSettingsException>(() => RequestTimeout.Parse(value, "requestTimeout"));

        Assert.Contains("requestTimeout", error.Message);
        Assert.Contains("1 to 3600", error.Message);
    }

    [Fact]
    public async Task An_error_that_echoes_the_bearer_token_never_shows_it()
    {
        var token = TestTokens.WithRoles(EmulatedGraph.ReadWrite);
        _emulator.InjectFault(new Fault { Method = "GET", Status = 400, EchoAuthorization = true });

        var error = await Assert.ThrowsAsync<GraphRequestException>(() =>
            Client(new ConnectionSettings { AccessToken = token }).GetAsync(CancellationToken.None));

        Assert.Contains("Received: Bearer [redacted]", error.Message);
        Assert.DoesNotContain(token, error.Message);
        Assert.DoesNotContain(token.Split('.')[1], error.Message);
    }

    [Fact]
    public async Task An_opaque_token_echoed_back_is_redacted_too()
    {
        const string opaque = "opaque-token-0123456789";
        _emulator.InjectFault(new Fault { Method = "GET", Status = 400, EchoAuthorization = true });

        var error = await Assert.ThrowsAsync<GraphRequestException>(() =>
            Client(new ConnectionSettings { AccessToken = opaque }).GetAsync(CancellationToken.None));

        Assert.DoesNotContain(opaque, error.Message);
        Assert.Contains(Redaction.Placeholder, error.Message);
    }
}
