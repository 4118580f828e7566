using System.Text.Json.Nodes;
using EntraDevices.GraphEmulator.Documents;

namespace EntraDevices.GraphEmulator.Modules;

/// <summary>
/// Windows Autopilot device preparation policies among the settings-catalog configuration policies, beta only
/// (graph-device-preparation.md §2): create answers 201 with the bare policy; a read gives the settings only with
/// <c>$expand=settings</c> or at <c>/settings</c>; PUT replaces the whole policy (settings included) and PATCH cannot
/// carry settings; the user-driven and automatic templates, the user-driven template's setting definitions and their
/// limits (timeout 15–720, at most 10 allowed apps and 10 scripts, a custom message of at most 1,000 characters);
/// lists filtered by template id or name; priorities handed out in order; replica lag after a create; Intune's write
/// throttling (the device config v2 class has the enrollment class's numbers, so one bucket serves both) and licence.
/// The device group is bound with the enrollment-time membership target actions (§3.4): set validates the group
/// (<c>groups</c> and their <c>owners</c> relation, the Intune Provisioning Client by appId among
/// <c>servicePrincipals</c>) and answers 200 with <c>validationSucceeded</c> false and a code when it fails, retrieve
/// reads the bound group back, clear unbinds it; <c>assign</c> replaces the user-group assignments (§4).
/// Choices the docs leave open, each pinned by a test: setting the target with an application token answers 500 for a
/// user-driven policy (dt's report of March 2026, §5) and works with a person's token; PUT answers 204; read-only fields in a PUT or POST answer 400;
/// a template change answers 400; a choice other than <c>_0</c> for deployment mode, type or join answers 400; a
/// settings read returns the template references as sent.
/// </summary>
internal sealed class DevicePreparationPolicyModule(EmulatedTenant tenant) : IEmulatorModule
{
    public const string Path = "deviceManagement/configurationPolicies";
    public const string UserDrivenTemplate = "80d33118-b7b4-40d8-b15f-81be745e053f_1";
    public const string AutomaticTemplate = "a6157a7f-aa00-42d9-ac82-7d2479f545db_1";
    public const string Prefix = "enrollment_autopilot_dpp_";
    public const int MaxAllowed = 10;
    public const int MaxCustomErrorMessage = 1000;

    private static readonly string[] Read = ["DeviceManagementConfiguration.Read.All", "DeviceManagementConfiguration.ReadWrite.All"];
    private static readonly string[] Write = ["DeviceManagementConfiguration.ReadWrite.All"];
    private static readonly string[] ReadOnly = ["createdDateTime", "lastModifiedDateTime", "settingCount", "isAssigned", "priorityMetaData", "creationSource"];

    /// <summary>The setting definitions of each template (§2.3, §2.7); a setting of another id answers 400.</summary>
    private static readonly Dictionary<string, string[]> Definitions = new()
    {
        [UserDrivenTemplate] = [.. new[]
        {
            "deploymentmode", "deploymenttype", "jointype", "accountype", "timeout", "customerrormessage", "allowskip", "allowdiagnostics",
            "devicesecuritygroupids", "allowedappids", "allowedscriptids",
        }.Select(name => Prefix + name)],
        [AutomaticTemplate] = [Prefix + "allowedappids", Prefix + "allowedscriptids"],
    };

    /// <summary>The Intune Provisioning Client's appId (§3.2): the owner a device group must have.</summary>
    public const string ProvisioningClientAppId = "f1346770-5b25-470b-88bd-d5744ab7952c";

    private readonly Dictionary<string, JsonArray> _settings = [];
    private readonly Dictionary<string, string> _targets = [];
    private readonly Dictionary<string, JsonArray> _assignments = [];
    private int _priority;

