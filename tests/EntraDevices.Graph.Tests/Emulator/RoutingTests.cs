using EntraDevices.GraphEmulator;

namespace EntraDevices.Graph.Tests.Emulator;

public class RoutingTests : EmulatorTest
{
    [Theory]
    [InlineData("/v1.0/policies/somethingElse")]
    [InlineData("/v1.0/me")]
    [InlineData("/policies/deviceRegistrationPolicy")]
    [InlineData("/v2.0/policies/deviceRegistrationPolicy")]
    public async Task Unknown_path_is_404_resource_not_found(string path)
    {
        var response = await SendAsync(HttpMethod.Get, path, ReadWriteDevices);

        await AssertGraphErrorAsync(response, 404, "Request_ResourceNotFound");
    }

    [Theory]
    [InlineData("DELETE", DeviceRegistrationPath)]
    [InlineData("PATCH", DeviceRegistrationPath)]
    [InlineData("POST", DeviceRegistrationPath)]
    [InlineData("PUT", AuthorizationPath)]
    public async Task Other_methods_on_known_paths_are_405(string method, string path)
    {
        var token = TestTokens.WithRoles("Policy.ReadWrite.DeviceConfiguration", "Policy.ReadWrite.Authorization");

        var response = await SendAsync(new HttpMethod(method), path, token, "{}");

        await AssertGraphErrorAsync(response, 405, "Request_BadRequest");
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.DoesNotContain(method, response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Paths_are_case_insensitive_and_ignore_a_trailing_slash()
    {
        var response = await SendAsync(HttpMethod.Get, "/V1.0/Policies/DeviceRegistrationPolicy/", ReadDevices);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Every_answer_carries_a_new_request_id_and_echoes_client_request_id()
    {
        var first = await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices, configure: request => request.Headers.Add("client-request-id", "my-id"));
        var second = await SendAsync(HttpMethod.Get, DeviceRegistrationPath, token: null);

        Assert.Equal("my-id", first.Headers.GetValues("client-request-id").Single());
        Assert.True(Guid.TryParse(second.Headers.GetValues("client-request-id").Single(), out _));
        var ids = new[] { first, second }.Select(response => response.Headers.GetValues("request-id").Single()).ToArray();
        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _)));
        Assert.NotEqual(ids[0], ids[1]);
    }
}
