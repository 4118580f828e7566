using System.Text.Json;
using System.Text.Json.Nodes;

namespace EntraDevices.GraphEmulator;

/// <summary>
/// <c>/_emulator/...</c>: lets out-of-process tests read the request log, inject faults and seed the tenant.
/// No auth, camelCase JSON, and never recorded in the request log.
/// </summary>
internal sealed class ControlEndpoints(EmulatedTenant tenant, FaultQueue faults, RequestLog log)
{
    public const string Prefix = "/_emulator";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var route = $"{request.Method} {request.Path.Value?.TrimEnd('/')}".ToUpperInvariant();
        try
        {
            switch (route)
            {
                case "GET /REQUESTS":
                    await context.Response.WriteAsJsonAsync(log.Snapshot(), Json);
                    break;
                case "DELETE /REQUESTS":
                    log.Clear();
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                    break;
                case "POST /FAULTS":
                    faults.Add(await JsonSerializer.DeserializeAsync<Fault>(request.Body, Json, context.RequestAborted) ?? throw new JsonException("A fault is required."));
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                    break;
                case "GET /TENANT":
                    await context.Response.WriteAsJsonAsync(TenantState(), Json);
                    break;
                case "PUT /TENANT":
                    ReplaceTenantParts(await JsonNode.ParseAsync(request.Body, cancellationToken: context.RequestAborted) as JsonObject ?? throw new JsonException("A JSON object is required."));
                    await context.Response.WriteAsJsonAsync(TenantState(), Json);
                    break;
                default:
                    await Problem(context, StatusCodes.Status404NotFound, $"No control endpoint {request.Method} {Prefix}{request.Path}.");
                    break;
            }
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            await Problem(context, StatusCodes.Status400BadRequest, exception.Message);
        }
    }

    private JsonObject TenantState() => new()
    {
        ["intuneEnabled"] = tenant.IntuneEnabled,
        ["intuneLicensed"] = tenant.IntuneLicensed,
        ["deviceRegistrationPolicy"] = tenant.DeviceRegistrationPolicy,
        ["authorizationPolicy"] = tenant.AuthorizationPolicy,
        ["autopilotImport"] = new JsonObject
        {
            ["pendingReads"] = tenant.AutopilotImport.PendingReads,
            ["otherTenantSerials"] = new JsonArray([.. tenant.AutopilotImport.OtherTenantSerials.Select(s => (JsonNode)s)]),
            ["storageErrorSerials"] = new JsonArray([.. tenant.AutopilotImport.StorageErrorSerials.Select(s => (JsonNode)s)]),
        },
    };

    // Each part is optional; all are checked before any is applied, Intune first so an explicit policy wins.
    private void ReplaceTenantParts(JsonObject state)
    {
        var intune = Flag(state, "intuneEnabled");
        var licensed = Flag(state, "intuneLicensed");
        var deviceRegistration = Part(state, "deviceRegistrationPolicy");
        var authorization = Part(state, "authorizationPolicy");
        var autopilot = Part(state, "autopilotImport");
        var pendingReads = autopilot?["pendingReads"] is { } reads ? reads.GetValue<int>() : (int?)null;
        var throttle = Flag(state, "writeThrottle");
        var otherTenant = Serials(autopilot, "otherTenantSerials");
        var storageErrors = Serials(autopilot, "storageErrorSerials");
        var directory = Part(state, "directory");

        // Intune's write limits, on (the default) or off: a benchmark of 10,000 devices measures requests, not 429 waits.
        if (throttle is { } on)
        {
            tenant.WriteThrottle = on ? Documents.Throttle.IntuneEnrollment() : new Documents.Throttle(int.MaxValue, int.MaxValue, TimeSpan.FromSeconds(20));
        }

        if (pendingReads is { } count)
        {
            tenant.AutopilotImport.PendingReads = count;
        }

        Replace(tenant.AutopilotImport.OtherTenantSerials, otherTenant);
        Replace(tenant.AutopilotImport.StorageErrorSerials, storageErrors);

        if (intune is { } enabled)
        {
            tenant.IntuneEnabled = enabled;
        }

        // A tenant without an Intune licence: every deviceManagement call answers 400 "Request not applicable to target tenant."
        if (licensed is { } hasLicence)
        {
            tenant.IntuneLicensed = hasLicence;
        }

        if (deviceRegistration is not null)
        {
            tenant.SetDeviceRegistrationPolicy(deviceRegistration);
        }

        if (authorization is not null)
        {
            tenant.SetAuthorizationPolicy(authorization);
        }

        if (directory is not null)
        {
            SeedDirectory(directory);
        }
    }

    /// <summary>
    /// Adds directory objects made outside the provider (by the program's azuread resources, or by hand):
    /// <c>{"servicePrincipals":[{id, appId}], "groups":[{id, securityEnabled, groupTypes, owners:[id]}]}</c>.
    /// </summary>
    private void SeedDirectory(JsonObject directory)
    {
        foreach (var principal in (directory["servicePrincipals"] as JsonArray ?? []).OfType<JsonObject>())
        {
            tenant.Collection("servicePrincipals").Seed((JsonObject)principal.DeepClone());
        }

        var groups = tenant.Collection("groups");
        foreach (var group in (directory["groups"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var copy = (JsonObject)group.DeepClone();
            var owners = copy["owners"] as JsonArray ?? [];
            copy.Remove("owners");
            var id = (string?)copy["id"] ?? throw new JsonException("Each group needs an id.");
            groups.Seed(copy);
            foreach (var owner in owners)
            {
                groups.Relate(id, "owners", owner?.GetValue<string>() ?? throw new JsonException("owners must hold ids."));
            }
        }
    }

    private static bool? Flag(JsonObject state, string name) => state[name]?.GetValueKind() switch
    {
        null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new JsonException($"{name} must be a boolean."),
    };

    private static string[]? Serials(JsonObject? part, string name) => part?[name] switch
    {
        null => null,
        JsonArray list => [.. list.Select(s => s?.GetValue<string>() ?? throw new JsonException($"{name} must hold strings."))],
        _ => throw new JsonException($"{name} must be a list of serial numbers."),
    };

    private static void Replace(HashSet<string> set, string[]? serials)
    {
        if (serials is not null)
        {
            set.Clear();
            set.UnionWith(serials);
        }
    }

    private static JsonObject? Part(JsonObject state, string name) => state[name] switch
    {
        null => null,
        JsonObject part => part,
        _ => throw new JsonException($"{name} must be an object."),
    };

    private static Task Problem(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = message }, Json);
    }
}
