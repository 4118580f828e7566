using System.Text.Json;
using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.Transport;

namespace EntraDevices.Graph.AutopilotDevices;

/// <summary>
/// Windows Autopilot devices through <see cref="GraphRequests"/> (graph-autopilot-journey.md §2, §6, v1.0; the sync
/// is beta): the bulk <c>import</c> action (never retried), its import records (listed, paged, to poll many at once;
/// deleted one by one, as Graph has no bulk delete for them), the device records (deleted one by one, or by serial
/// number with the bulk <c>deleteDevices</c> action) and their user and property actions.
/// </summary>
public sealed class AutopilotDeviceClient(GraphConnection connection)
{
    public const string ImportsPath = "deviceManagement/importedWindowsAutopilotDeviceIdentities";
    public const string DevicesPath = "deviceManagement/windowsAutopilotDeviceIdentities";
    public const string SyncPath = "deviceManagement/windowsAutopilotSettings/sync";

    /// <summary>
    /// The most serial numbers one <c>deleteDevices</c> call sends. Graph documents no limit; the tools seen using the
    /// action send at most 100 (graph-autopilot-journey.md §2, an inference), so callers chunk by this.
    /// </summary>
    public const int MaxSerialsPerDelete = 100;

    private readonly GraphRequests _requests = new(connection);
    private readonly Redaction _redaction = connection.Redaction;

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
    /// <param name="keep">Which records to keep as the pages are read (all when null).</param>
    public async Task<IReadOnlyList<ImportRecord>> ImportRecordsAsync(CancellationToken cancellationToken, Func<ImportRecord, bool>? keep = null) =>
        await _requests.ListAsync(Operation("GET", ImportsPath, "read the Autopilot import records"), $"{ImportsPath}?$select=id,serialNumber,importId,state", Record, cancellationToken, keep);

    /// <summary>One import record, or null when it is gone.</summary>
    public async Task<ImportRecord?> ImportRecordAsync(string id, CancellationToken cancellationToken) =>
        await _requests.GetAsync(Operation("GET", $"{ImportsPath}/{{id}}", $"read Autopilot import record {id}"), $"{ImportsPath}/{GraphPath.Id(id)}", cancellationToken) is { } record
            ? Record(Element(record)) : null;

    /// <summary>Deletes a finished import record; one already gone is not an error.</summary>
    public Task DeleteImportRecordAsync(string id, CancellationToken cancellationToken) =>
        _requests.DeleteAsync(Operation("DELETE", $"{ImportsPath}/{{id}}", $"delete Autopilot import record {id}"), $"{ImportsPath}/{GraphPath.Id(id)}", cancellationToken);

    /// <summary>Every Autopilot device record of the tenant, paged (about 1,000 a page); <paramref name="progress"/> is told the count after each page but the last.</summary>
    public async Task<IReadOnlyList<AutopilotDevice>> DevicesAsync(CancellationToken cancellationToken, Func<int, Task>? progress = null) =>
        await _requests.ListAsync(Operation("GET", DevicesPath, "list the Autopilot devices"), DevicesPath, Device, cancellationToken, progress: progress);

    public async Task<AutopilotDevice?> DeviceAsync(string id, CancellationToken cancellationToken) =>
        await _requests.GetAsync(Operation("GET", $"{DevicesPath}/{{id}}", $"read Autopilot device {id}"), $"{DevicesPath}/{GraphPath.Id(id)}", cancellationToken) is { } device
            ? Device(Element(device)) : null;

    /// <summary>Deletes a device record (Graph refuses an enrolled one); one already gone is not an error.</summary>
    public Task DeleteDeviceAsync(AutopilotDevice device, CancellationToken cancellationToken) =>
        _requests.DeleteAsync(Operation("DELETE", $"{DevicesPath}/{{id}}", $"delete Autopilot device {device.SerialNumber} ({device.Id})"),
            $"{DevicesPath}/{GraphPath.Id(device.Id)}", cancellationToken);

