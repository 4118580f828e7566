using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;
using EntraDevices.GraphEmulator.Documents;

namespace EntraDevices.Graph.Tests.Emulator;

/// <summary>Autopilot device import and bulk delete as the journey doc (§2) describes them, and the choices the emulator pins.</summary>
public class AutopilotDevicesTests : EmulatorTest
{
    private const string Imports = "/v1.0/deviceManagement/importedWindowsAutopilotDeviceIdentities";
    private const string Devices = "/v1.0/deviceManagement/windowsAutopilotDeviceIdentities";
    private static readonly string Manage = TestTokens.WithRoles("DeviceManagementServiceConfig.ReadWrite.All");
    private static readonly string Hash = Convert.ToBase64String(new byte[64]);

    private async Task<JsonArray> ImportAsync(params (string Serial, string Hash)[] devices)
    {
        var body = new JsonObject
        {
            ["importedWindowsAutopilotDeviceIdentities"] = new JsonArray([.. devices.Select(d => (JsonNode)new JsonObject
            {
                ["serialNumber"] = d.Serial, ["hardwareIdentifier"] = d.Hash, ["groupTag"] = "Corp",
            })]),
        };
        var response = await SendAsync(HttpMethod.Post, $"{Imports}/import", Manage, body.ToJsonString());
        Assert.Equal(200, (int)response.StatusCode);
        return (await JsonAsync(response))["value"]!.AsArray();
    }

    private const string DeleteDevices = $"{Devices}/deleteDevices";

    /// <summary>A device record as an import leaves it, or enrolled (a managed device id other than all zeros).</summary>
    private string Register(string serial, bool enrolled = false) =>
        (string)Emulator.Tenant.Collection("deviceManagement/windowsAutopilotDeviceIdentities").Create(new JsonObject
        {
            ["serialNumber"] = serial,
            ["enrollmentState"] = enrolled ? "enrolled" : "notContacted",
            ["managedDeviceId"] = enrolled ? Guid.NewGuid().ToString() : "00000000-0000-0000-0000-000000000000",
        })["id"]!;

    private static string SerialsBody(params string[] serials) =>
        new JsonObject { ["serialNumbers"] = new JsonArray([.. serials.Select(s => (JsonNode)s)]) }.ToJsonString();

    private async Task<List<JsonObject>> DeleteDevicesAsync(string path, params string[] serials)
    {
        var response = await SendAsync(HttpMethod.Post, path, Manage, SerialsBody(serials));
        Assert.Equal(200, (int)response.StatusCode);
        return [.. (await JsonAsync(response))["value"]!.AsArray().Select(state => state!.AsObject())];
    }

    private IEnumerable<string?> RegisteredSerials() =>
        Emulator.Tenant.Collection("deviceManagement/windowsAutopilotDeviceIdentities").List().Select(d => (string?)d["serialNumber"]);

    private async Task<JsonObject> StateAsync(string id) => (await JsonAsync(await SendAsync(HttpMethod.Get, $"{Imports}/{id}", Manage)))["state"]!.AsObject();

    [Fact]
    public async Task An_import_stays_pending_for_the_configured_reads_then_completes_with_the_device_id()
    {
        Emulator.Tenant.AutopilotImport.PendingReads = 2;
        var record = (await ImportAsync(("SER-1", Hash)))[0]!;

        var states = new List<string>();
        JsonObject last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await StateAsync((string)record["id"]!);
            states.Add((string)last["deviceImportStatus"]!);
        }

