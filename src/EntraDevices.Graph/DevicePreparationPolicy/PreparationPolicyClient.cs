using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.Transport;

namespace EntraDevices.Graph.DevicePreparationPolicy;

/// <summary>
/// Windows Autopilot device preparation policies (beta settings-catalog configuration policies,
/// graph-device-preparation.md §2–§4) through <see cref="GraphRequests"/>: a create is sent once; an update PUTs the
/// whole policy, its settings as read with the declared ones over them; the device group is bound, read and cleared
/// with the enrollment-time membership target actions; <c>assign</c> replaces the user-group list.
/// </summary>
public sealed class PreparationPolicyClient(GraphConnection connection)
{
    public const string Path = "deviceManagement/configurationPolicies";

    private readonly GraphRequests _requests = new(connection);

    private static GraphOperation Operation(string method, string path, string action) =>
        IntuneOperation.For(method, path, action, family: IntuneOperation.Configuration);

    /// <summary>The policy with its settings, device group and assignments, or null when Graph answers 404.</summary>
    public async Task<PreparationPolicy?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var path = $"{Path}/{GraphPath.Id(id)}";
        var policy = await _requests.GetAsync(Operation("GET", $"{Path}/{{id}}", $"read device preparation policy {id}"), $"{path}?$expand=settings", cancellationToken);
        if (policy is null)
        {
            return null;
        }

