using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator.Documents;

namespace EntraDevices.GraphEmulator.Modules;

/// <summary>
/// Corporate device identifiers (<c>importedDeviceIdentities</c>, beta; graph-device-preparation.md §6): the
/// <c>importDeviceIdentityList</c> action under its short and its namespace-qualified name, answering 200 with one
/// result per identity and its <c>status</c>; a POST to the collection answers 400 "No method match route template";
/// <c>searchExistingIdentities</c> answers the matching identities, or 400 "Invalid Device Identifier parameter found
/// for N import records!"; list by page; delete. Windows identifiers are <c>manufacturerModelSerial</c>: manufacturer,
/// model and serial joined by commas. Intune's licence, throttling and replica lag apply. Choices the docs leave
/// open, each pinned by a test: identifiers match whatever their case; a duplicate without overwrite is a result with
/// <c>status</c> false and nothing created; a malformed identifier in an import is a result with <c>status</c> false;
/// a <c>$filter</c> on the list answers 400; an import of more than 5,000 identities (the portal's file limit) answers 400.
/// </summary>
internal sealed class CorporateIdentifiersModule(EmulatedTenant tenant) : IEmulatorModule
{
    public const string Path = "deviceManagement/importedDeviceIdentities";
    public const int MaxPerImport = 5000;

    private static readonly string[] Read = ["DeviceManagementServiceConfig.Read.All", "DeviceManagementServiceConfig.ReadWrite.All"];
    private static readonly string[] Write = ["DeviceManagementServiceConfig.ReadWrite.All"];

    public void Register(RouteTable routes)
    {
        var identities = tenant.Collection(Path);
        JsonObject? Existing(string identifier) =>
            identities.List().FirstOrDefault(i => string.Equals((string?)i["importedDeviceIdentifier"], identifier, StringComparison.OrdinalIgnoreCase));

        GraphResponse Import(RouteRequest request)
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            var body = request.JsonBody();
            var list = List(body);
            if (list.Count > MaxPerImport)
            {
                throw GraphErrorException.BadRequest($"At most {MaxPerImport} identities are imported at once.");
            }

            var overwrite = body["overwriteImportedDeviceIdentities"]?.GetValue<bool>() == true;
            var results = new JsonArray();
            foreach (var item in list)
            {
                var identifier = (string?)item["importedDeviceIdentifier"] ?? "";
                var result = (JsonObject)item.DeepClone();
                var existing = Existing(identifier);
                var ok = Valid(item) && (existing is null || overwrite);
                if (ok)
                {
                    if (existing is not null)
                    {
                        identities.Delete((string)existing["id"]!);
                    }

                    item["platform"] ??= "windows";
                    item["enrollmentState"] = "notContacted";
                    item["description"] ??= "";
                    var created = identities.Create(item);
                    identities.HideFor((string)created["id"]!, identities.ReplicaLagReads);
                    result = (JsonObject)created.DeepClone();
                }

                result["status"] = ok;
                results.Add(result);
            }

            return GraphResponse.Ok(new JsonObject { ["value"] = results });
        }

        routes.Add(Path, "GET", Read, request =>
        {
            tenant.RequireIntuneLicence();
            if (request.Query.ContainsKey("$filter"))
            {
                throw GraphErrorException.BadRequest("Invalid filter clause: $filter is not supported on importedDeviceIdentities.");
            }

            return GraphResponse.Ok(Paging.Page(identities.List(), request, Path, tenant.PageSize));
        }, RouteTable.BetaOnly);
        routes.Add(Path, "POST", Write, _ => throw GraphErrorException.BadRequest("No method match route template"), RouteTable.BetaOnly);
        routes.Add($"{Path}/importDeviceIdentityList", "POST", Write, Import, RouteTable.BetaOnly);
        routes.Add($"{Path}/microsoft.graph.importDeviceIdentityList", "POST", Write, Import, RouteTable.BetaOnly);
        routes.Add($"{Path}/searchExistingIdentities", "POST", Read, request =>
        {
            tenant.RequireIntuneLicence();
            var list = List(request.JsonBody());
            if (list.Count(item => !Valid(item)) is var invalid and > 0)
            {
                throw GraphErrorException.BadRequest($"Invalid Device Identifier parameter found for {invalid} import records!");
            }

            var found = list.Select(item => Existing((string?)item["importedDeviceIdentifier"] ?? "")).OfType<JsonObject>();
            return GraphResponse.Ok(new JsonObject { ["value"] = new JsonArray([.. found.Select(i => (JsonNode)i.DeepClone())]) });
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}", "GET", Read, request =>
        {
            tenant.RequireIntuneLicence();
            return GraphResponse.Ok(identities.Get(request["id"]) ?? throw GraphErrorException.NotFound($"Imported device identity {request["id"]}"));
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}", "DELETE", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            return identities.Delete(request["id"]) ? GraphResponse.NoContent : throw GraphErrorException.NotFound($"Imported device identity {request["id"]}");
        }, RouteTable.BetaOnly);
    }

    /// <summary>A Windows identifier: manufacturer, model and serial, each non-empty, joined by commas (§6.2).</summary>
    private static bool Valid(JsonObject item) =>
        (string?)item["importedDeviceIdentityType"] == "manufacturerModelSerial"
        && ((string?)item["importedDeviceIdentifier"] ?? "").Split(',') is { Length: 3 } parts
        && parts.All(part => part.Trim().Length > 0);

    private static List<JsonObject> List(JsonObject body) =>
        [.. (body["importedDeviceIdentities"] as JsonArray ?? throw GraphErrorException.BadRequest("'importedDeviceIdentities' is required.")).OfType<JsonObject>()];
}
