using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;
// The namespace EntraDevices.GraphEmulator hides the type of the same name from code inside EntraDevices.*.
using EmulatorHost = EntraDevices.GraphEmulator.GraphEmulator;

namespace EntraDevices.Graph.Tests.Emulator;

/// <summary>A fresh emulator per test, called over raw HTTP.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    protected const string DeviceRegistrationPath = "/v1.0/policies/deviceRegistrationPolicy";
    protected const string AuthorizationPath = "/v1.0/policies/authorizationPolicy";

    protected static readonly string ReadWriteDevices = TestTokens.WithRoles("Policy.ReadWrite.DeviceConfiguration");
    protected static readonly string ReadDevices = TestTokens.WithRoles("Policy.Read.DeviceConfiguration");
    protected static readonly string ReadWriteAuthorization = TestTokens.WithRoles("Policy.ReadWrite.Authorization");

    protected EmulatorHost Emulator { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    protected virtual EmulatorOptions Options => new();

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorHost.StartAsync(Options);
        Http = CreateClient(Emulator.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }

    internal static HttpClient CreateClient(string baseUrl) => new() { BaseAddress = new Uri(baseUrl) };

    protected Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string? token, string? body = null, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        configure?.Invoke(request);
        return Http.SendAsync(request);
    }

    protected Task<HttpResponseMessage> PutPolicyAsync(JsonObject body, string? token = null, string path = DeviceRegistrationPath) =>
        SendAsync(HttpMethod.Put, path, token ?? ReadWriteDevices, body.ToJsonString());

    protected static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Asserts a Graph error answer and returns its message.</summary>
    protected static async Task<string> AssertGraphErrorAsync(HttpResponseMessage response, int status, string code)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = (await JsonAsync(response))["error"]!;
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.Equal(response.Headers.GetValues("request-id").Single(), error["innerError"]!["request-id"]!.GetValue<string>());
        Assert.Equal(response.Headers.GetValues("client-request-id").Single(), error["innerError"]!["client-request-id"]!.GetValue<string>());
        Assert.NotNull(error["innerError"]!["date"]);
        return error["message"]!.GetValue<string>();
    }

    protected static void AssertJsonEqual(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected {expected?.ToJsonString()}\nActual   {actual?.ToJsonString()}");
}