        // The docs wrap even a single policy in 'value'; real answers are bare (§2.1): read both.
        policy = policy["value"] as JsonObject ?? policy;
        var settings = policy["settings"] as JsonArray ?? new JsonArray([.. (await _requests.ListAsync(
            Operation("GET", $"{Path}/{{id}}/settings", $"read the settings of device preparation policy {id}"), $"{path}/settings", cancellationToken))
            .Select(s => (JsonNode)s)]);
        var binding = DeviceGroupBinding.Parse(await _requests.SendAsync(
            Operation("POST", $"{Path}/{{id}}/retrieveEnrollmentTimeDeviceMembershipTarget", $"read the device group of device preparation policy {id}"),
            $"{path}/retrieveEnrollmentTimeDeviceMembershipTarget", null, cancellationToken), $"the device group of device preparation policy {id}");
        var assignments = await _requests.ListAsync(Operation("GET", $"{Path}/{{id}}/assignments", $"read the assignments of device preparation policy {id}"),
            $"{path}/assignments", cancellationToken);
        return Map(policy, settings, binding.GroupId, [.. assignments.Select(a => (string?)a["target"]?["groupId"]).OfType<string>()]);
    }

    /// <summary>Creates the policy with its settings, once (resent only after a 429); no device group, no assignments yet.</summary>
    public async Task<PreparationPolicy> CreateAsync(PolicyHeader header, JsonArray settings, CancellationToken cancellationToken)
    {
        var created = await _requests.SendAsync(
            Operation("POST", Path, $"create device preparation policy '{header.Name}'") with { Retriable = false },
            Path, Body(header, settings), cancellationToken)
            ?? throw new UnexpectedPolicyShapeException("Graph answered the create of the device preparation policy without the policy.");
        created = created["value"] as JsonObject ?? created;
        return Map(created, created["settings"] as JsonArray ?? settings, null, []);
    }

    /// <summary>Every user-driven device preparation policy named <paramref name="name"/>.</summary>
    public async Task<IReadOnlyList<PreparationPolicy>> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        var filter = Uri.EscapeDataString($"name eq '{name.Replace("'", "''", StringComparison.Ordinal)}'");
        var all = await _requests.ListAsync(Operation("GET", Path, "list the configuration policies"), $"{Path}?$filter={filter}", cancellationToken);
        var found = new List<PreparationPolicy>();
        foreach (var json in all.Where(p => (string?)p["name"] == name && (string?)p["templateReference"]?["templateId"] == PreparationSettingsJson.UserDrivenTemplate))
        {
            if (await GetAsync((string)json["id"]!, cancellationToken) is { } policy)
            {
                found.Add(policy);
            }
        }

        return found;
    }

    /// <summary>Every user-driven device preparation policy of the tenant, by id and name (all pages); other templates are left out.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> ListUserDrivenAsync(CancellationToken cancellationToken) =>
        [.. (await _requests.ListAsync(Operation("GET", Path, "list the configuration policies"), Path, cancellationToken))
            .Where(p => (string?)p["templateReference"]?["templateId"] == PreparationSettingsJson.UserDrivenTemplate)
            .Select(p => ((string)p["id"]!, (string?)p["name"] ?? ""))];

    /// <summary>
    /// Replaces the whole policy (PATCH cannot carry settings, §2.1): its header and <paramref name="settings"/>, which hold
    /// every setting the policy had. The answer's status (200 or 204) is not documented; either is done.
    /// </summary>
    public Task PutAsync(string id, string templateId, PolicyHeader header, JsonArray settings, CancellationToken cancellationToken) =>
        _requests.SendAsync(Operation("PUT", $"{Path}/{{id}}", $"update device preparation policy {id}"), $"{Path}/{GraphPath.Id(id)}",
            Body(header, settings, templateId), cancellationToken);

    /// <summary>Binds the device group; a 200 is not success: its validation result is returned.</summary>
    public async Task<DeviceGroupBinding> SetDeviceGroupAsync(string id, string groupId, CancellationToken cancellationToken)
    {
        var what = $"bind device group {groupId} to device preparation policy {id}";
        var body = new JsonObject
        {
            ["enrollmentTimeDeviceMembershipTargets"] = new JsonArray(new JsonObject { ["targetType"] = "staticSecurityGroup", ["targetId"] = groupId }),
        };
        return DeviceGroupBinding.Parse(await _requests.SendAsync(
            Operation("POST", $"{Path}/{{id}}/setEnrollmentTimeDeviceMembershipTarget", what),
            $"{Path}/{GraphPath.Id(id)}/setEnrollmentTimeDeviceMembershipTarget", body, cancellationToken), what);
    }

    /// <summary>Replaces the policy's assignments with exactly these user groups (an empty list removes all).</summary>
    public Task AssignAsync(string id, IReadOnlyList<string> userGroups, CancellationToken cancellationToken) =>
        _requests.SendAsync(Operation("POST", $"{Path}/{{id}}/assign", $"assign device preparation policy {id}"), $"{Path}/{GraphPath.Id(id)}/assign",
            new JsonObject
            {
                ["assignments"] = new JsonArray([.. userGroups.Select(g => (JsonNode)new JsonObject
                {
                    ["target"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.groupAssignmentTarget", ["groupId"] = g },
                })]),
            }, cancellationToken);

    /// <summary>Deletes the policy (Graph removes its assignments with it); one already gone is done.</summary>
    public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        _requests.DeleteAsync(Operation("DELETE", $"{Path}/{{id}}", $"delete device preparation policy {id}"), $"{Path}/{GraphPath.Id(id)}", cancellationToken);

    private static JsonObject Body(PolicyHeader header, JsonArray settings, string templateId = PreparationSettingsJson.UserDrivenTemplate) => new()
    {
        ["name"] = header.Name,
        ["description"] = header.Description,
        ["platforms"] = "windows10",
        ["technologies"] = "enrollment",
        ["roleScopeTagIds"] = new JsonArray([.. header.RoleScopeTagIds.Select(t => (JsonNode)JsonValue.Create(t))]),
        ["templateReference"] = new JsonObject { ["templateId"] = templateId },
        ["settings"] = settings.DeepClone(),
    };

    private static PreparationPolicy Map(JsonObject policy, JsonArray settings, string? deviceGroup, IReadOnlyList<string> userGroups)
    {
        var id = (string?)policy["id"] ?? throw new UnexpectedPolicyShapeException("Graph answered with a configuration policy without an id.");
        var header = new PolicyHeader(
            (string?)policy["name"] ?? "",
            (string?)policy["description"] ?? "",
            [.. (policy["roleScopeTagIds"] as JsonArray ?? []).Select(t => (string?)t).OfType<string>()]);
        var priority = policy["priorityMetaData"]?["priority"] is JsonValue p && p.TryGetValue<int>(out var n) ? n : (int?)null;
        var copy = (JsonArray)settings.DeepClone();
        return new PreparationPolicy(id, (string?)policy["templateReference"]?["templateId"] ?? "", header, PreparationSettingsJson.Read(copy), copy,
            string.IsNullOrEmpty(deviceGroup) ? null : deviceGroup, userGroups, priority, (string?)policy["createdDateTime"]);
    }
}