    public void Register(RouteTable routes)
    {
        var policies = tenant.Collection(Path);
        JsonObject Policy(RouteRequest request) => policies.Get(request["id"]) ?? throw GraphErrorException.NotFound($"Configuration policy {request["id"]}");

        routes.Add(Path, "GET", Read, request =>
        {
            tenant.RequireIntuneLicence();
            var all = policies.List();
            if (request.Query.TryGetValue("$filter", out var filter))
            {
                all = [.. all.Where(Filter(filter))];
            }

            return GraphResponse.Ok(Paging.Page(all, request, Path, tenant.PageSize));
        }, RouteTable.BetaOnly);
        routes.Add(Path, "POST", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            var body = request.JsonBody();
            var template = Template(body);
            var settings = Settings(body, template);
            body.Remove("settings");
            var now = DateTimeOffset.UtcNow.ToString("O");
            body["description"] ??= "";
            body["roleScopeTagIds"] ??= new JsonArray("0");
            body["templateReference"] = TemplateReference(template);
            body["createdDateTime"] = now;
            body["lastModifiedDateTime"] = now;
            body["settingCount"] = settings.Count;
            body["isAssigned"] = false;
            body["creationSource"] = null;
            body["priorityMetaData"] = new JsonObject { ["priority"] = ++_priority };
            var created = policies.Create(body);
            _settings[(string)created["id"]!] = settings;
            policies.HideFor((string)created["id"]!, policies.ReplicaLagReads);
            return GraphResponse.Created(created);
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}", "GET", Read, request =>
        {
            tenant.RequireIntuneLicence();
            var policy = (JsonObject)Policy(request).DeepClone();
            if (request.Query.TryGetValue("$expand", out var expand) && expand.StartsWith("settings", StringComparison.OrdinalIgnoreCase))
            {
                policy["settings"] = _settings.GetValueOrDefault(request["id"])?.DeepClone() ?? new JsonArray();
            }

            return GraphResponse.Ok(policy);
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}/settings", "GET", Read, request =>
        {
            tenant.RequireIntuneLicence();
            _ = Policy(request);
            var settings = (_settings.GetValueOrDefault(request["id"]) ?? []).OfType<JsonObject>().Select(s => (JsonObject)s.DeepClone()).ToList();
            return GraphResponse.Ok(Paging.Page(settings, request, $"{Path}/{request["id"]}/settings", tenant.PageSize));
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}", "PUT", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            var policy = Policy(request);
            var body = request.JsonBody();
            var template = Template(body);
            if (template != (string?)policy["templateReference"]?["templateId"])
            {
                throw GraphErrorException.BadRequest("The template of a configuration policy cannot be changed; create a new policy.");
            }

            var settings = Settings(body, template);
            body.Remove("settings");
            body["templateReference"] = TemplateReference(template);
            body["description"] ??= "";
            body["roleScopeTagIds"] ??= new JsonArray("0");
            body["settingCount"] = settings.Count;
            body["lastModifiedDateTime"] = DateTimeOffset.UtcNow.ToString("O");
            foreach (var kept in new[] { "createdDateTime", "isAssigned", "creationSource", "priorityMetaData" })
            {
                body[kept] = policy[kept]?.DeepClone();
            }

            // The whole policy is what was sent: what a PUT leaves out is gone.
            body["id"] = request["id"];
            policies.Delete(request["id"]);
            policies.Seed(body);
            _settings[request["id"]] = settings;
            return GraphResponse.NoContent;
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}", "PATCH", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            _ = Policy(request);
            var changes = request.JsonBody();
            if (changes.ContainsKey("settings"))
            {
                throw GraphErrorException.BadRequest("A PATCH cannot carry the settings navigation property; send the whole policy with PUT.");
            }