    /// <summary>
    /// Deletes device records by serial number with the bulk <c>deleteDevices</c> action: one request for at most
    /// <see cref="MaxSerialsPerDelete"/> serials (the caller chunks), each named once. Graph answers 200 whatever became of
    /// each device, so the answer is every requested serial's own outcome, in the order asked; Graph keeps an enrolled
    /// device (<see cref="DeletionOutcome.Refused"/>), and a serial its answer does not mention is
    /// <see cref="DeletionOutcome.Unknown"/>. Resent only after a 429 (nothing was done then): after a lost answer or a
    /// 5xx a second send would call every record the first one deleted "not registered", so the caller reads the devices.
    /// </summary>
    public async Task<IReadOnlyList<DeviceDeletion>> DeleteDevicesAsync(IReadOnlyList<string> serialNumbers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serialNumbers);
        if (serialNumbers.Count > MaxSerialsPerDelete)
        {
            throw new ArgumentException(
                $"{serialNumbers.Count} serial numbers for one deleteDevices call; at most {MaxSerialsPerDelete} are sent at once: send them in chunks.", nameof(serialNumbers));
        }

        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var serial in serialNumbers)
        {
            if (string.IsNullOrWhiteSpace(serial))
            {
                throw new ArgumentException("A serial number to delete is empty; no request was sent.", nameof(serialNumbers));
            }

            if (!named.Add(serial))
            {
                // Graph's answer could not be told apart per copy; Autopilot matches serials whatever their case.
                throw new ArgumentException($"Serial number '{Shortened(serial)}' is named twice (Autopilot ignores case); no request was sent.", nameof(serialNumbers));
            }
        }

        if (serialNumbers.Count == 0)
        {
            return [];
        }

        void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("serialNumbers");
            foreach (var serial in serialNumbers)
            {
                writer.WriteStringValue(serial);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var path = $"{DevicesPath}/deleteDevices";
        var operation = Operation("POST", path, $"delete {serialNumbers.Count} Autopilot device(s) by serial number") with { Retriable = false };
        IReadOnlyList<DeletionState> states;
        try
        {
            states = await _requests.SendLargeAsync(operation, path, Write, serialNumbers.Sum(s => s.Length + 8) + 64, DeletionStateOf, cancellationToken);
        }
        catch (GraphRequestException refused) when (refused.Status == 403)
        {
            // graph-autopilot-journey.md §2: the action's page lists only the Read.All permissions, taken for a slip.
            throw new GraphRequestException(refused.Operation, refused.Kind,
                $"{refused.Message} Microsoft's page for deleteDevices lists only DeviceManagementServiceConfig.Read.All, which is taken for a slip "
                + "(the action deletes): grant DeviceManagementServiceConfig.ReadWrite.All.", refused)
            {
                Status = refused.Status,
                Code = refused.Code,
                RequestId = refused.RequestId,
            };
        }

        return [.. serialNumbers.Select(serial => Deletion(serial, states))];
    }

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

    /// <summary>One <c>deletedWindowsAutopilotDeviceState</c> as Graph gave it; the message taken out of secrets, as it may reach a person.</summary>
    private sealed record DeletionState(string? SerialNumber, string? DeviceId, string? State, string? ErrorMessage);

    private DeletionState DeletionStateOf(JsonElement state) => new(
        Text(state, "serialNumber"),
        Text(state, "deviceRegistrationId"),
        Text(state, "deletionState"),
        Text(state, "errorMessage") is { } message ? _redaction.Apply(message) : null);

    /// <summary>
    /// What became of one requested serial: its entries in the answer, matched whatever their case. Two entries for one
    /// serial (Graph documents none) count as their worst: refused over unknown over deleted.
    /// </summary>
    private static DeviceDeletion Deletion(string serial, IReadOnlyList<DeletionState> states)
    {
        static bool Is(string? state, string value) => string.Equals(state, value, StringComparison.OrdinalIgnoreCase);

        static DeletionOutcome OutcomeOf(string? state) =>
            Is(state, "accepted") ? DeletionOutcome.Deleted
            : Is(state, "failed") || Is(state, "error") ? DeletionOutcome.Refused
            : DeletionOutcome.Unknown;

        static int Severity(DeletionOutcome outcome) => outcome switch
        {
            DeletionOutcome.Refused => 2,
            DeletionOutcome.Unknown => 1,
            _ => 0,
        };

        var worst = states
            .Where(state => string.Equals(state.SerialNumber, serial, StringComparison.OrdinalIgnoreCase))
            .MaxBy(state => Severity(OutcomeOf(state.State)));
        return worst is null
            ? new DeviceDeletion(serial, DeletionOutcome.Unknown, null, null, null)
            : new DeviceDeletion(serial, OutcomeOf(worst.State), worst.DeviceId, worst.State, worst.ErrorMessage);
    }

    private static string Shortened(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private static JsonElement Element(JsonObject value)
    {
        using var document = JsonDocument.Parse(value.ToJsonString());
        return document.RootElement.Clone();
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text : null;
}
