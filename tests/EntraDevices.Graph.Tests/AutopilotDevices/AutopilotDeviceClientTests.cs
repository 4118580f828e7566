using EntraDevices.Graph.AutopilotDevices;
using EntraDevices.GraphEmulator;
using EmulatorHost = EntraDevices.GraphEmulator.GraphEmulator;

namespace EntraDevices.Graph.Tests.AutopilotDevices;

/// <summary>The Autopilot device calls: one import per chunk, polls by page, the user and tag actions, and the sync's answers.</summary>
public sealed class AutopilotDeviceClientTests : IAsyncLifetime
{
    private static readonly string Hash = Convert.ToBase64String(new byte[64]);
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private AutopilotDeviceClient Client() => new(EmulatedGraph.Connect(_emulator, TestTokens.WithRoles("DeviceManagementServiceConfig.ReadWrite.All")));

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
}
