using System.Text.Json;
using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.Transport;

namespace EntraDevices.Graph.AutopilotDevices;

/// <summary>
/// Windows Autopilot devices through <see cref="GraphRequests"/> (graph-autopilot-journey.md §2, §6, v1.0; the sync
/// is beta): the bulk <c>import</c> action (never retried), its import records (listed, paged, to poll many at once;
/// deleted one by one, as Graph has no bulk delete), the device records and their user and property actions.
/// </summary>
public sealed class AutopilotDeviceClient(GraphConnection connection)
{
    public const string ImportsPath = "deviceManagement/importedWindowsAutopilotDeviceIdentities";
    public const string DevicesPath = "deviceManagement/windowsAutopilotDeviceIdentities";
    public const string SyncPath = "deviceManagement/windowsAutopilotSettings/sync";

    private readonly GraphRequests _requests = new(connection);

    private static GraphOperation Operation(string method, string path, string action) => IntuneOperation.For(method, path, action, "v1.0");

    /// <summary>
    /// Sends one chunk to the bulk import; the import records Graph made, one per device. Never retried. The body is
    /// written straight from the rows and the answer (which echoes every hash) read as a stream, keeping ids and states.
    /// </summary>
    public async Task<IReadOnlyList<ImportRecord>> ImportAsync(IReadOnlyList<DeviceToImport> devices, string importId, CancellationToken cancellationToken)
    {
        void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("importedWindowsAutopilotDeviceIdentities");
            foreach (var d in devices)
            {
                writer.WriteStartObject();
                writer.WriteString("@odata.type", "#microsoft.graph.importedWindowsAutopilotDeviceIdentity");
                writer.WriteString("serialNumber", d.SerialNumber);
                writer.WriteString("productKey", d.ProductKey ?? "");
                writer.WriteString("hardwareIdentifier", d.HardwareHash);
                writer.WriteString("groupTag", d.GroupTag ?? "");
                writer.WriteString("assignedUserPrincipalName", d.AssignedUser ?? "");
                writer.WriteString("importId", importId);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var size = devices.Sum(d => d.HardwareHash.Length + d.SerialNumber.Length + 300) + 100;
        return await _requests.SendLargeAsync(
            Operation("POST", $"{ImportsPath}/import", $"import {devices.Count} Autopilot device(s)") with { Retriable = false },
            $"{ImportsPath}/import", Write, size, Record, cancellationToken);
    }

    /// <summary>Every import record of the tenant, paged, with only what a poll needs (not the hashes): one poll of many imports at once.</summary>
    public async Task<IReadOnlyList<ImportRecord>> ImportRecordsAsync(CancellationToken cancellationToken) =>
        await _requests.ListAsync(Operation("GET", ImportsPath, "read the Autopilot import records"), $"{ImportsPath}?$select=id,serialNumber,importId,state", Record, cancellationToken);

    /// <summary>One import record, or null when it is gone.</summary>
    public async Task<ImportRecord?> ImportRecordAsync(string id, CancellationToken cancellationToken) =>
        await _requests.GetAsync(Operation("GET", $"{ImportsPath}/{{id}}", $"read Autopilot import record {id}"), $"{ImportsPath}/{GraphPath.Id(id)}", cancellationToken) is { } record
            ? Record(Element(record)) : null;

    /// <summary>Deletes a finished import record; one already gone is not an error.</summary>
    public Task DeleteImportRecordAsync(string id, CancellationToken cancellationToken) =>
        _requests.DeleteAsync(Operation("DELETE", $"{ImportsPath}/{{id}}", $"delete Autopilot import record {id}"), $"{ImportsPath}/{GraphPath.Id(id)}", cancellationToken);

    /// <summary>Every Autopilot device record of the tenant, paged (about 1,000 a page).</summary>
    public async Task<IReadOnlyList<AutopilotDevice>> DevicesAsync(CancellationToken cancellationToken) =>
        await _requests.ListAsync(Operation("GET", DevicesPath, "list the Autopilot devices"), DevicesPath, Device, cancellationToken);

    public async Task<AutopilotDevice?> DeviceAsync(string id, CancellationToken cancellationToken) =>
        await _requests.GetAsync(Operation("GET", $"{DevicesPath}/{{id}}", $"read Autopilot device {id}"), $"{DevicesPath}/{GraphPath.Id(id)}", cancellationToken) is { } device
            ? Device(Element(device)) : null;

    /// <summary>Deletes a device record (Graph refuses an enrolled one); one already gone is not an error.</summary>
    public Task DeleteDeviceAsync(AutopilotDevice device, CancellationToken cancellationToken) =>
        _requests.DeleteAsync(Operation("DELETE", $"{DevicesPath}/{{id}}", $"delete Autopilot device {device.SerialNumber} ({device.Id})"),
            $"{DevicesPath}/{GraphPath.Id(device.Id)}", cancellationToken);

    public Task SetGroupTagAsync(string id, string serial, string? groupTag, CancellationToken cancellationToken) =>
        _requests.SendAsync(Operation("POST", $"{DevicesPath}/{{id}}/updateDeviceProperties", $"set the group tag of Autopilot device {serial}"),
            $"{DevicesPath}/{GraphPath.Id(id)}/updateDeviceProperties", new JsonObject { ["groupTag"] = groupTag ?? "" }, cancellationToken);

    public Task AssignUserAsync(string id, string serial, string userPrincipalName, CancellationToken cancellationToken) =>
        _requests.SendAsync(Operation("POST", $"{DevicesPath}/{{id}}/assignUserToDevice", $"assign {userPrincipalName} to Autopilot device {serial}"),
            $"{DevicesPath}/{GraphPath.Id(id)}/assignUserToDevice",
            new JsonObject { ["userPrincipalName"] = userPrincipalName, ["addressableUserName"] = userPrincipalName.Split('@')[0] }, cancellationToken);

    public Task UnassignUserAsync(string id, string serial, CancellationToken cancellationToken) =>
        _requests.SendAsync(Operation("POST", $"{DevicesPath}/{{id}}/unassignUserFromDevice", $"unassign the user of Autopilot device {serial}"),
            $"{DevicesPath}/{GraphPath.Id(id)}/unassignUserFromDevice", null, cancellationToken);

    /// <summary>Asks Autopilot to sync (beta). A sync running (409) or run within 10 minutes (429) is an answer, not a failure.</summary>
    public async Task<SyncOutcome> SyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _requests.SendAsync(IntuneOperation.For("POST", SyncPath, "sync Windows Autopilot") with { Retriable = false }, SyncPath, null, cancellationToken);
            return SyncOutcome.Started;
        }
        catch (GraphRequestException busy) when (busy.Status == 409)
        {
            return SyncOutcome.AlreadyRunning;
        }
        catch (GraphRequestException soon) when (soon.Status == 429)
        {
            return SyncOutcome.RanRecently;
        }
    }

    private static ImportRecord Record(JsonElement record)
    {
        var state = record.TryGetProperty("state", out var found) && found.ValueKind == JsonValueKind.Object ? found : default;
        return new ImportRecord(
            Text(record, "id") ?? throw new UnexpectedPolicyShapeException("Graph answered an Autopilot import record without 'id'."),
            Text(record, "serialNumber") ?? "",
            Text(state, "deviceImportStatus") ?? "unknown",
            Text(state, "deviceRegistrationId"),
            state.ValueKind == JsonValueKind.Object && state.TryGetProperty("deviceErrorCode", out var code) && code.TryGetInt32(out var number) ? number : 0,
            Text(state, "deviceErrorName"),
            Text(record, "importId"));
    }

    private static AutopilotDevice Device(JsonElement device) => new(
        Text(device, "id") ?? throw new UnexpectedPolicyShapeException("Graph answered an Autopilot device without 'id'."),
        Text(device, "serialNumber") ?? "",
        Text(device, "groupTag"),
        Text(device, "userPrincipalName"),
        Text(device, "managedDeviceId"),
        Text(device, "enrollmentState"));

    private static JsonElement Element(JsonObject value)
    {
        using var document = JsonDocument.Parse(value.ToJsonString());
        return document.RootElement.Clone();
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text : null;
}
