using System.Diagnostics;
using System.Text.Json.Nodes;
using EntraDevices.Graph.AutopilotDevices;
using EntraDevices.Graph.Connection;
using EntraDevices.GraphEmulator;
using EmulatorHost = EntraDevices.GraphEmulator.GraphEmulator;

namespace EntraDevices.Graph.Tests.AutopilotDevices;

/// <summary>
/// The Autopilot device calls: one import per chunk, polls by page, the user and tag actions, the sync's answers, and
/// the bulk delete by serial number with each serial's own outcome.
/// </summary>
public sealed class AutopilotDeviceClientTests : IAsyncLifetime
{
    private static readonly string Hash = Convert.ToBase64String(new byte[64]);
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private AutopilotDeviceClient Client(string role = "DeviceManagementServiceConfig.ReadWrite.All", GraphTuning? tuning = null) =>
        new(EmulatedGraph.Connect(_emulator, TestTokens.WithRoles(role), tuning));

    private const string DeleteDevicesPath = "/v1.0/deviceManagement/windowsAutopilotDeviceIdentities/deleteDevices";

    /// <summary>A device record in the emulated tenant, as an import leaves it or enrolled in Intune.</summary>
    private string Register(string serial, bool enrolled = false) =>
        (string)_emulator.Tenant.Collection(AutopilotDeviceClient.DevicesPath).Create(new JsonObject
        {
            ["serialNumber"] = serial,
            ["enrollmentState"] = enrolled ? "enrolled" : "notContacted",
            ["managedDeviceId"] = enrolled ? Guid.NewGuid().ToString() : Guid.Empty.ToString(),
        })["id"]!;

    private static DeviceToImport Device(string serial, string? tag = null, string? user = null) => new(serial, null, Hash, tag, user);

    [Fact]
    public async Task A_chunk_is_one_request_and_a_poll_reads_every_record_by_page_not_by_device()
    {
        _emulator.Tenant.PageSize = 2;
        _emulator.Tenant.AutopilotImport.PendingReads = 1;
        var client = Client();

        var records = await client.ImportAsync([Device("A"), Device("B"), Device("C")], "import-1", CancellationToken.None);
        var first = await client.ImportRecordsAsync(CancellationToken.None);
        var second = await client.ImportRecordsAsync(CancellationToken.None);

        Assert.Equal(["A", "B", "C"], records.Select(r => r.SerialNumber));
        Assert.All(first, r => Assert.Equal("pending", r.Status));
        Assert.All(second, r => Assert.True(r.Succeeded && r.DeviceId is { Length: > 0 }));
        // One import, then two pages per poll.
        Assert.Equal(5, _emulator.Requests.Count);
        Assert.Equal(("POST", "/v1.0/deviceManagement/importedWindowsAutopilotDeviceIdentities/import"), (_emulator.Requests[0].Method, _emulator.Requests[0].Path));
    }

    [Fact]
    public async Task A_long_device_list_tells_its_progress_after_each_page_but_the_last()
    {
        var client = Client();
        await client.ImportAsync([Device("A"), Device("B"), Device("C"), Device("D"), Device("E")], "import-1", CancellationToken.None);
        _emulator.Tenant.PageSize = 2;
        var told = new List<int>();

        var devices = await client.DevicesAsync(CancellationToken.None, count =>
        {
            told.Add(count);
            return Task.CompletedTask;
        });

        Assert.Equal(5, devices.Count);
        Assert.Equal([2, 4], told);
    }

    [Fact]
    public async Task The_device_record_carries_the_group_tag_and_user_and_the_actions_change_them()
    {
        _emulator.Tenant.AutopilotImport.PendingReads = 0;
        var client = Client();
        await client.ImportAsync([Device("A", "Sales", "ana@contoso.com")], "import-1", CancellationToken.None);
        var id = (await client.ImportRecordsAsync(CancellationToken.None)).Single().DeviceId!;

        var imported = await client.DeviceAsync(id, CancellationToken.None);
        await client.SetGroupTagAsync(id, "A", "Lab", CancellationToken.None);
        await client.UnassignUserAsync(id, "A", CancellationToken.None);
        var changed = await client.DeviceAsync(id, CancellationToken.None);
        await client.AssignUserAsync(id, "A", "bo@contoso.com", CancellationToken.None);

        Assert.Equal(("Sales", "ana@contoso.com", false), (imported!.GroupTag, imported.UserPrincipalName, imported.Enrolled));
        Assert.Equal(("Lab", null), (changed!.GroupTag, changed.UserPrincipalName));
        Assert.Equal("bo@contoso.com", (await client.DevicesAsync(CancellationToken.None)).Single().UserPrincipalName);
    }

