using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator.Documents;

namespace EntraDevices.GraphEmulator.Modules;

/// <summary>
/// Enrollment Status Pages among the device enrollment configurations, beta (graph-autopilot-journey.md §4): ids
/// <c>&lt;guid&gt;_Windows10EnrollmentCompletionPageConfiguration</c>; <c>assign</c> replaces the whole list and CRUD on
/// <c>/assignments</c> answers 400 "No method match route template"; priority only through <c>setPriority</c>: new pages
/// are appended, a value is only swapped with an existing page's, and a delete leaves a gap nothing fills; the default
/// page (priority 0, id <c>&lt;tenantId&gt;_DefaultWindows10EnrollmentCompletionPageConfiguration</c>) cannot be deleted,
/// assigned or renamed, and other default configurations share priority 0; <c>isof()</c> filters fail; replica lag
/// and Intune's enrollment throttling. Without an Intune licence (<c>IntuneLicensed</c> false) every route answers 400 "Request not applicable to target tenant." (§0). Choices the docs leave open, each pinned by a test: setPriority to the page's
/// own value answers 400; a priority in a PATCH answers 400.
/// </summary>
internal sealed class EnrollmentStatusPageModule(EmulatedTenant tenant) : IEmulatorModule
{
    public const string Path = "deviceManagement/deviceEnrollmentConfigurations";
    public const string PageType = "#microsoft.graph.windows10EnrollmentCompletionPageConfiguration";
    public const string TenantId = "00000000-0000-0000-0000-0000000000aa";
    public const string DefaultPageId = $"{TenantId}_DefaultWindows10EnrollmentCompletionPageConfiguration";
    public const int MaxCustomErrorMessage = 10_000;

    private static readonly string[] Read = ["DeviceManagementServiceConfig.Read.All", "DeviceManagementServiceConfig.ReadWrite.All"];
    private static readonly string[] Write = ["DeviceManagementServiceConfig.ReadWrite.All"];
    private static readonly string[] ReadOnly = ["id", "priority", "createdDateTime", "lastModifiedDateTime", "version", "deviceEnrollmentConfigurationType"];

    public void Register(RouteTable routes)
    {
        var configurations = tenant.Collection(Path);
        var assignments = tenant.Collection($"{Path}/assignments");
        Seed(configurations);
        IEnumerable<JsonObject> Pages() => configurations.List().Where(c => (string?)c["@odata.type"] == PageType);
        JsonObject Page(RouteRequest request) => configurations.Get(request["id"]) ?? throw GraphErrorException.NotFound($"Enrollment configuration {request["id"]}");

        routes.Add(Path, "GET", Read, request =>
        {
            tenant.RequireIntuneLicence();
            if (request.Query.TryGetValue("$filter", out var filter) && filter.Contains("isof(", StringComparison.OrdinalIgnoreCase))
            {
                throw GraphErrorException.BadRequest("Invalid filter clause: isof is not supported on deviceEnrollmentConfigurations.");
            }

            return GraphResponse.Ok(Paging.Page(configurations.List(), request, Path, tenant.PageSize));
        }, RouteTable.BetaOnly);
        routes.Add(Path, "POST", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            var body = request.JsonBody();
            if ((string?)body["@odata.type"] != PageType)
            {
                throw GraphErrorException.BadRequest($"Only {PageType} is emulated; got '{(string?)body["@odata.type"]}'.");
            }

            CheckMessage(body);
            foreach (var field in ReadOnly)
            {
                body.Remove(field);
            }

            body["priority"] = Pages().Select(p => (int)p["priority"]!).DefaultIfEmpty(0).Max() + 1;
            body["deviceEnrollmentConfigurationType"] = "windows10EnrollmentCompletionPageConfiguration";
            var created = configurations.Create(body);
            // Graph's ids for these pages carry the type after the GUID.
            var id = $"{created["id"]}_Windows10EnrollmentCompletionPageConfiguration";
            configurations.Delete((string)created["id"]!);
            created["id"] = id;
            configurations.Seed(created);
            configurations.HideFor(id, configurations.ReplicaLagReads);
            return GraphResponse.Created(created);
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}", "GET", Read, request =>
        {
            tenant.RequireIntuneLicence();
            return GraphResponse.Ok(Page(request));
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}", "PATCH", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            var page = Page(request);
            var changes = request.JsonBody();
            if (changes.ContainsKey("priority"))
            {
                throw GraphErrorException.BadRequest("priority cannot be changed with PATCH; use setPriority.");
            }

            if (request["id"] == DefaultPageId && changes["displayName"] is { } name && (string?)name != (string?)page["displayName"])
            {
                throw GraphErrorException.BadRequest("The default Enrollment Status Page cannot be renamed.");
            }

            CheckMessage(changes);
            foreach (var field in ReadOnly)
            {
                changes.Remove(field);
            }

            configurations.Patch(request["id"], changes);
            return GraphResponse.NoContent;
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}", "DELETE", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            if (request["id"].StartsWith($"{TenantId}_Default", StringComparison.OrdinalIgnoreCase))
            {
                throw GraphErrorException.BadRequest("A default enrollment configuration cannot be deleted.");
            }

            foreach (var assignment in assignments.List().Where(a => (string?)a["sourceId"] == request["id"]))
            {
                assignments.Delete((string)assignment["id"]!);
            }

