using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator.Documents;

namespace EntraDevices.GraphEmulator.Modules;

/// <summary>
/// Automatic Intune enrollment: the MDM and MAM user scope policies, beta only (graph-autopilot-journey.md §1).
/// Pinned facts: the Intune app's policy id is 0000000a-0000-0000-c000-000000000000; PATCH answers 204; appliesTo
/// goes in a PATCH of its own (sent with other properties it is refused here, as the docs say not to); adding an
/// included group makes the scope "selected", setting "all" or "none" drops the groups; groups are added and removed
/// one $ref at a time; delegated only: an app's token gets 401 "Unsupported app-only call.", a person needs at least
/// Cloud Device Administrator to change it (Global Reader, Intune or Windows 365 Administrator may read).
/// Choices the docs leave open, each pinned by a test: a new tenant's scope is "none"; removing the last group
/// leaves the scope "none".
/// </summary>
internal sealed class MobilityPolicyModule(EmulatedTenant tenant) : IEmulatorModule
{
    public const string IntuneAppId = "0000000a-0000-0000-c000-000000000000";
    public const string MdmPath = "policies/mobileDeviceManagementPolicies";
    public const string MamPath = "policies/mobileAppManagementPolicies";

    private const string GlobalAdministrator = "62e90394-69f5-4237-9190-012177145e10";
    private const string CloudDeviceAdministrator = "7698a772-787b-4ac8-901f-60d6b08affd2";
    private const string GlobalReader = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
    private const string IntuneAdministrator = "3a2c62db-5318-420d-8d74-23affee5d9d5";
    private const string Windows365Administrator = "11451d60-acb2-45eb-a7d6-43d0f0125c13";

    private static readonly string[] Read = ["Policy.Read.All", "Policy.ReadWrite.MobilityManagement"];
    private static readonly string[] Write = ["Policy.ReadWrite.MobilityManagement"];
    private static readonly string[] Readers = [GlobalAdministrator, CloudDeviceAdministrator, GlobalReader, IntuneAdministrator, Windows365Administrator];
    private static readonly string[] Writers = [GlobalAdministrator, CloudDeviceAdministrator];

    public static JsonObject Seed(bool mdm)
    {
        var seed = new JsonObject
        {
            ["id"] = IntuneAppId,
            ["displayName"] = "Microsoft Intune",
            ["appliesTo"] = "none",
            ["isValid"] = true,
            ["discoveryUrl"] = mdm ? "https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc" : "https://wip.mam.manage.microsoft.com/Enroll",
            ["termsOfUseUrl"] = mdm ? "https://portal.manage.microsoft.com/TermsofUse.aspx" : "",
            ["complianceUrl"] = mdm ? "https://portal.manage.microsoft.com/?portalAction=Compliance" : "",
        };
        if (mdm)
        {
            // The MDM policy alone has this property.
            seed["isMdmEnrollmentDuringRegistrationDisabled"] = false;
        }

        return seed;
    }

