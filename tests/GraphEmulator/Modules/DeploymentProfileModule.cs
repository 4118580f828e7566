using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator.Documents;

namespace EntraDevices.GraphEmulator.Modules;

/// <summary>
/// Windows Autopilot deployment profiles, beta only (graph-autopilot-journey.md §5): server-assigned ids, no
/// <c>$filter</c> (so a profile is found by listing), writes in Intune's enrollment throttling class, and replica
/// lag after a create (§0).
/// </summary>
internal sealed class DeploymentProfileModule(EmulatedTenant tenant) : IEmulatorModule
{
    public const string Path = "deviceManagement/windowsAutopilotDeploymentProfiles";
    private static readonly string[] Read = ["DeviceManagementServiceConfig.Read.All", "DeviceManagementServiceConfig.ReadWrite.All"];
    private static readonly string[] Write = ["DeviceManagementServiceConfig.ReadWrite.All"];

    public void Register(RouteTable routes)
    {
        var profiles = tenant.Collection(Path);
        routes.Add(Path, "GET", Read, request =>
        {
            if (request.Query.ContainsKey("$filter") || request.Query.ContainsKey("$search"))
            {
                // The resource page: "This method does not support $filter or $search".
                throw GraphErrorException.BadRequest("The query specified in the URI is not valid: $filter and $search are not supported.");
            }

            return GraphResponse.Ok(Paging.Page(profiles.List(), request, Path, tenant.PageSize));
        }, RouteTable.BetaOnly);
        routes.Add(Path, "POST", Write, request =>
        {
            tenant.AdmitWrite(request.App);
            return GraphResponse.Created(profiles.Create(Body(request)));
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}", "GET", Read,
            request => GraphResponse.Ok(profiles.Get(request["id"]) ?? throw GraphErrorException.NotFound($"Profile {request["id"]}")),
            RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}", "PATCH", Write, request =>
        {
            tenant.AdmitWrite(request.App);
            return profiles.Patch(request["id"], Body(request)) ? GraphResponse.NoContent : throw GraphErrorException.NotFound($"Profile {request["id"]}");
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}", "DELETE", Write, request =>
        {
            tenant.AdmitWrite(request.App);
            return profiles.Delete(request["id"]) ? GraphResponse.NoContent : throw GraphErrorException.NotFound($"Profile {request["id"]}");
        }, RouteTable.BetaOnly);
    }

    private static JsonObject Body(RouteRequest request) =>
        (request.Body is null ? null : JsonNode.Parse(request.Body) as JsonObject)
        ?? throw GraphErrorException.BadRequest("A JSON object body is required.");
}
