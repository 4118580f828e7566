using EntraDevices.GraphEmulator;

namespace EntraDevices.Graph.Tests.Emulator;

public class RequestLogTests : EmulatorTest
{
    [Fact]
    public async Task Log_keeps_method_path_body_status_and_token_presence_in_order()
    {
        var body = DocExamples.PutRequest().ToJsonString();

        await SendAsync(HttpMethod.Get, "/beta/policies/deviceRegistrationPolicy?$select=id", token: null);
        await SendAsync(HttpMethod.Put, DeviceRegistrationPath, ReadWriteDevices, body);

        Assert.Equal(
            [
                new RecordedRequest("GET", "/beta/policies/deviceRegistrationPolicy", null, 401, null, false),
                new RecordedRequest("PUT", DeviceRegistrationPath, body, 200, null, true),
            ],
            Emulator.Requests);
    }

    [Fact]
    public async Task Log_never_holds_the_token()
    {
        await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices);

        Assert.DoesNotContain(ReadDevices, Emulator.Requests.Single().ToString());
    }

    [Fact]
    public async Task Requests_is_a_snapshot_and_clear_requests_empties_the_log()
    {
        await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices);
        var snapshot = Emulator.Requests;

        Emulator.ClearRequests();
        await SendAsync(HttpMethod.Get, AuthorizationPath, ReadDevices);

        Assert.Equal(DeviceRegistrationPath, Assert.Single(snapshot).Path);
        Assert.Equal(AuthorizationPath, Assert.Single(Emulator.Requests).Path);
    }
}
