using System.Buffers.Text;
using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator.Documents;

namespace EntraDevices.GraphEmulator.Modules;

/// <summary>
/// Windows Autopilot devices (graph-autopilot-journey.md §2, §6): the bulk <c>import</c> action, whose records stay
/// <c>pending</c> for <see cref="AutopilotImport.PendingReads"/> reads before they are <c>complete</c> (with the
/// device's <c>deviceRegistrationId</c>) or <c>error</c>; per-device errors <c>ZtdDeviceAlreadyAssigned</c> (806),
/// <c>ZtdDeviceAssignedToOtherTenant</c> (808), <c>ZtdDeviceDuplicated</c>, <c>InvalidZtdHardwareHash</c> and
/// <c>StorageError</c>; device records paged at about 1,000, <c>serialNumber eq</c> refused with 400 and
/// <c>contains(serialNumber,…)</c> served (refused with 400 for a hyphenated serial, as reported in 2023); the user and
/// property actions; the bulk <c>deleteDevices</c> action (200 with one <c>deletedWindowsAutopilotDeviceState</c> per
/// serial, matched case-insensitively: <c>accepted</c> and deleted when registered and not enrolled, <c>failed</c> with an
/// <c>errorMessage</c> when enrolled; one write for throttling, however many serials); the beta sync (409 while one
/// runs, 429 within 10 minutes of the last); Intune's throttling and licence. Choices the docs leave open, each pinned
/// by a test: deleting an enrolled device answers 400; <c>deleteDevices</c> answers a serial no record has with
/// <c>failed</c> and an <c>errorMessage</c>; the numeric codes of the last three errors are 0.
/// </summary>
internal sealed class AutopilotDevicesModule(EmulatedTenant tenant) : IEmulatorModule
{
    public const string ImportsPath = "deviceManagement/importedWindowsAutopilotDeviceIdentities";
    public const string DevicesPath = "deviceManagement/windowsAutopilotDeviceIdentities";
    private static readonly string[] Read = ["DeviceManagementServiceConfig.Read.All", "DeviceManagementServiceConfig.ReadWrite.All"];
    private static readonly string[] Write = ["DeviceManagementServiceConfig.ReadWrite.All"];