        Assert.Equal(["pending", "pending", "complete"], states);
        var device = await JsonAsync(await SendAsync(HttpMethod.Get, $"{Devices}/{last["deviceRegistrationId"]}", Manage));
        Assert.Equal("SER-1", (string?)device["serialNumber"]);
        Assert.Equal("Corp", (string?)device["groupTag"]);
    }

    [Fact]
    public async Task Each_device_fails_on_its_own_with_the_documented_names_and_codes()
    {
        Emulator.Tenant.AutopilotImport.PendingReads = 0;
        Emulator.Tenant.AutopilotImport.OtherTenantSerials.Add("OTHER-1");
        Emulator.Tenant.AutopilotImport.StorageErrorSerials.Add("STORE-1");
        await ImportAsync(("KNOWN-1", Hash));

        var records = await ImportAsync(("KNOWN-1", Hash), ("OTHER-1", Hash), ("STORE-1", Hash), ("BAD-1", "not*base64"), ("TWICE-1", Hash), ("TWICE-1", Hash), ("GOOD-1", Hash));
        var states = new List<(string?, int)>();
        foreach (var record in records)
        {
            var state = await StateAsync((string)record!["id"]!);
            states.Add(((string?)state["deviceErrorName"], (int)state["deviceErrorCode"]!));
        }

        Assert.Equal(
            [("ZtdDeviceAlreadyAssigned", 806), ("ZtdDeviceAssignedToOtherTenant", 808), ("StorageError", 0), ("InvalidZtdHardwareHash", 0), (null, 0), ("ZtdDeviceDuplicated", 0), (null, 0)],
            states);
    }

    [Fact]
    public async Task Devices_are_filtered_by_contains_not_eq_and_a_hyphen_in_contains_is_refused()
    {
        Emulator.Tenant.AutopilotImport.PendingReads = 0;
        await ImportAsync(("ABC123", Hash), ("XYZ789", Hash));

        Assert.Equal(400, (int)(await SendAsync(HttpMethod.Get, $"{Devices}?$filter=serialNumber eq 'ABC123'", Manage)).StatusCode);
        Assert.Equal(400, (int)(await SendAsync(HttpMethod.Get, $"{Devices}?$filter=contains(serialNumber,'AB-C')", Manage)).StatusCode);
        var found = await JsonAsync(await SendAsync(HttpMethod.Get, $"{Devices}?$filter=contains(serialNumber,'abc')", Manage));
        Assert.Equal(["ABC123"], found["value"]!.AsArray().Select(d => (string?)d!["serialNumber"]));
    }

    [Fact]
    public async Task The_sync_answers_409_while_one_runs_and_429_within_ten_minutes()
    {
        const string Sync = "/beta/deviceManagement/windowsAutopilotSettings/sync";
        Emulator.Tenant.AutopilotImport.SyncDuration = TimeSpan.FromMinutes(1);

        Assert.Equal(204, (int)(await SendAsync(HttpMethod.Post, Sync, Manage)).StatusCode);
        Assert.Equal(409, (int)(await SendAsync(HttpMethod.Post, Sync, Manage)).StatusCode);
        Emulator.Tenant.AutopilotImport.SyncDuration = TimeSpan.Zero;
        Assert.Equal(429, (int)(await SendAsync(HttpMethod.Post, Sync, Manage)).StatusCode);
    }

    [Fact]
    public async Task Deleting_an_enrolled_device_is_refused_with_400_a_choice_the_docs_leave_open()
    {
        Emulator.Tenant.AutopilotImport.PendingReads = 0;
        var state = await StateAsync((string)(await ImportAsync(("ENR-1", Hash)))[0]!["id"]!);
        var id = (string)state["deviceRegistrationId"]!;
        Emulator.Tenant.Collection("deviceManagement/windowsAutopilotDeviceIdentities").Patch(id, new JsonObject { ["managedDeviceId"] = Guid.NewGuid().ToString() });

        Assert.Equal(400, (int)(await SendAsync(HttpMethod.Delete, $"{Devices}/{id}", Manage)).StatusCode);
    }

    [Fact]
    public async Task The_user_actions_assign_and_unassign_and_the_properties_change_in_place()
    {
        Emulator.Tenant.AutopilotImport.PendingReads = 0;
        var id = (string)(await StateAsync((string)(await ImportAsync(("USR-1", Hash)))[0]!["id"]!))["deviceRegistrationId"]!;

        await SendAsync(HttpMethod.Post, $"{Devices}/{id}/assignUserToDevice", Manage, """{"userPrincipalName":"person@contoso.com","addressableUserName":"Person"}""");
        var assigned = await JsonAsync(await SendAsync(HttpMethod.Get, $"{Devices}/{id}", Manage));
        await SendAsync(HttpMethod.Post, $"{Devices}/{id}/updateDeviceProperties", Manage, """{"groupTag":"Lab"}""");
        await SendAsync(HttpMethod.Post, $"{Devices}/{id}/unassignUserFromDevice", Manage);
        var after = await JsonAsync(await SendAsync(HttpMethod.Get, $"{Devices}/{id}", Manage));

        Assert.Equal("person@contoso.com", (string?)assigned["userPrincipalName"]);
        Assert.Equal(("Lab", ""), ((string?)after["groupTag"], (string?)after["userPrincipalName"]));
    }

    [Theory]
    [InlineData(DeleteDevices)]
    [InlineData("/beta/deviceManagement/windowsAutopilotDeviceIdentities/deleteDevices")]
    public async Task Delete_devices_deletes_each_registered_device_by_serial_whatever_its_case_and_answers_accepted(string path)
    {
        var first = Register("DEL-A");
        var second = Register("DEL-B");
        Register("KEEP-C");

        var states = await DeleteDevicesAsync(path, "del-a", "DEL-B");

        Assert.Equal(
            [("DEL-A", first, "accepted", null), ("DEL-B", second, "accepted", null)],
            states.Select(s => ((string?)s["serialNumber"], (string?)s["deviceRegistrationId"], (string?)s["deletionState"], (string?)s["errorMessage"])));
        Assert.Equal(["KEEP-C"], RegisteredSerials());
    }

    [Fact]
    public async Task Delete_devices_keeps_an_enrolled_device_and_answers_failed_with_a_message()
    {
        var enrolled = Register("ENR-1", enrolled: true);

        var state = Assert.Single(await DeleteDevicesAsync(DeleteDevices, "ENR-1"));

        Assert.Equal(("failed", enrolled), ((string?)state["deletionState"], (string?)state["deviceRegistrationId"]));
        Assert.Contains("enrolled in Intune", (string?)state["errorMessage"]);
        Assert.Equal(["ENR-1"], RegisteredSerials());
    }

    [Fact]
    public async Task Delete_devices_answers_failed_with_a_message_for_a_serial_not_registered_a_choice_the_docs_leave_open()
    {
        Register("KNOWN-1");

        var states = await DeleteDevicesAsync(DeleteDevices, "NOBODY-1", "KNOWN-1", "KNOWN-1");

        Assert.Equal(
            [("NOBODY-1", "failed", true), ("KNOWN-1", "accepted", false), ("KNOWN-1", "failed", true)],
            states.Select(s => ((string?)s["serialNumber"], (string?)s["deletionState"], s["errorMessage"] is not null)));
        Assert.Null(states[0]["deviceRegistrationId"]);
    }

    [Fact]
    public async Task Delete_devices_is_one_write_for_throttling_however_many_serials_it_names()
    {
        Emulator.Tenant.WriteThrottle = new Throttle(perTenant: 200, perApp: 1, TimeSpan.FromSeconds(20));
        Register("T-1");
        Register("T-2");
        Register("T-3");

        var states = await DeleteDevicesAsync(DeleteDevices, "T-1", "T-2", "T-3");
        var next = await SendAsync(HttpMethod.Post, DeleteDevices, Manage, SerialsBody("T-4"));

        Assert.All(states, s => Assert.Equal("accepted", (string?)s["deletionState"]));
        await AssertGraphErrorAsync(next, 429, "TooManyRequests");
        Assert.NotNull(next.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Delete_devices_is_its_own_route_never_a_device_id_and_other_methods_on_it_are_405_allowing_only_post()
    {
        var id = Register("ROUTE-1");

        var get = await SendAsync(HttpMethod.Get, DeleteDevices, Manage);
        var delete = await SendAsync(HttpMethod.Delete, DeleteDevices, Manage);

        await AssertGraphErrorAsync(get, 405, "Request_BadRequest");
        await AssertGraphErrorAsync(delete, 405, "Request_BadRequest");
        Assert.Equal(["POST"], delete.Content.Headers.Allow);
        // The device routes by id are untouched, and their Allow header still names their own methods.
        Assert.Equal(200, (int)(await SendAsync(HttpMethod.Get, $"{Devices}/{id}", Manage)).StatusCode);
        var patch = await SendAsync(HttpMethod.Patch, $"{Devices}/{id}", Manage, "{}");
        Assert.Equal(405, (int)patch.StatusCode);
        Assert.Equal(["DELETE", "GET"], patch.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task Delete_devices_needs_read_write_not_the_read_permission_its_page_lists_and_a_body_with_a_list_of_strings()
    {
        Register("BODY-1");

        var readOnly = await SendAsync(HttpMethod.Post, DeleteDevices, TestTokens.WithRoles("DeviceManagementServiceConfig.Read.All"), SerialsBody("BODY-1"));
        var noList = await SendAsync(HttpMethod.Post, DeleteDevices, Manage, """{"serials":["BODY-1"]}""");
        var notStrings = await SendAsync(HttpMethod.Post, DeleteDevices, Manage, """{"serialNumbers":["BODY-1",7]}""");

        await AssertGraphErrorAsync(readOnly, 403, "Authorization_RequestDenied");
        await AssertGraphErrorAsync(noList, 400, "Request_BadRequest");
        await AssertGraphErrorAsync(notStrings, 400, "Request_BadRequest");
        // A refused list deletes nothing, not even the serials before the bad item.
        Assert.Equal(["BODY-1"], RegisteredSerials());
    }
}
