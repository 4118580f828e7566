using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator.Documents;

namespace EntraDevices.GraphEmulator.Modules;

/// <summary>
/// Windows Autopilot deployment profiles, beta only (graph-autopilot-journey.md §5): server-assigned ids, no
/// <c>$filter</c> (so a profile is found by listing), writes in Intune's enrollment throttling class, and replica
/// lag after a create (§0). Without an Intune licence (<c>IntuneLicensed</c> false) every route answers 400 "Request not applicable to target tenant." (§0). Assignments are one per target with their own POST and DELETE, ids
/// <c>&lt;profileId&gt;_&lt;groupId&gt;</c>; only one profile of a tenant may target all devices ("Another Profile … is
/// already assigned to All Devices."); a profile that still has assignments cannot be deleted (an opaque 400).
/// Choices the docs leave open, each pinned by a test: an all-devices assignment's id is <c>&lt;profileId&gt;_allDevices</c>;
/// a second assignment of the same target is refused with 400; a PATCH of the create-only deviceType is ignored.
/// </summary>
internal sealed class DeploymentProfileModule(EmulatedTenant tenant) : IEmulatorModule
{
    public const string Path = "deviceManagement/windowsAutopilotDeploymentProfiles";
    private static readonly string[] Read = ["DeviceManagementServiceConfig.Read.All", "DeviceManagementServiceConfig.ReadWrite.All"];
    private static readonly string[] Write = ["DeviceManagementServiceConfig.ReadWrite.All"];

    public const string AllDevicesTarget = "#microsoft.graph.allDevicesAssignmentTarget";

    /// <summary>
    /// A create that leaves fields out gets Graph's defaults, as a read then shows them (the resource page lists every
    /// field; the values are the portal's defaults for a new user-driven profile, an inference: the docs give none).
    /// </summary>
    private static JsonObject WithDefaults(JsonObject profile)
    {
        void Default(JsonObject json, string name, JsonNode? value)
        {
            if (!json.ContainsKey(name))
            {
                json[name] = value;
            }
        }

        Default(profile, "description", null);
        Default(profile, "locale", "");
        Default(profile, "deviceNameTemplate", null);
        Default(profile, "deviceType", "windowsPc");
        Default(profile, "hardwareHashExtractionEnabled", false);
        Default(profile, "preprovisioningAllowed", false);
        Default(profile, "roleScopeTagIds", new JsonArray("0"));
        var oobe = profile["outOfBoxExperienceSetting"] as JsonObject ?? [];
        profile["outOfBoxExperienceSetting"] = oobe;
        Default(oobe, "privacySettingsHidden", false);
        Default(oobe, "eulaHidden", false);
        Default(oobe, "userType", "standard");
        Default(oobe, "deviceUsageType", "singleUser");
        Default(oobe, "keyboardSelectionPageSkipped", false);
        Default(oobe, "escapeLinkHidden", false);
        return profile;
    }

    public void Register(RouteTable routes)
    {
        var profiles = tenant.Collection(Path);
        var assignments = tenant.Collection($"{Path}/assignments");
        IEnumerable<JsonObject> AssignmentsOf(string profileId) =>
            assignments.List().Where(a => string.Equals((string?)a["sourceId"], profileId, StringComparison.OrdinalIgnoreCase));
        routes.Add(Path, "GET", Read, request =>
        {
            tenant.RequireIntuneLicence();
            if (request.Query.ContainsKey("$filter") || request.Query.ContainsKey("$search"))
            {
                // The resource page: "This method does not support $filter or $search".
                throw GraphErrorException.BadRequest("The query specified in the URI is not valid: $filter and $search are not supported.");
            }

            return GraphResponse.Ok(Paging.Page(profiles.List(), request, Path, tenant.PageSize));
        }, RouteTable.BetaOnly);
        routes.Add(Path, "POST", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            return GraphResponse.Created(profiles.Create(WithDefaults(request.JsonBody())));
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}", "GET", Read,
            request =>
            {
                tenant.RequireIntuneLicence();
                return GraphResponse.Ok(profiles.Get(request["id"]) ?? throw GraphErrorException.NotFound($"Profile {request["id"]}"));
            },
            RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}", "PATCH", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            var changes = request.JsonBody();
            changes.Remove("deviceType");  // create-only: ignored here (the docs do not say whether Graph refuses it)
            return profiles.Patch(request["id"], changes) ? GraphResponse.NoContent : throw GraphErrorException.NotFound($"Profile {request["id"]}");
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}", "DELETE", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            if (profiles.Get(request["id"]) is not null && AssignmentsOf(request["id"]).Any())
            {
                // Microsoft's support article: "The profile is assigned to groups. You must unassign all groups…"; over Graph, opaque.
                throw GraphErrorException.BadRequest($"An error has occurred - Operation ID (for customer support): {Guid.NewGuid()}");
            }

            return profiles.Delete(request["id"]) ? GraphResponse.NoContent : throw GraphErrorException.NotFound($"Profile {request["id"]}");
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}/assignments", "GET", Read, request =>
        {
            tenant.RequireIntuneLicence();
            _ = profiles.Get(request["id"]) ?? throw GraphErrorException.NotFound($"Profile {request["id"]}");
            return GraphResponse.Ok(Paging.Page([.. AssignmentsOf(request["id"])], request, $"{Path}/{request["id"]}/assignments", tenant.PageSize));
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}/assignments", "POST", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            var profileId = request["id"];
            _ = profiles.Get(profileId) ?? throw GraphErrorException.NotFound($"Profile {profileId}");
            var target = request.JsonBody()["target"] as JsonObject ?? throw GraphErrorException.BadRequest("'target' is required.");
            var type = (string?)target["@odata.type"];
            string key;
            if (type == AllDevicesTarget)
            {
                if (assignments.List().FirstOrDefault(a => (string?)a["target"]?["@odata.type"] == AllDevicesTarget && !string.Equals((string?)a["sourceId"], profileId, StringComparison.OrdinalIgnoreCase))
                    is { } taken)
                {
                    throw GraphErrorException.BadRequest($"Another Profile {(string?)taken["sourceId"]} is already assigned to All Devices.");
                }

                key = "allDevices";
            }
            else if (type is "#microsoft.graph.groupAssignmentTarget" or "#microsoft.graph.exclusionGroupAssignmentTarget"
                && (string?)target["groupId"] is { } groupId && Guid.TryParseExact(groupId, "D", out _))
            {
                key = groupId;
            }
            else
            {
                throw GraphErrorException.BadRequest($"Unsupported assignment target '{type}' (or a missing groupId).");
            }

            var id = $"{profileId}_{key}";
            if (assignments.Get(id) is not null)
            {
                throw GraphErrorException.BadRequest($"The profile is already assigned to {key}.");
            }

            var assignment = new JsonObject { ["id"] = id, ["sourceId"] = profileId, ["target"] = target.DeepClone() };
            assignments.Seed(assignment);
            return GraphResponse.Created(assignment);
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}/assignments/{{assignmentId}}", "DELETE", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            var assignment = assignments.Get(request["assignmentId"]);
            return assignment is not null && string.Equals((string?)assignment["sourceId"], request["id"], StringComparison.OrdinalIgnoreCase)
                && assignments.Delete(request["assignmentId"])
                ? GraphResponse.NoContent
                : throw GraphErrorException.NotFound($"Assignment {request["assignmentId"]}");
        }, RouteTable.BetaOnly);
    }
}
