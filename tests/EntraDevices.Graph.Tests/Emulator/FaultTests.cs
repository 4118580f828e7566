using System.Diagnostics;
using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;

namespace EntraDevices.Graph.Tests.Emulator;

public class FaultTests : EmulatorTest
{
    [Fact]
    public async Task Throttling_fault_answers_429_with_retry_after_and_a_graph_error()
    {
        Emulator.InjectFault(new Fault { Status = 429, RetryAfterSeconds = 7 });

        var response = await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices);

        await AssertGraphErrorAsync(response, 429, "TooManyRequests");
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
    }

    [Theory]
    [InlineData(500, "generalException")]
    [InlineData(503, "serviceNotAvailable")]
    [InlineData(504, "gatewayTimeout")]
    public async Task Status_fault_uses_the_graph_error_code_for_its_status(int status, string code)
    {
        Emulator.InjectFault(new Fault { Status = status });

        var response = await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices);

        await AssertGraphErrorAsync(response, status, code);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task Status_fault_on_a_put_changes_nothing()
    {
        Emulator.InjectFault(new Fault { Method = "PUT", Status = 503 });

        var response = await PutPolicyAsync(DocExamples.PutRequest());

        Assert.Equal(503, (int)response.StatusCode);
        AssertJsonEqual(DocExamples.GetResponse().Without("@odata.context"), Emulator.Tenant.DeviceRegistrationPolicy);
    }

    [Fact]
    public async Task Fault_affects_as_many_requests_as_its_times_then_stops()
    {
        Emulator.InjectFault(new Fault { Status = 503, Times = 2 });

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((int)(await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices)).StatusCode);
        }

        Assert.Equal([503, 503, 200], statuses);
    }

    [Fact]
    public async Task Fault_only_hits_requests_matching_its_method_and_path()
    {
        Emulator.InjectFault(new Fault { Method = "PUT", PathContains = "deviceRegistrationPolicy", Status = 500 });

        var get = await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices);
        var other = await SendAsync(HttpMethod.Patch, AuthorizationPath, ReadWriteAuthorization, """{ "blockMsolPowerShell": true }""");
        var put = await PutPolicyAsync(DocExamples.PutRequest());

        Assert.Equal(200, (int)get.StatusCode);
        Assert.Equal(204, (int)other.StatusCode);
        Assert.Equal(500, (int)put.StatusCode);
    }

    [Fact]
    public async Task Each_request_consumes_only_the_first_matching_fault()
    {
        Emulator.InjectFault(new Fault { Status = 503 });
        Emulator.InjectFault(new Fault { Status = 429 });

        var first = await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices);
        var second = await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices);
        var third = await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices);

        Assert.Equal([503, 429, 200], new[] { first, second, third }.Select(response => (int)response.StatusCode));
    }

    [Fact]
    public async Task Delay_fault_slows_the_answer_then_handles_the_request_normally()
    {
        Emulator.InjectFault(new Fault { DelayMilliseconds = 300 });
        var clock = Stopwatch.StartNew();

        var response = await PutPolicyAsync(DocExamples.PutRequest());

        Assert.True(clock.ElapsedMilliseconds >= 280, $"answered after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(200, (int)response.StatusCode);
        AssertJsonEqual(DocExamples.AfterPut(), Emulator.Tenant.DeviceRegistrationPolicy);
    }

    [Fact]
    public async Task Delay_fault_with_a_status_answers_that_status_late()
    {
        Emulator.InjectFault(new Fault { DelayMilliseconds = 200, Status = 504 });
        var clock = Stopwatch.StartNew();

        var response = await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices);

        Assert.True(clock.ElapsedMilliseconds >= 180);
        await AssertGraphErrorAsync(response, 504, "gatewayTimeout");
    }

    [Fact]
    public async Task Delay_ends_when_the_client_gives_up_and_nothing_changes()
    {
        Emulator.InjectFault(new Fault { DelayMilliseconds = 30_000 });
        using var impatient = CreateClient(Emulator.BaseUrl);
        impatient.Timeout = TimeSpan.FromMilliseconds(300);
        var request = new HttpRequestMessage(HttpMethod.Put, DeviceRegistrationPath)
        {
            Content = new StringContent(DocExamples.PutRequest().ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", ReadWriteDevices);

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.SendAsync(request));

        var recorded = await EventuallyAsync(() => Emulator.Requests.SingleOrDefault());
        Assert.Equal(0, recorded.Status);
        AssertJsonEqual(DocExamples.GetResponse().Without("@odata.context"), Emulator.Tenant.DeviceRegistrationPolicy);
    }

    [Fact]
    public async Task Dropped_connection_gives_no_answer_and_changes_nothing()
    {
        Emulator.InjectFault(new Fault { Method = "PUT", DropConnection = true });

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => PutPolicyAsync(DocExamples.PutRequest()));

        AssertJsonEqual(DocExamples.GetResponse().Without("@odata.context"), Emulator.Tenant.DeviceRegistrationPolicy);
        Assert.Equal(0, Emulator.Requests.Single().Status);
    }

    [Fact]
    public async Task Apply_then_drop_performs_the_write_but_gives_no_answer()
    {
        Emulator.InjectFault(new Fault { Method = "PUT", ApplyThenDrop = true });

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => PutPolicyAsync(DocExamples.PutRequest()));

        AssertJsonEqual(DocExamples.AfterPut(), Emulator.Tenant.DeviceRegistrationPolicy);
        Assert.Equal(0, Emulator.Requests.Single().Status);
    }

    [Fact]
    public async Task Apply_then_drop_on_a_patch_merges_the_change()
    {
        Emulator.InjectFault(new Fault { Method = "PATCH", ApplyThenDrop = true });

        await Assert.ThrowsAnyAsync<HttpRequestException>(
            () => SendAsync(HttpMethod.Patch, AuthorizationPath, ReadWriteAuthorization, """{ "blockMsolPowerShell": true }"""));

        Assert.True(Emulator.Tenant.AuthorizationPolicy["blockMsolPowerShell"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Faulted_requests_are_recorded_with_the_status_sent_and_the_retry_attempt()
    {
        Emulator.InjectFault(new Fault { Status = 429, RetryAfterSeconds = 1 });

        await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices);
        await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices, configure: request => request.Headers.Add("Retry-Attempt", "1"));

        Assert.Equal(
            [new RecordedRequest("GET", DeviceRegistrationPath, null, 429, null, true), new RecordedRequest("GET", DeviceRegistrationPath, null, 200, "1", true)],
            Emulator.Requests);
    }

    [Fact]
    public void Fault_that_affects_no_request_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.InjectFault(new Fault { Status = 503, Times = 0 }));
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The condition never held.");
    }

    [Theory]
    [InlineData(500, "generalException")]
    [InlineData(504, "gatewayTimeout")]
    public async Task Apply_then_status_writes_the_policy_and_still_answers_the_error(int status, string code)
    {
        Emulator.InjectFault(new Fault { Method = "PUT", ApplyThenStatus = status });

        var response = await PutPolicyAsync(DocExamples.PutRequest());

        await AssertGraphErrorAsync(response, status, code);
        Assert.Equal(DocExamples.PutRequest()["userDeviceQuota"]!.GetValue<int>(), (int)Emulator.Tenant.DeviceRegistrationPolicy["userDeviceQuota"]!);
    }

    [Fact]
    public async Task Apply_then_body_writes_the_policy_and_answers_the_given_body_instead()
    {
        Emulator.InjectFault(new Fault { Method = "PUT", ApplyThenBody = """{"id":"deviceRegistrationPolicy"}""" });

        var response = await PutPolicyAsync(DocExamples.PutRequest());

        Assert.Equal(200, (int)response.StatusCode);
        AssertJsonEqual(new JsonObject { ["id"] = "deviceRegistrationPolicy" }, await JsonAsync(response));
        Assert.Equal(DocExamples.PutRequest()["userDeviceQuota"]!.GetValue<int>(), (int)Emulator.Tenant.DeviceRegistrationPolicy["userDeviceQuota"]!);
    }

    [Theory]
    [InlineData(null, 307)]
    [InlineData(302, 302)]
    [InlineData(308, 308)]
    public async Task Redirect_fault_answers_the_location_and_changes_nothing(int? status, int expected)
    {
        Emulator.InjectFault(new Fault { Method = "PUT", Status = status, RedirectTo = "http://example.invalid/v1.0/policies/deviceRegistrationPolicy" });

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(Emulator.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Put, DeviceRegistrationPath)
        {
            Content = new StringContent(DocExamples.PutRequest().ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ReadWriteDevices);

        var response = await http.SendAsync(request);

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal(new Uri("http://example.invalid/v1.0/policies/deviceRegistrationPolicy"), response.Headers.Location);
        AssertJsonEqual(DocExamples.GetResponse().Without("@odata.context"), Emulator.Tenant.DeviceRegistrationPolicy);
    }

    [Fact]
    public async Task Echo_authorization_puts_the_bearer_header_in_the_error_message()
    {
        Emulator.InjectFault(new Fault { Status = 400, EchoAuthorization = true });

        var response = await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices);

        Assert.Contains($"Bearer {ReadDevices}", await AssertGraphErrorAsync(response, 400, "invalidRequest"));
    }

    [Fact]
    public async Task Skip_spares_that_many_matching_requests_first()
    {
        Emulator.InjectFault(new Fault { Method = "GET", Status = 503, Skip = 1 });

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((int)(await SendAsync(HttpMethod.Get, DeviceRegistrationPath, ReadDevices)).StatusCode);
        }

        Assert.Equal([200, 503, 200], statuses);
    }
}