    [Fact]
    public async Task A_failed_device_names_its_error_and_what_to_do()
    {
        _emulator.Tenant.AutopilotImport.PendingReads = 0;
        _emulator.Tenant.AutopilotImport.OtherTenantSerials.Add("OTHER");
        var client = Client();

        await client.ImportAsync([Device("OTHER")], "import-1", CancellationToken.None);
        var record = (await client.ImportRecordsAsync(CancellationToken.None)).Single();

        Assert.False(record.Succeeded);
        Assert.StartsWith("ZtdDeviceAssignedToOtherTenant (808): it is registered to another tenant", record.Reason);
    }

    [Fact]
    public async Task A_sync_throttled_with_a_short_retry_after_is_sent_again_and_starts()
    {
        // Issue #25: a 429 with Retry-After 1 s was taken for "a sync ran within 10 minutes"; a 429 means nothing was done.
        _emulator.InjectFault(new Fault { Method = "POST", PathContains = "windowsAutopilotSettings/sync", Status = 429, RetryAfterSeconds = 1 });

        Assert.Equal(SyncOutcome.Started, await Client().SyncAsync(CancellationToken.None));
        Assert.Equal([429, 204], _emulator.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task A_sync_running_or_run_within_ten_minutes_is_an_answer_not_a_failure()
    {
        var client = Client();

        var outcomes = new[] { await client.SyncAsync(CancellationToken.None), await client.SyncAsync(CancellationToken.None) };
        _emulator.Tenant.AutopilotImport.SyncDuration = TimeSpan.Zero;
        var later = await client.SyncAsync(CancellationToken.None);

        Assert.Equal([SyncOutcome.Started, SyncOutcome.AlreadyRunning], outcomes);
        Assert.Equal(SyncOutcome.RanRecently, later);
        // Neither answer is retried: the sync is never sent twice for one call.
        Assert.Equal(3, _emulator.Requests.Count);
    }

    [Fact]
    public async Task Import_records_are_deleted_one_by_one_and_one_already_gone_is_done()
    {
        _emulator.Tenant.AutopilotImport.PendingReads = 0;
        var client = Client();
        var record = (await client.ImportAsync([Device("A")], "import-1", CancellationToken.None)).Single();

        await client.DeleteImportRecordAsync(record.Id, CancellationToken.None);
        await client.DeleteImportRecordAsync(record.Id, CancellationToken.None);

        Assert.Empty(await client.ImportRecordsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Delete_devices_is_one_request_of_serials_only_and_answers_each_serial_in_the_order_asked()
    {
        var kept = Register("KEEP-1");
        var gone = Register("GONE-1");
        var enrolled = Register("ENR-1", enrolled: true);

        var deletions = await Client().DeleteDevicesAsync(["gone-1", "ENR-1", "NOBODY-1"], CancellationToken.None);

        Assert.Equal(
            [("gone-1", DeletionOutcome.Deleted, gone), ("ENR-1", DeletionOutcome.Refused, enrolled), ("NOBODY-1", DeletionOutcome.Refused, null)],
            deletions.Select(d => (d.SerialNumber, d.Outcome, d.DeviceId)));
        Assert.Contains("enrolled in Intune", deletions[1].ErrorMessage);
        Assert.StartsWith("Autopilot device NOBODY-1: not deleted (failed): ", deletions[2].Reason);
        var request = Assert.Single(_emulator.Requests);
        Assert.Equal(("POST", DeleteDevicesPath), (request.Method, request.Path));
        // The body names the serials and nothing else: no hash, no id.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"serialNumbers":["gone-1","ENR-1","NOBODY-1"]}"""), JsonNode.Parse(request.Body!)));
        Assert.Equal([kept, enrolled], (await Client().DevicesAsync(CancellationToken.None)).Select(d => d.Id));
    }

    [Fact]
    public async Task Every_state_graph_may_answer_is_an_outcome_and_a_serial_the_answer_leaves_out_is_unknown()
    {
        _emulator.InjectFault(new Fault
        {
            Method = "POST",
            PathContains = "deleteDevices",
            ApplyThenBody = """
                {"value":[
                  {"serialNumber":"s-accepted","deviceRegistrationId":"id-1","deletionState":"accepted","errorMessage":null},
                  {"serialNumber":"S-FAILED","deviceRegistrationId":"id-2","deletionState":"failed","errorMessage":"The device is enrolled."},
                  {"serialNumber":"S-ERROR","deletionState":"error","errorMessage":"Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2lnbmF0dXJl echoed"},
                  {"serialNumber":"S-UNKNOWN","deletionState":"unknown"},
                  {"serialNumber":"S-NEW","deletionState":"somethingGraphAddsLater"},
                  {"serialNumber":"S-BOTH","deletionState":"accepted"},
                  {"serialNumber":"S-BOTH","deletionState":"failed","errorMessage":"Second record kept."},
                  {"serialNumber":"NOT-ASKED","deletionState":"accepted"},
                  {"deletionState":"accepted"}
                ]}
                """,
        });

        var deletions = await Client().DeleteDevicesAsync(
            ["S-ACCEPTED", "S-FAILED", "S-ERROR", "S-UNKNOWN", "S-NEW", "S-BOTH", "S-MISSING"], CancellationToken.None);

        Assert.Equal(
            [
                ("S-ACCEPTED", DeletionOutcome.Deleted, "id-1"), ("S-FAILED", DeletionOutcome.Refused, "id-2"), ("S-ERROR", DeletionOutcome.Refused, null),
                ("S-UNKNOWN", DeletionOutcome.Unknown, null), ("S-NEW", DeletionOutcome.Unknown, null), ("S-BOTH", DeletionOutcome.Refused, null),
                ("S-MISSING", DeletionOutcome.Unknown, null),
            ],
            deletions.Select(d => (d.SerialNumber, d.Outcome, d.DeviceId)));
        Assert.Equal("Autopilot device S-FAILED: not deleted (failed): The device is enrolled.", deletions[1].Reason);
        // Graph's per-device text may reach a person: a token echoed in it is taken out.
        Assert.Equal("Bearer [redacted] echoed", deletions[2].ErrorMessage);
        Assert.Contains("Graph answered 'unknown'", deletions[3].Reason);
        Assert.Equal("Second record kept.", deletions[5].ErrorMessage);
        Assert.Null(deletions[6].State);
        Assert.Contains("gave it no state", deletions[6].Reason);
    }

    [Fact]
    public async Task More_than_one_hundred_serials_an_empty_one_or_one_named_twice_are_refused_before_any_request()
    {
        var client = Client();
        var tooMany = Enumerable.Range(0, AutopilotDeviceClient.MaxSerialsPerDelete + 1).Select(i => $"SER-{i}").ToList();

        var over = await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteDevicesAsync(tooMany, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteDevicesAsync(["A", " "], CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteDevicesAsync(["A", "a"], CancellationToken.None));
        var none = await client.DeleteDevicesAsync([], CancellationToken.None);

        Assert.Equal(100, AutopilotDeviceClient.MaxSerialsPerDelete);
        Assert.Contains("at most 100", over.Message);
        Assert.Empty(none);
        Assert.Empty(_emulator.Requests);
        var hundred = await client.DeleteDevicesAsync(tooMany[..100], CancellationToken.None);
        Assert.Equal(100, hundred.Count);
        Assert.Single(_emulator.Requests);
    }

    [Fact]
    public async Task A_403_names_the_read_write_permission_and_the_read_permission_microsofts_page_lists()
    {
        Register("A");

        var error = await Assert.ThrowsAsync<GraphRequestException>(() =>
            Client("DeviceManagementServiceConfig.Read.All").DeleteDevicesAsync(["A"], CancellationToken.None));

        Assert.Equal((403, GraphFailureKind.Rejected), (error.Status, error.Kind));
        Assert.Contains("needs the Microsoft Graph permission DeviceManagementServiceConfig.ReadWrite.All", error.Message);
        Assert.Contains("lists only DeviceManagementServiceConfig.Read.All", error.Message);
        Assert.NotNull(error.RequestId);
    }

    [Fact]
    public async Task A_429_is_waited_out_as_retry_after_says_then_sent_again()
    {
        var id = Register("A");
        _emulator.InjectFault(new Fault { Method = "POST", PathContains = "deleteDevices", Status = 429, RetryAfterSeconds = 1 });
        var clock = Stopwatch.StartNew();

        var deletion = Assert.Single(await Client().DeleteDevicesAsync(["A"], CancellationToken.None));

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"resent after {clock.Elapsed}, before the 1 s Retry-After");
        Assert.Equal((DeletionOutcome.Deleted, id), (deletion.Outcome, deletion.DeviceId));
        Assert.Equal([429, 200], _emulator.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_the_longest_wait_fails_the_call_with_the_429()
    {
        Register("A");
        _emulator.InjectFault(new Fault { Method = "POST", PathContains = "deleteDevices", Status = 429, RetryAfterSeconds = 30 });

        var error = await Assert.ThrowsAsync<GraphRequestException>(() =>
            Client(tuning: new GraphTuning { RetryDelay = TimeSpan.Zero, MaxThrottleWait = TimeSpan.FromSeconds(5) }).DeleteDevicesAsync(["A"], CancellationToken.None));

        Assert.Equal(429, error.Status);
        Assert.Single(_emulator.Requests);
    }

    [Fact]
    public async Task A_lost_answer_is_never_resent_as_a_second_send_would_call_the_deleted_devices_not_registered()
    {
        Register("A");
        _emulator.InjectFault(new Fault { Method = "POST", PathContains = "deleteDevices", ApplyThenStatus = 503, RetryAfterSeconds = 0 });

        var error = await Assert.ThrowsAsync<GraphRequestException>(() => Client().DeleteDevicesAsync(["A"], CancellationToken.None));

        Assert.True(error.OutcomeUnknown);
        Assert.Single(_emulator.Requests);
        Assert.Empty(await Client().DevicesAsync(CancellationToken.None));
    }
}
