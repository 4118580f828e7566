using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator;

namespace EntraDevices.Graph.Tests.Emulator;

/// <summary>Autopilot device import as the journey doc (§2) describes it, and the choices the emulator pins.</summary>
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
}