    public void Register(RouteTable routes)
    {
        foreach (var (path, mdm) in new[] { (MdmPath, true), (MamPath, false) })
        {
            var policies = tenant.Collection(path);
            if (policies.Get(IntuneAppId) is null)
            {
                policies.Seed(Seed(mdm));
            }

            routes.Add(path, "GET", Read, request =>
            {
                Require(request, Readers);
                return GraphResponse.Ok(Paging.Page([.. policies.List().Select(p => Shaped(policies, p, request))], request, path, tenant.PageSize));
            }, RouteTable.BetaOnly, delegatedOnly: true);
            routes.Add($"{path}/{{id}}", "GET", Read, request =>
            {
                Require(request, Readers);
                return GraphResponse.Ok(Shaped(policies, Policy(policies, request), request));
            }, RouteTable.BetaOnly, delegatedOnly: true);
            routes.Add($"{path}/{{id}}", "PATCH", Write, request =>
            {
                Require(request, Writers);
                Policy(policies, request);
                var changes = request.JsonBody();
                if (changes.ContainsKey("appliesTo") && changes.Count > 1)
                {
                    throw GraphErrorException.BadRequest("appliesTo must be updated on its own, without the other properties.");
                }

                foreach (var readOnly in new[] { "id", "displayName", "isValid", "description" })
                {
                    if (changes.ContainsKey(readOnly))
                    {
                        throw GraphErrorException.BadRequest($"The property '{readOnly}' is read-only.");
                    }
                }

                if (changes["appliesTo"] is { } appliesTo)
                {
                    var scope = (string?)appliesTo;
                    if (scope is not ("all" or "none"))
                    {
                        // "selected" is reached by adding included groups.
                        throw GraphErrorException.BadRequest($"appliesTo '{scope}' cannot be set directly; accepted: all, none (add included groups for selected).");
                    }

                    foreach (var group in policies.RelatedIds(request["id"], "includedGroups"))
                    {
                        policies.Unrelate(request["id"], "includedGroups", group);
                    }
                }

                policies.Patch(request["id"], changes);
                return GraphResponse.NoContent;
            }, RouteTable.BetaOnly, delegatedOnly: true);
            routes.Add($"{path}/{{id}}/includedGroups", "GET", Read, request =>
            {
                Require(request, Readers);
                Policy(policies, request);
                return GraphResponse.Ok(Paging.Page(Groups(policies, request["id"]), request, $"{path}/{request["id"]}/includedGroups", tenant.PageSize));
            }, RouteTable.BetaOnly, delegatedOnly: true);
            routes.Add($"{path}/{{id}}/includedGroups/$ref", "POST", Write, request =>
            {
                Require(request, Writers);
                Policy(policies, request);
                var target = (string?)request.JsonBody()["@odata.id"] ?? throw GraphErrorException.BadRequest("'@odata.id' is required.");
                var groupId = GroupId(target);
                if (!policies.Relate(request["id"], "includedGroups", groupId))
                {
                    throw new GraphErrorException(StatusCodes.Status400BadRequest, "Request_BadRequest",
                        "One or more added object references already exist for the following modified properties: 'includedGroups'.");
                }

                policies.Patch(request["id"], new JsonObject { ["appliesTo"] = "selected" });
                return GraphResponse.NoContent;
            }, RouteTable.BetaOnly, delegatedOnly: true);
            routes.Add($"{path}/{{id}}/includedGroups/{{groupId}}/$ref", "DELETE", Write, request =>
            {
                Require(request, Writers);
                Policy(policies, request);
                if (!policies.Unrelate(request["id"], "includedGroups", request["groupId"]))
                {
                    throw GraphErrorException.NotFound($"Group {request["groupId"]} in includedGroups");
                }

                if (policies.RelatedIds(request["id"], "includedGroups").Count == 0)
                {
                    policies.Patch(request["id"], new JsonObject { ["appliesTo"] = "none" });
                }

                return GraphResponse.NoContent;
            }, RouteTable.BetaOnly, delegatedOnly: true);
        }
    }

    private static void Require(RouteRequest request, string[] roles)
    {
        if (!roles.Any(request.Token.DirectoryRoles.Contains))
        {
            throw new GraphErrorException(StatusCodes.Status403Forbidden, "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation: the signed-in user needs a role that may manage mobility policies.");
        }
    }

    private static JsonObject Policy(DocumentCollection policies, RouteRequest request) =>
        policies.Get(request["id"]) ?? throw GraphErrorException.NotFound($"Mobility management policy {request["id"]}");

    private static JsonObject Shaped(DocumentCollection policies, JsonObject policy, RouteRequest request)
    {
        if (request.Query.TryGetValue("$expand", out var expand) && expand.Contains("includedGroups", StringComparison.OrdinalIgnoreCase))
        {
            policy["includedGroups"] = new JsonArray([.. Groups(policies, (string)policy["id"]!)]);
        }

        return policy;
    }

    private static IReadOnlyList<JsonObject> Groups(DocumentCollection policies, string id) =>
        [.. policies.RelatedIds(id, "includedGroups").Select(group => new JsonObject { ["id"] = group, ["displayName"] = $"Group {group[..8]}" })];

    // The docs show three spellings of the reference: …/groups/{id}, …/odata/groups/{id}, …/odata/groups('{id}').
    private static string GroupId(string reference)
    {
        var tail = reference.TrimEnd('/').Split('/')[^1];
        var id = tail.StartsWith("groups(", StringComparison.OrdinalIgnoreCase) ? tail[7..].Trim('(', ')', '\'') : tail;
        return Guid.TryParseExact(id, "D", out _) ? id : throw GraphErrorException.BadRequest($"'{reference}' is not a reference to a group.");
    }
}