            CheckReadOnly(changes);
            changes["lastModifiedDateTime"] = DateTimeOffset.UtcNow.ToString("O");
            policies.Patch(request["id"], changes);
            return GraphResponse.Ok(policies.Get(request["id"])!);
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}/setEnrollmentTimeDeviceMembershipTarget", "POST", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            var policy = Policy(request);
            if (request.Token.IsAppOnly && (string?)policy["templateReference"]?["templateId"] == UserDrivenTemplate)
            {
                // dt's documented failure (§5): with an application token the call fails for user-driven policies.
                throw new GraphErrorException(StatusCodes.Status500InternalServerError, "InternalServerError", "An internal server error has occurred.");
            }

            var targets = request.JsonBody()["enrollmentTimeDeviceMembershipTargets"] as JsonArray
                ?? throw GraphErrorException.BadRequest("'enrollmentTimeDeviceMembershipTargets' is required.");
            if (targets.Count != 1 || (string?)targets[0]?["targetType"] != "staticSecurityGroup" || (string?)targets[0]?["targetId"] is not { Length: > 0 } groupId)
            {
                throw GraphErrorException.BadRequest("One target of targetType staticSecurityGroup with its targetId is accepted.");
            }

            var code = Validate(groupId);
            if (code == "unknown")
            {
                // The single target is replaced.
                _targets[request["id"]] = groupId;
            }

            return GraphResponse.Ok(Result(code == "unknown", [(groupId, code)]));
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}/retrieveEnrollmentTimeDeviceMembershipTarget", "POST", Read, request =>
        {
            tenant.RequireIntuneLicence();
            _ = Policy(request);
            return GraphResponse.Ok(Result(true, _targets.TryGetValue(request["id"], out var groupId) ? [(groupId, "unknown")] : []));
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}/clearEnrollmentTimeDeviceMembershipTarget", "POST", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            _ = Policy(request);
            _targets.Remove(request["id"]);
            return GraphResponse.Ok(new JsonObject { ["value"] = true });
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}/assign", "POST", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            _ = Policy(request);
            var list = request.JsonBody()["assignments"] as JsonArray ?? throw GraphErrorException.BadRequest("'assignments' is required.");
            var assignments = new JsonArray();
            foreach (var item in list.OfType<JsonObject>())
            {
                var groupId = (string?)item["target"]?["groupId"] ?? throw GraphErrorException.BadRequest("Each assignment needs target.groupId.");
                assignments.Add(new JsonObject { ["id"] = $"{request["id"]}_{groupId}", ["source"] = "direct", ["target"] = item["target"]!.DeepClone() });
            }

            // The whole list is replaced by what was sent; an empty list removes every assignment.
            _assignments[request["id"]] = assignments;
            policies.Patch(request["id"], new JsonObject { ["isAssigned"] = assignments.Count > 0 });
            return GraphResponse.Ok(new JsonObject { ["value"] = assignments.DeepClone() });
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}/assignments", "GET", Read, request =>
        {
            tenant.RequireIntuneLicence();
            _ = Policy(request);
            var assignments = (_assignments.GetValueOrDefault(request["id"]) ?? []).OfType<JsonObject>().Select(a => (JsonObject)a.DeepClone()).ToList();
            return GraphResponse.Ok(Paging.Page(assignments, request, $"{Path}/{request["id"]}/assignments", tenant.PageSize));
        }, RouteTable.BetaOnly);
        routes.Add($"{Path}/{{id}}", "DELETE", Write, request =>
        {
            tenant.RequireIntuneLicence();
            tenant.AdmitWrite(request.App);
            _settings.Remove(request["id"]);
            _targets.Remove(request["id"]);
            _assignments.Remove(request["id"]);
            return policies.Delete(request["id"]) ? GraphResponse.NoContent : throw GraphErrorException.NotFound($"Configuration policy {request["id"]}");
        }, RouteTable.BetaOnly);
    }

    /// <summary>The validation code of a device group (§3.4): <c>unknown</c> when it is fine.</summary>
    private string Validate(string groupId)
    {
        var groups = tenant.Collection("groups");
        if (groups.Get(groupId) is not { } group)
        {
            return "securityGroupNotFound";
        }

        if (group["securityEnabled"]?.GetValue<bool>() != true)
        {
            return "notSecurityGroup";
        }

        if (group["groupTypes"] is JsonArray types && types.Any(t => (string?)t == "DynamicMembership"))
        {
            return "notStaticSecurityGroup";
        }

        // A group outside the Intune scope (scope tags) of the account signing in: a tenant marks it so.
        if (group["inCallerScope"]?.GetValue<bool>() == false)
        {
            return "securityGroupNotInCallerScope";
        }

        var principals = tenant.Collection("servicePrincipals");
        var provisioning = principals.List().Where(p => (string?)p["appId"] == ProvisioningClientAppId).Select(p => (string)p["id"]!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return groups.RelatedIds(groupId, "owners").Any(provisioning.Contains) ? "unknown" : "firstPartyAppNotAnOwner";
    }

    private static JsonObject Result(bool succeeded, IEnumerable<(string GroupId, string Code)> statuses) => new()
    {
        ["validationSucceeded"] = succeeded,
        ["enrollmentTimeDeviceMembershipTargetValidationStatuses"] = new JsonArray([.. statuses.Select(s => (JsonNode)new JsonObject
        {
            ["targetId"] = s.GroupId,
            ["validationSucceeded"] = s.Code == "unknown",
            ["targetValidationErrorCode"] = s.Code,
        })]),
    };

    private static string Template(JsonObject body)
    {
        CheckReadOnly(body);
        if (body["name"] is not JsonValue name || string.IsNullOrWhiteSpace((string?)name))
        {
            throw GraphErrorException.BadRequest("'name' is required.");
        }

        var template = (string?)body["templateReference"]?["templateId"];
        return template is not null && Definitions.ContainsKey(template)
            ? template
            : throw GraphErrorException.BadRequest($"templateReference.templateId '{template}' is not a known template.");
    }

    private static void CheckReadOnly(JsonObject body)
    {
        if (ReadOnly.FirstOrDefault(body.ContainsKey) is { } field)
        {
            throw GraphErrorException.BadRequest($"The property '{field}' is read-only.");
        }
    }

    private static JsonObject TemplateReference(string template) => new()
    {
        ["templateId"] = template,
        ["templateFamily"] = "enrollmentConfiguration",
        ["templateDisplayName"] = "Device Preparation",
        ["templateDisplayVersion"] = "Version 1",
    };

    /// <summary>The settings sent, each checked against the template's definitions and limits; kept as sent.</summary>
    private static JsonArray Settings(JsonObject body, string template)
    {
        var settings = body["settings"] as JsonArray ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var setting in settings)
        {
            var instance = setting?["settingInstance"] as JsonObject ?? throw GraphErrorException.BadRequest("Each setting needs a settingInstance.");
            var id = (string?)instance["settingDefinitionId"] ?? "";
            if (!Definitions[template].Contains(id) || !seen.Add(id))
            {
                throw GraphErrorException.BadRequest($"Setting definition '{id}' is not in the template, or is given twice.");
            }

            Check(id, instance);
        }

        return (JsonArray)settings.DeepClone();
    }

    private static void Check(string id, JsonObject instance)
    {
        var name = id[Prefix.Length..];
        var choice = (string?)instance["choiceSettingValue"]?["value"];
        var simple = instance["simpleSettingValue"]?["value"];
        var collection = instance["simpleSettingCollectionValue"] as JsonArray;
        switch (name)
        {
            case "deploymentmode" or "deploymenttype" or "jointype" when choice != $"{id}_0":
                throw GraphErrorException.BadRequest($"'{choice}' is not an option of {id}.");
            case "accountype" or "allowskip" or "allowdiagnostics" when choice != $"{id}_0" && choice != $"{id}_1":
                throw GraphErrorException.BadRequest($"'{choice}' is not an option of {id}.");
            case "timeout" when simple is not JsonValue minutes || !minutes.TryGetValue<int>(out var value) || value is < 15 or > 720:
                throw GraphErrorException.BadRequest($"{id} must be a whole number of minutes from 15 to 720.");
            case "customerrormessage" when ((string?)simple)?.Length > MaxCustomErrorMessage:
                throw GraphErrorException.BadRequest($"{id} is longer than {MaxCustomErrorMessage} characters.");
            case "allowedappids" or "allowedscriptids" when collection is null || collection.Count > MaxAllowed:
                throw GraphErrorException.BadRequest($"{id} takes a collection of at most {MaxAllowed} values.");
        }
    }

    private static Func<JsonObject, bool> Filter(string filter)
    {
        var match = System.Text.RegularExpressions.Regex.Match(filter, @"^(templateReference/templateId|name) eq '([^']*)'$");
        if (!match.Success)
        {
            throw GraphErrorException.BadRequest($"Invalid filter clause: {filter}");
        }

        var value = match.Groups[2].Value;
        return match.Groups[1].Value == "name"
            ? p => (string?)p["name"] == value
            : p => (string?)p["templateReference"]?["templateId"] == value;
    }
}