            // The gap this leaves is never filled (m365wp): later pages keep their priorities.
            return configurations.Delete(request["id"]) ? GraphResponse.NoContent : throw GraphErrorException.NotFound($"Enrollment configuration {request["id"]}");
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}/assign", "POST", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            var page = Page(request);
            if ((int)page["priority"]! == 0)
            {
                throw GraphErrorException.BadRequest("A default enrollment configuration cannot be assigned: it applies to all users and all devices.");
            }

            var list = request.JsonBody()["enrollmentConfigurationAssignments"] as JsonArray ?? throw GraphErrorException.BadRequest("'enrollmentConfigurationAssignments' is required.");
            foreach (var old in assignments.List().Where(a => (string?)a["sourceId"] == request["id"]))
            {
                assignments.Delete((string)old["id"]!);
            }

            // The whole list is replaced by what was sent.
            foreach (var item in list.OfType<JsonObject>())
            {
                var groupId = (string?)item["target"]?["groupId"] ?? throw GraphErrorException.BadRequest("Each assignment needs target.groupId.");
                assignments.Seed(new JsonObject { ["id"] = $"{request["id"]}_{groupId}", ["sourceId"] = request["id"], ["target"] = item["target"]!.DeepClone() });
            }

            return GraphResponse.NoContent;
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}/assignments", "GET", Read, request =>
        {
            tenant.RequireIntuneLicence();
            Page(request);
            return GraphResponse.Ok(Paging.Page([.. assignments.List().Where(a => (string?)a["sourceId"] == request["id"])], request, $"{Path}/{request["id"]}/assignments", tenant.PageSize));
        }, RouteTable.BetaOnly);
        foreach (var (template, method) in new[] { ($"{Path}/{{id}}/assignments", "POST"), ($"{Path}/{{id}}/assignments/{{assignmentId}}", "DELETE"), ($"{Path}/{{id}}/assignments/{{assignmentId}}", "PATCH") })
        {
            routes.Add(template, method, Write, _ => throw new GraphErrorException(StatusCodes.Status400BadRequest, "No method match route template",
                "No OData route exists that match template ~/singleton/navigation/key/navigation with http verb " + method + " for request."), RouteTable.BetaOnly);
        }

        routes.Add($"{Path}/{{id}}/setPriority", "POST", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            var page = Page(request);
            var wanted = request.JsonBody()["priority"] is JsonValue value && value.TryGetValue<int>(out var n) ? n : throw GraphErrorException.BadRequest("'priority' must be a whole number.");
            var current = (int)page["priority"]!;
            if (current == 0 || wanted < 1)
            {
                throw GraphErrorException.BadRequest("The priority of a default configuration cannot be changed, and priorities start at 1.");
            }

            if (wanted == current)
            {
                throw GraphErrorException.BadRequest($"The configuration already has priority {wanted}.");
            }

            var holder = Pages().FirstOrDefault(p => (int)p["priority"]! == wanted)
                ?? throw GraphErrorException.BadRequest($"Priority {wanted} is not available.");
            configurations.Patch((string)holder["id"]!, new JsonObject { ["priority"] = current });
            configurations.Patch(request["id"], new JsonObject { ["priority"] = wanted });
            return GraphResponse.NoContent;
        }, RouteTable.BetaOnly);
    }

    private static void Seed(DocumentCollection configurations)
    {
        if (configurations.Get(DefaultPageId) is not null)
        {
            return;
        }

        configurations.Seed(new JsonObject
        {
            ["@odata.type"] = PageType,
            ["id"] = DefaultPageId,
            ["displayName"] = "All users and all devices",
            ["description"] = "This is the default enrollment status screen configuration applied with the lowest priority to all users and all devices regardless of group membership.",
            ["priority"] = 0,
            ["deviceEnrollmentConfigurationType"] = "windows10EnrollmentCompletionPageConfiguration",
            ["showInstallationProgress"] = false,
            ["installProgressTimeoutInMinutes"] = 0,
            ["customErrorMessage"] = "",
            ["allowDeviceResetOnInstallFailure"] = false,
            ["allowDeviceUseOnInstallFailure"] = false,
            ["allowLogCollectionOnInstallFailure"] = false,
            ["blockDeviceSetupRetryByUser"] = false,
            ["trackInstallProgressForAutopilotOnly"] = false,
            ["installQualityUpdates"] = false,
            ["allowNonBlockingAppInstallation"] = false,
            ["disableUserStatusTrackingAfterFirstUser"] = false,
            ["selectedMobileAppIds"] = new JsonArray(),
            ["roleScopeTagIds"] = new JsonArray("0"),
        });
        foreach (var (suffix, type) in new[]
        {
            ("DefaultLimit", "#microsoft.graph.deviceEnrollmentLimitConfiguration"),
            ("DefaultPlatformRestrictions", "#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration"),
            ("DefaultWindowsHelloForBusiness", "#microsoft.graph.deviceEnrollmentWindowsHelloForBusinessConfiguration"),
        })
        {
            configurations.Seed(new JsonObject { ["@odata.type"] = type, ["id"] = $"{TenantId}_{suffix}", ["displayName"] = "All users and all devices", ["priority"] = 0 });
        }
    }

    private static void CheckMessage(JsonObject body)
    {
        if ((string?)body["customErrorMessage"] is { Length: > MaxCustomErrorMessage })
        {
            throw GraphErrorException.BadRequest($"customErrorMessage holds at most {MaxCustomErrorMessage} characters.");
        }
    }
}