    public void Register(RouteTable routes)
    {
        var imports = tenant.Collection(ImportsPath);
        var devices = tenant.Collection(DevicesPath);
        var import = tenant.AutopilotImport;

        routes.Add($"{ImportsPath}/import", "POST", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            var list = request.JsonBody()["importedWindowsAutopilotDeviceIdentities"] as JsonArray
                ?? throw GraphErrorException.BadRequest("'importedWindowsAutopilotDeviceIdentities' is required.");
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var registered = new HashSet<string>(devices.List().Select(d => (string?)d["serialNumber"] ?? ""), StringComparer.OrdinalIgnoreCase);
            var created = new JsonArray();
            foreach (var item in list.OfType<JsonObject>())
            {
                var serial = (string?)item["serialNumber"] ?? "";
                var record = imports.Create((JsonObject)item.DeepClone());
                var id = (string)record["id"]!;
                var (errorCode, errorName) = Outcome(serial, (string?)item["hardwareIdentifier"], seen, registered, import);
                JsonObject State(string status, string? registration) => new()
                {
                    ["deviceImportStatus"] = status,
                    ["deviceRegistrationId"] = registration,
                    ["deviceErrorCode"] = errorName is null ? 0 : errorCode,
                    ["deviceErrorName"] = errorName,
                };
                string? deviceId = null;
                if (errorName is null)
                {
                    var device = devices.Create(new JsonObject
                    {
                        ["serialNumber"] = serial,
                        ["productKey"] = (string?)item["productKey"] ?? "",
                        ["groupTag"] = (string?)item["groupTag"] ?? "",
                        ["userPrincipalName"] = (string?)item["assignedUserPrincipalName"] ?? "",
                        ["enrollmentState"] = "notContacted",
                        ["managedDeviceId"] = "00000000-0000-0000-0000-000000000000",
                    });
                    // A simplification: the device record exists from the import on; its id is told only once the import completes.
                    deviceId = (string)device["id"]!;
                    registered.Add(serial);
                }

                record["state"] = State("pending", null);
                imports.Patch(id, new JsonObject { ["state"] = State("pending", null) });
                imports.Progress(id, "state",
                    [.. Enumerable.Range(0, import.PendingReads).Select(_ => (JsonNode?)State("pending", null)), State(errorName is null ? "complete" : "error", deviceId)]);
                created.Add(record);
            }

            return GraphResponse.Ok(new JsonObject { ["value"] = created });
        });
        routes.Add(ImportsPath, "GET", Read, request =>
        {
            tenant.RequireIntuneLicence();
            // A page is a read of every record on it: each pending import there moves one step on, as a GET by id does.
            var page = Paging.Page(imports.List(), request, ImportsPath, tenant.PageSize);
            foreach (var item in page["value"]!.AsArray().OfType<JsonObject>())
            {
                if (imports.Get((string)item["id"]!) is { } now && item.ContainsKey("state"))
                {
                    item["state"] = now["state"]?.DeepClone();
                }
            }

            return GraphResponse.Ok(page);
        });
        routes.Add($"{ImportsPath}/{{id}}", "GET", Read, request =>
        {
            tenant.RequireIntuneLicence();
            return GraphResponse.Ok(imports.Get(request["id"]) ?? throw GraphErrorException.NotFound($"Import record {request["id"]}"));
        });
        routes.Add($"{ImportsPath}/{{id}}", "DELETE", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            return imports.Delete(request["id"]) ? GraphResponse.NoContent : throw GraphErrorException.NotFound($"Import record {request["id"]}");
        });
        routes.Add(DevicesPath, "GET", Read, request =>
        {
            tenant.RequireIntuneLicence();
            var all = devices.List();
            if (request.Query.TryGetValue("$filter", out var filter))
            {
                all = [.. all.Where(Filter(filter))];
            }

            return GraphResponse.Ok(Paging.Page(all, request, DevicesPath, tenant.PageSize));
        });
        routes.Add($"{DevicesPath}/{{id}}", "GET", Read, request =>
        {
            tenant.RequireIntuneLicence();
            return GraphResponse.Ok(devices.Get(request["id"]) ?? throw GraphErrorException.NotFound($"Autopilot device {request["id"]}"));
        });
        routes.Add($"{DevicesPath}/{{id}}", "DELETE", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            var device = devices.Get(request["id"]) ?? throw GraphErrorException.NotFound($"Autopilot device {request["id"]}");
            if (Enrolled(device))
            {
                throw GraphErrorException.BadRequest(EnrolledRefusal);
            }

            devices.Delete(request["id"]);
            return GraphResponse.NoContent;
        });
        // Three literal segments: the route table prefers it to "{DevicesPath}/{id}", so no device id is ever read as
        // "deleteDevices", and a GET or DELETE of this path is 405, not a device lookup.
        routes.Add($"{DevicesPath}/deleteDevices", "POST", Write, request =>
        {
            tenant.RequireIntuneLicence();
            // The whole list is one request, so one write for Intune's throttling, however many serials it names.
            tenant.AdmitWrite(request.App);
            var serials = request.JsonBody()["serialNumbers"] as JsonArray
                ?? throw GraphErrorException.BadRequest("'serialNumbers' is required.");
            // Every serial is checked before any record goes: a 400 changes nothing.
            var wanted = serials.Select(item => item is JsonValue value && value.TryGetValue<string>(out var text)
                ? text : throw GraphErrorException.BadRequest("'serialNumbers' must be a list of strings.")).ToList();
            // One read of the records for the whole list, not one per serial (a list of 100 in a tenant of 10,000).
            var registered = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
            foreach (var device in devices.List())
            {
                registered.TryAdd((string?)device["serialNumber"] ?? "", device);
            }

            var states = new JsonArray();
            foreach (var serial in wanted)
            {
                states.Add(DeleteBySerial(devices, registered, serial));
            }

            return GraphResponse.Ok(new JsonObject { ["value"] = states });
        });
        foreach (var action in new[] { "assignUserToDevice", "unassignUserFromDevice", "updateDeviceProperties" })
        {
            routes.Add($"{DevicesPath}/{{id}}/{action}", "POST", Write, request =>
            {
                tenant.RequireIntuneLicence();
                tenant.AdmitWrite(request.App);
                _ = devices.Get(request["id"]) ?? throw GraphErrorException.NotFound($"Autopilot device {request["id"]}");
                var body = action == "unassignUserFromDevice" ? new JsonObject() : request.JsonBody();
                var changes = action switch
                {
                    "unassignUserFromDevice" => new JsonObject { ["userPrincipalName"] = "" },
                    "assignUserToDevice" => new JsonObject { ["userPrincipalName"] = (string?)body["userPrincipalName"] ?? throw GraphErrorException.BadRequest("'userPrincipalName' is required.") },
                    _ => new JsonObject([.. body.Where(p => p.Key is "groupTag" or "userPrincipalName" or "displayName").Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))]),
                };
                devices.Patch(request["id"], changes);
                return GraphResponse.NoContent;
            });
        }

        routes.Add("deviceManagement/windowsAutopilotSettings/sync", "POST", Write, request =>
        {
            tenant.RequireIntuneLicence();
            var now = DateTimeOffset.UtcNow;
            if (import.LastSync is { } last)
            {
                if (now - last < import.SyncDuration)
                {
                    throw new GraphErrorException(StatusCodes.Status409Conflict, "Conflict", "A sync is already in progress.");
                }

                if (now - last < TimeSpan.FromMinutes(10))
                {
                    throw new GraphErrorException(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Autopilot sync was requested less than 10 minutes ago.")
                    { RetryAfterSeconds = (int)(TimeSpan.FromMinutes(10) - (now - last)).TotalSeconds };
                }
            }

            import.LastSync = now;
            return GraphResponse.NoContent;
        }, RouteTable.BetaOnly);
    }

    private const string EnrolledRefusal = "The device is enrolled in Intune: delete it from Intune first, then from Autopilot.";

    private static bool Enrolled(JsonObject device) =>
        (string?)device["managedDeviceId"] is { } managed && managed != "00000000-0000-0000-0000-000000000000";

    /// <summary>
    /// One serial of a <c>deleteDevices</c> action: its <c>deletedWindowsAutopilotDeviceState</c>. Serials match
    /// case-insensitively and the state names the record's own spelling; an enrolled device is kept (<c>failed</c>), and
    /// so is a serial no record has (<c>failed</c>, the emulator's choice: Graph documents no answer for it).
    /// </summary>
    private static JsonObject DeleteBySerial(DocumentCollection devices, Dictionary<string, JsonObject> registered, string serial)
    {
        JsonObject State(string serialNumber, string? registration, string deletion, string? message) => new()
        {
            ["@odata.type"] = "microsoft.graph.deletedWindowsAutopilotDeviceState",
            ["serialNumber"] = serialNumber,
            ["deviceRegistrationId"] = registration,
            ["deletionState"] = deletion,
            ["errorMessage"] = message,
        };

        if (serial.Length == 0 || !registered.TryGetValue(serial, out var device))
        {
            return State(serial, null, "failed", $"No Windows Autopilot device with serial number '{serial}' is registered in this tenant.");
        }

        var id = (string)device["id"]!;
        var own = (string?)device["serialNumber"] ?? serial;
        if (Enrolled(device))
        {
            return State(own, id, "failed", EnrolledRefusal);
        }

        devices.Delete(id);
        registered.Remove(serial);
        return State(own, id, "accepted", null);
    }

    private static (int Code, string? Name) Outcome(string serial, string? hash, HashSet<string> seen, HashSet<string> registered, AutopilotImport import)
    {
        if (!seen.Add(serial))
        {
            return (0, "ZtdDeviceDuplicated");
        }

        if (hash is null || hash.Length == 0 || !Base64.IsValid(hash))
        {
            return (0, "InvalidZtdHardwareHash");
        }

        if (import.OtherTenantSerials.Contains(serial))
        {
            return (808, "ZtdDeviceAssignedToOtherTenant");
        }

        if (import.StorageErrorSerials.Contains(serial))
        {
            return (0, "StorageError");
        }

        return registered.Contains(serial) ? (806, "ZtdDeviceAlreadyAssigned") : (0, null);
    }

    private static Func<JsonObject, bool> Filter(string filter)
    {
        if (filter.Contains("serialNumber eq", StringComparison.OrdinalIgnoreCase))
        {
            throw GraphErrorException.BadRequest("Invalid filter clause: serialNumber eq is not supported.");
        }

        var contains = System.Text.RegularExpressions.Regex.Match(filter, @"^contains\(serialNumber,\s*'([^']*)'\)$");
        if (!contains.Success)
        {
            throw GraphErrorException.BadRequest($"Invalid filter clause: {filter}");
        }

        var part = contains.Groups[1].Value;
        return part.Contains('-')
            ? throw GraphErrorException.BadRequest("Invalid filter clause: the value of contains() may not hold '-'.")
            : d => ((string?)d["serialNumber"] ?? "").Contains(part, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>How the emulated Autopilot import behaves: its latency, which devices fail, the sync's clock.</summary>
public sealed class AutopilotImport
{
    /// <summary>Reads of an import record that still show it <c>pending</c> before it completes.</summary>
    public int PendingReads { get; set; } = 2;

    /// <summary>Serial numbers Autopilot holds for another tenant (error 808).</summary>
    public HashSet<string> OtherTenantSerials { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Serial numbers whose import fails with StorageError.</summary>
    public HashSet<string> StorageErrorSerials { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long a sync runs (409 meanwhile).</summary>
    public TimeSpan SyncDuration { get; set; } = TimeSpan.FromSeconds(5);

    internal DateTimeOffset? LastSync { get; set; }
}
