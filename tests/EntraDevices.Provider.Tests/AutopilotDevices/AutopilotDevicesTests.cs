using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Resources.AutopilotDevices;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.AutopilotDevices;

/// <summary>
/// The set of devices end to end against the emulator: imports per chunk polled by page, state without hashes,
/// per-device failures that record the others and are retried alone, group tags and users through Graph's actions,
/// removals as declared, a changed hash, pending imports, refresh and import, destroy.
/// </summary>
public sealed class AutopilotDevicesTests : AutopilotDevicesHarness
{
    [Fact]
    public async Task Create_imports_in_chunks_polls_by_page_deletes_the_import_records_and_syncs_once()
    {
        var inputs = Csv("dev.csv", Row("SN-1", "Sales"), Row("SN-2"), Row("SN-3", user: "ana@contoso.com"));

        var created = await CreateAsync(inputs.With(DevicesProperties.GroupTag, Str("Corp")));

        var devices = Map(created.Outputs, DevicesProperties.Devices);
        var tenant = InTenant();
        Assert.Equal(["SN-1", "SN-2", "SN-3"], devices.Keys);
        Assert.Equal(3, (int)((NumberValue)created.Outputs.At(DevicesProperties.DeviceCount)!).Value);
        Assert.Equal(("Sales", "Corp", "ana@contoso.com"), ((string)tenant["SN-1"]["groupTag"]!, (string)tenant["SN-2"]["groupTag"]!, (string)tenant["SN-3"]["userPrincipalName"]!));
        Assert.StartsWith($"{tenant["SN-1"]["id"]}|", devices["SN-1"]);
        Assert.Equal(2, CallsTo("POST", "/import"));
        Assert.Equal(3, CallsTo("DELETE", ""));
        Assert.Equal(1, CallsTo("POST", "/windowsAutopilotSettings/sync"));
        Assert.Empty(Emulator.Tenant.Collection("deviceManagement/importedWindowsAutopilotDeviceIdentities").List());
        Assert.Contains("3 of 3 devices registered", Statuses);
        Assert.Contains(Notes, n => n.StartsWith("Autopilot sync started", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_hash_reaches_the_outputs_statuses_or_notes()
    {
        var created = await CreateAsync(Csv("dev.csv", Row("SN-1"), Row("SN-2")));

        var everything = string.Join("\n", Statuses.Concat(Notes).Concat(Texts(created.Outputs)));
        Assert.DoesNotContain(HashOf("SN-1"), everything);
        Assert.DoesNotContain(HashOf("SN-1")[..24], everything);
    }

    private static IEnumerable<string> Texts(PropertyValue value) => value.Plain switch
    {
        StringValue s => [s.Value],
        ObjectValue o => o.Properties.SelectMany(p => Texts(p.Value).Prepend(p.Key)),
        ArrayValue a => a.Items.SelectMany(Texts),
        _ => [],
    };

    [Fact]
    public async Task A_device_that_fails_does_not_fail_the_others_and_the_next_run_retries_only_it()
    {
        Autopilot.OtherTenantSerials.Add("SN-2");
        var inputs = Csv("dev.csv", Row("SN-1"), Row("SN-2"), Row("SN-3"));

        var failure = await Assert.ThrowsAsync<PartialFailure>(() => CreateAsync(inputs));

        Assert.Equal(["SN-1", "SN-3"], Map(failure.Outputs, DevicesProperties.Devices).Keys);
        Assert.StartsWith("ZtdDeviceAssignedToOtherTenant (808)", Map(failure.Outputs, DevicesProperties.Failed)["SN-2"]);
        Assert.Contains("1 device(s) are not registered: SN-2: ZtdDeviceAssignedToOtherTenant (808)", failure.Message);
        Assert.Contains("`pulumi up` retries only these", failure.Message);
        Assert.True(Guid.TryParse(failure.Id, out _));

        var diff = Diff(failure.Outputs, inputs);
        Assert.Equal([DevicesProperties.DevicePath("SN-2")], diff.Changes.Keys);
        Assert.Contains("1 of those to import failed before and are retried", Assert.Single(diff.Notes));

        Autopilot.OtherTenantSerials.Clear();
        Emulator.ClearRequests();
        var retried = await UpdateAsync(failure.Outputs, inputs);

        var import = JsonNode.Parse(Emulator.Requests.Single(r => r.Path.EndsWith("/import", StringComparison.Ordinal)).Body!)!;
        Assert.Equal(["SN-2"], import["importedWindowsAutopilotDeviceIdentities"]!.AsArray().Select(d => (string?)d!["serialNumber"]));
        Assert.Equal(["SN-1", "SN-2", "SN-3"], Map(retried, DevicesProperties.Devices).Keys);
        Assert.Empty(Map(retried, DevicesProperties.Failed));
    }

    [Fact]
    public async Task When_every_device_of_a_create_fails_nothing_is_recorded_and_the_error_names_each()
    {
        Autopilot.StorageErrorSerials.Add("SN-1");

        var failure = await Assert.ThrowsAsync<CleanFailure>(() => CreateAsync(Csv("dev.csv", Row("SN-1"))));

        Assert.Contains("SN-1: StorageError", failure.Message);
        Assert.Empty(InTenant());
    }

    [Fact]
    public async Task A_refused_import_on_create_registers_nothing_and_says_so()
    {
        Emulator.InjectFault(new Fault { Method = "POST", PathContains = "/import", Status = 403 });

        var failure = await Assert.ThrowsAsync<CleanFailure>(() => CreateAsync(Csv("dev.csv", Row("SN-1"), Row("SN-2"), Row("SN-3"))));

        Assert.Contains("DeviceManagementServiceConfig.ReadWrite.All", failure.Message);
        Assert.Contains("1 more device(s) of the CSV were not sent", failure.Message);
        Assert.EndsWith("Nothing was changed.", failure.Message);
        Assert.Empty(InTenant());
        Assert.Equal(1, CallsTo("POST", "/import"));
    }

    [Fact]
    public async Task An_import_throttled_with_retry_after_is_sent_again_and_registers_every_device()
    {
        // Issue #25: a 429 on the bulk import failed every device of its chunk; a 429 means nothing was accepted.
        Emulator.InjectFault(new Fault { Method = "POST", PathContains = "/import", Status = 429, RetryAfterSeconds = 0 });

        var created = await CreateAsync(Csv("dev.csv", Row("SN-1"), Row("SN-2"), Row("SN-3")));

        Assert.Equal(["SN-1", "SN-2", "SN-3"], Map(created.Outputs, DevicesProperties.Devices).Keys);
        Assert.Equal(3, InTenant().Count);
        // Two chunks of the harness's two devices, and the throttled one sent again.
        Assert.Equal(3, CallsTo("POST", "/import"));
    }

    [Fact]
    public async Task A_poll_answered_500_or_dropped_is_read_again_and_the_import_completes()
    {
        // Issue #25: one 500 on a poll stopped polling, and the up failed with every device pending. A poll is a read.
        Emulator.InjectFault(new Fault { Method = "GET", PathContains = "importedWindowsAutopilotDeviceIdentities", Status = 500 });
        Emulator.InjectFault(new Fault { Method = "GET", PathContains = "importedWindowsAutopilotDeviceIdentities", DropConnection = true });

        var created = await CreateAsync(Csv("dev.csv", Row("SN-1"), Row("SN-2")));

        Assert.Equal(["SN-1", "SN-2"], Map(created.Outputs, DevicesProperties.Devices).Keys);
        Assert.Equal(2, InTenant().Count);
    }

    [Fact]
    public async Task An_import_whose_answer_was_lost_is_found_by_its_import_id_followed_and_the_up_succeeds()
    {
        // Issue #25: every device was registered and recorded, and the up still failed with "failed to import".
        Emulator.InjectFault(new Fault { Method = "POST", PathContains = "/import", Skip = 1, ApplyThenDrop = true });

        var created = await CreateAsync(Csv("dev.csv", Row("SN-1"), Row("SN-2"), Row("SN-3"), Row("SN-4")));

        Assert.Equal(["SN-1", "SN-2", "SN-3", "SN-4"], Map(created.Outputs, DevicesProperties.Devices).Keys);
        Assert.Empty(Map(created.Outputs, DevicesProperties.Failed));
        Assert.Contains(Notes, n => n.Contains("All 2 device(s) of that import were found among the import records by this run's import id, so it was made once", StringComparison.Ordinal));
        Assert.Equal(2, CallsTo("POST", "/import"));
        Assert.Equal(4, InTenant().Count);
    }

    [Fact]
    public async Task An_import_lost_and_unreadable_records_its_devices_as_unknown_and_the_next_up_finds_them_registered()
    {
        // The answer is lost and every read of the import records fails too: nothing is known of SN-1 and SN-2.
        Emulator.InjectFault(new Fault { Method = "POST", PathContains = "/import", ApplyThenDrop = true });
        Emulator.InjectFault(new Fault { Method = "GET", PathContains = "importedWindowsAutopilotDeviceIdentities", Status = 503, Times = 50 });
        var inputs = Csv("dev.csv", Row("SN-1"), Row("SN-2"));

        var failure = await Assert.ThrowsAsync<PartialFailure>(() => CreateAsync(inputs));

        Assert.Contains("Whether the import of 2 device(s) was made is not known", failure.Message);
        Assert.Contains("run `pulumi up` again", failure.Message);
        Assert.Equal(DeviceImport.LostAnswer, Map(failure.Outputs, DevicesProperties.Failed)["SN-1"]);
        Assert.Equal(2, InTenant().Count);

        // The next up imports them again; Graph answers 806 for each, and each is found by serial number and recorded.
        Emulator.ClearFaults();
        var updated = await UpdateAsync(failure.Outputs, inputs);

        Assert.Equal(["SN-1", "SN-2"], Map(updated, DevicesProperties.Devices).Keys);
        Assert.All(Map(updated, DevicesProperties.Devices), d => Assert.StartsWith($"{InTenant()[d.Key]["id"]}|", d.Value));
        Assert.Empty(Map(updated, DevicesProperties.Failed));
        Assert.Empty(Diff(updated, inputs).Changes);
    }

    [Fact]
    public async Task Progress_counts_registered_and_failed_devices_apart_and_never_a_failed_one_as_imported()
    {
        // Issue #25: "11 of 11 devices imported" was shown when 6 registered.
        Autopilot.StorageErrorSerials.UnionWith(["SN-2", "SN-3"]);

        await Assert.ThrowsAsync<PartialFailure>(() => CreateAsync(Csv("dev.csv", Row("SN-1"), Row("SN-2"), Row("SN-3"))));

        Assert.Equal("1 of 3 devices registered, 2 failed", Statuses.Last(s => s.Contains("devices registered", StringComparison.Ordinal)));
        Assert.DoesNotContain(Statuses, s => s.StartsWith("3 of 3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_group_tag_change_keeps_that_device_as_it_was_and_the_next_diff_shows_it_again()
    {
        var created = await CreateAsync(Csv("dev.csv", Row("SN-1"), Row("SN-2")));
        Emulator.InjectFault(new Fault { Method = "POST", PathContains = "updateDeviceProperties", Status = 400 });
        var changed = Csv("dev.csv", Row("SN-1", "Lab"), Row("SN-2", "Lab"));

        var failure = await Assert.ThrowsAsync<PartialFailure>(() => UpdateAsync(created.Outputs, changed));

        Assert.Contains("Could not update Autopilot device SN-1", failure.Message);
        Assert.Equal([DevicesProperties.DevicePath("SN-1")], Diff(failure.Outputs, changed).Changes.Keys);
        Assert.Equal("Lab", (string)InTenant()["SN-2"]["groupTag"]!);
    }

    [Fact]
    public async Task A_new_group_tag_or_user_goes_through_the_device_actions_not_a_reimport()
    {
        var first = Csv("dev.csv", Row("SN-1", "Sales", "ana@contoso.com"), Row("SN-2", user: "bo@contoso.com"), Row("SN-3"));
        var created = await CreateAsync(first);
        Emulator.ClearRequests();

        var second = Csv("dev.csv", Row("SN-1", "Lab", "ana@contoso.com"), Row("SN-2"), Row("SN-3", user: "cy@contoso.com"));
        var diff = Diff(created.Outputs, second);
        var updated = await UpdateAsync(created.Outputs, second);

        Assert.Equal(3, diff.Changes.Count);
        Assert.All(diff.Changes.Values, change => Assert.Equal(PropertyChange.Update, change));
        Assert.Equal(0, CallsTo("POST", "/import"));
        Assert.Equal(1, CallsTo("POST", "/updateDeviceProperties"));
        Assert.Equal(1, CallsTo("POST", "/unassignUserFromDevice"));
        Assert.Equal(1, CallsTo("POST", "/assignUserToDevice"));
        var tenant = InTenant();
        Assert.Equal(("Lab", "", "cy@contoso.com"), ((string)tenant["SN-1"]["groupTag"]!, (string)tenant["SN-2"]["userPrincipalName"]!, (string)tenant["SN-3"]["userPrincipalName"]!));
        Assert.Empty(Diff(updated, second).Changes);
    }

    [Fact]
    public async Task Removed_devices_stay_registered_by_default_and_leave_the_stack()
    {
        var created = await CreateAsync(Csv("dev.csv", Row("SN-1"), Row("SN-2")));
        Emulator.ClearRequests();

        var updated = await UpdateAsync(created.Outputs, Csv("dev.csv", Row("SN-1")));

        Assert.Equal(["SN-1"], Map(updated, DevicesProperties.Devices).Keys);
        Assert.Equal(2, InTenant().Count);
        Assert.Equal(0, CallsTo("DELETE", ""));
        Assert.Contains(Notes, n => n.Contains("stay registered in Autopilot (whenRemoved: keep): SN-2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_delete_a_removed_device_is_deleted_but_an_enrolled_one_never_and_the_error_names_it()
    {
        var csv = Csv("dev.csv", Row("SN-1"), Row("SN-2"), Row("SN-3")).With(DevicesProperties.WhenRemoved, Str(DevicesProperties.Delete));
        var created = await CreateAsync(csv);
        var enrolled = InTenant()["SN-3"];
        Emulator.Tenant.Collection(DevicesPath).Patch((string)enrolled["id"]!, new JsonObject { ["managedDeviceId"] = Guid.NewGuid().ToString(), ["enrollmentState"] = "enrolled" });

        var failure = await Assert.ThrowsAsync<PartialFailure>(() =>
            UpdateAsync(created.Outputs, Csv("dev.csv", Row("SN-1")).With(DevicesProperties.WhenRemoved, Str(DevicesProperties.Delete))));

        Assert.Equal(["SN-1", "SN-3"], InTenant().Keys.Order());
        Assert.Equal(["SN-1", "SN-3"], Map(failure.Outputs, DevicesProperties.Devices).Keys);
        Assert.Contains($"enrolled in Intune and were not deleted (an enrolled device is never deleted): SN-3 ({enrolled["id"]})", failure.Message);
    }

    [Fact]
    public async Task A_changed_hash_deletes_the_old_record_and_imports_the_device_again()
    {
        var created = await CreateAsync(Csv("dev.csv", Row("SN-1"), Row("SN-2")));
        var before = (string)InTenant()["SN-1"]["id"]!;

        var changed = Csv("dev.csv", Row("SN-1", version: 2), Row("SN-2"));
        Assert.Equal([DevicesProperties.DevicePath("SN-1")], Diff(created.Outputs, changed).Changes.Keys);
        var updated = await UpdateAsync(created.Outputs, changed);

        var after = (string)InTenant()["SN-1"]["id"]!;
        Assert.NotEqual(before, after);
        Assert.StartsWith($"{after}|", Map(updated, DevicesProperties.Devices)["SN-1"]);
        Assert.Empty(Diff(updated, changed).Changes);
    }

    [Fact]
    public async Task Imports_still_pending_when_the_time_runs_out_are_recorded_and_the_next_run_settles_them()
    {
        Autopilot.PendingReads = 1_000;
        var inputs = Csv("dev.csv", Row("SN-1"));
        // The engine's timeout runs out right after the first poll, whatever the machine's speed.
        using var time = new CancellationTokenSource();
        var operation = new Operation(time.Token, status =>
        {
            if (status.Contains("devices registered", StringComparison.Ordinal))
            {
                time.Cancel();
            }

            return Task.CompletedTask;
        });

        var failure = await Assert.ThrowsAsync<PartialFailure>(() => Resource().CreateAsync(new ResourceCreate(Urn, inputs, false), operation));

        Assert.StartsWith("pending:", Map(failure.Outputs, DevicesProperties.Devices)["SN-1"]);
        Assert.Contains("still pending", failure.Message);
        Assert.Equal(PropertyChange.Update, Diff(failure.Outputs, inputs).Changes[DevicesProperties.DevicePath("SN-1")]);

        var record = Emulator.Tenant.Collection("deviceManagement/importedWindowsAutopilotDeviceIdentities").List().Single();
        Emulator.Tenant.Collection("deviceManagement/importedWindowsAutopilotDeviceIdentities").Progress((string)record["id"]!, "state.deviceImportStatus", "complete");
        Emulator.Tenant.Collection("deviceManagement/importedWindowsAutopilotDeviceIdentities").Patch((string)record["id"]!, new JsonObject
        {
            ["state"] = new JsonObject { ["deviceImportStatus"] = "pending", ["deviceRegistrationId"] = (string)InTenant()["SN-1"]["id"]! },
        });
        Emulator.ClearRequests();
        var settled = await UpdateAsync(failure.Outputs, inputs);

        Assert.StartsWith($"{InTenant()["SN-1"]["id"]}|", Map(settled, DevicesProperties.Devices)["SN-1"]);
        Assert.Equal(0, CallsTo("POST", "/import"));
        Assert.Empty(Emulator.Tenant.Collection("deviceManagement/importedWindowsAutopilotDeviceIdentities").List());
    }

    [Fact]
    public async Task A_refresh_right_after_an_up_under_replica_lag_keeps_every_device_it_registered()
    {
        // Issue #25: with the lag Graph documents for Intune, up then refresh recorded 0 devices, and the next up
        // imported them all again (806 each). The list lags for three reads after each import; the fourth is current.
        Emulator.InjectFault(new Fault { Method = "POST", PathContains = "/import", StaleReads = 3, StalePath = DeviceListPath, Times = 2 });
        var inputs = Csv("dev.csv", Row("SN-1"), Row("SN-2"), Row("SN-3"));
        var created = await CreateAsync(inputs);
        var before = CallsTo("GET", DevicesPath);

        var read = await ReadAsync(Resource(), created.Id, created.Outputs, inputs);

        Assert.Equal(["SN-1", "SN-2", "SN-3"], Map(read.Outputs, DevicesProperties.Devices).Keys);
        Assert.Empty(Diff(read.Outputs, inputs).Changes);
        // Three lagging reads, each followed by a wait, then the current one.
        Assert.Equal(4, CallsTo("GET", DevicesPath) - before);
    }

    [Fact]
    public async Task Refresh_drops_devices_deleted_outside_pulumi_and_records_tags_changed_there()
    {
        var inputs = Csv("dev.csv", Row("SN-1", "Sales"), Row("SN-2"));
        var created = await CreateAsync(inputs);
        var tenant = InTenant();
        Emulator.Tenant.Collection(DevicesPath).Delete((string)tenant["SN-2"]["id"]!);
        Emulator.Tenant.Collection(DevicesPath).Patch((string)tenant["SN-1"]["id"]!, new JsonObject { ["groupTag"] = "Changed" });

        var read = await ReadAsync(Resource(), created.Id, created.Outputs, inputs);

        Assert.Equal(created.Id, read.Id);
        Assert.EndsWith("|Changed", Map(read.Outputs, DevicesProperties.Devices)["SN-1"]);
        Assert.DoesNotContain("SN-2", Map(read.Outputs, DevicesProperties.Devices).Keys);
        Assert.Equal([DevicesProperties.DevicePath("SN-1"), DevicesProperties.DevicePath("SN-2")], Diff(read.Outputs, inputs).Changes.Keys.Order());
    }

    [Fact]
    public async Task Import_brings_devices_in_by_serial_numbers_or_by_group_tag()
    {
        await CreateAsync(Csv("dev.csv", Row("SN-1", "Sales"), Row("SN-2", "Sales"), Row("SN-3", "Lab")));

        var bySerials = await ReadAsync(Resource(), "serials:SN-1,SN-3", ObjectValue.Empty, ObjectValue.Empty);
        var byTag = await ReadAsync(Resource(), "groupTag:Sales", ObjectValue.Empty, ObjectValue.Empty);
        var missing = await Assert.ThrowsAsync<CleanFailure>(() => ReadAsync(Resource(), "serials:SN-9", ObjectValue.Empty, ObjectValue.Empty));

        Assert.Equal(["SN-1", "SN-3"], Map(bySerials.Outputs, DevicesProperties.Devices).Keys);
        Assert.Equal(["SN-1", "SN-2"], Map(byTag.Outputs, DevicesProperties.Devices).Keys);
        Assert.Equal("Sales", ((StringValue)byTag.Inputs.At(DevicesProperties.GroupTag)!).Value);
        Assert.Contains("SN-9", missing.Message);
        // A serial named twice, in any case, is one device.
        Assert.Equal(["SN-1"], Map((await ReadAsync(Resource(), "serials:SN-1,sn-1,SN-1", ObjectValue.Empty, ObjectValue.Empty)).Outputs, DevicesProperties.Devices).Keys);
        // The tenant never tells a hash: the CSV's rows match what was imported, so the next up imports nothing.
        Assert.Empty(Diff(bySerials.Outputs, Csv("dev.csv", Row("SN-1", "Sales"), Row("SN-3", "Lab"))).Changes);
    }

    [Fact]
    public async Task Import_of_all_brings_in_every_device_of_the_tenant_without_declaring_a_group_tag()
    {
        await CreateAsync(Csv("dev.csv", Row("SN-1", "Sales"), Row("SN-2"), Row("SN-3", "Lab")));

        var all = await ReadAsync(Resource(), "all", ObjectValue.Empty, ObjectValue.Empty);
        var wrong = await Assert.ThrowsAsync<CleanFailure>(() => ReadAsync(Resource(), "every", ObjectValue.Empty, ObjectValue.Empty));

        Assert.Equal(["SN-1", "SN-2", "SN-3"], Map(all.Outputs, DevicesProperties.Devices).Keys.Order());
        Assert.Null(all.Inputs.At(DevicesProperties.GroupTag));
        Assert.Equal("keep", ((StringValue)all.Inputs.At(DevicesProperties.WhenRemoved)!).Value);
        Assert.Contains("accepted: all (every Autopilot device of the tenant), serials:SN1,SN2 (serial numbers) or groupTag:<group tag>", wrong.Message, StringComparison.Ordinal);
        // Each row carries its own tag, as the tenant holds it: nothing to import or change.
        Assert.Empty(Diff(all.Outputs, Csv("dev.csv", Row("SN-1", "Sales"), Row("SN-2"), Row("SN-3", "Lab"))).Changes);
    }

    [Fact]
    public async Task A_sync_run_within_ten_minutes_is_told_not_failed()
    {
        await CreateAsync(Csv("a.csv", Row("SN-1")));
        Notes.Clear();

        await CreateAsync(Csv("b.csv", Row("SN-2")));

        Assert.Contains(Notes, n => n.Contains("already running (409)", StringComparison.Ordinal) || n.Contains("answered the Autopilot sync with 429", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sample_csv_of_the_repository_checks_and_imports_with_its_user_and_group_tag()
    {
        Directories.StartIn(Repository.Root);
        var inputs = ObjectValue.Of((DevicesProperties.Csv, new AssetValue("sample", Path: "devices/samples/synthetic-3.csv")));
        Assert.Empty(Check(inputs).Failures);

        var created = await CreateAsync(inputs.With(DevicesProperties.GroupTag, Str("Sample")));

        var tenant = InTenant();
        Assert.Equal(["SYNTH-0001", "SYNTH-0002", "SYNTH-0003"], tenant.Keys.Order());
        Assert.Equal(("Sample", "adele.vance@contoso.com", "Lab"),
            ((string)tenant["SYNTH-0001"]["groupTag"]!, (string)tenant["SYNTH-0002"]["userPrincipalName"]!, (string)tenant["SYNTH-0003"]["groupTag"]!));
        Assert.Equal(3, (int)((NumberValue)created.Outputs.At(DevicesProperties.DeviceCount)!).Value);
    }

    [Fact]
    public async Task Destroy_keeps_the_devices_registered_by_default_and_deletes_them_when_declared()
    {
        var kept = await CreateAsync(Csv("a.csv", Row("SN-1")));
        var deleted = await CreateAsync(Csv("b.csv", Row("SN-2")).With(DevicesProperties.WhenRemoved, Str(DevicesProperties.Delete)));
        Emulator.ClearRequests();

        await Resource().DeleteAsync(new ResourceDelete(Urn, kept.Id, kept.Outputs, ObjectValue.Empty), Watched());
        Assert.Empty(Emulator.Requests);
        await Resource().DeleteAsync(new ResourceDelete(Urn, deleted.Id, deleted.Outputs, ObjectValue.Empty), Watched());

        Assert.Equal(["SN-1"], InTenant().Keys);
    }
}
