using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.Transport;

namespace EntraDevices.Graph.EnrollmentStatusPage;

/// <summary>
/// Enrollment Status Pages (beta <c>deviceEnrollmentConfigurations</c>) through <see cref="GraphRequests"/>: a create
/// is sent once, a PATCH carries only what changed and never the priority, <c>assign</c> sends the whole list, and the
/// priority moves only through <c>setPriority</c>.
/// </summary>
public sealed class StatusPageClient(GraphConnection connection)
{
    public const string Path = "deviceManagement/deviceEnrollmentConfigurations";
    public const string ODataType = "#microsoft.graph.windows10EnrollmentCompletionPageConfiguration";

    private readonly GraphRequests _requests = new(connection);

    private static GraphOperation Operation(string method, string path, string action) => IntuneOperation.For(method, path, action);

    /// <summary>
    /// The page, with its assignments unless <paramref name="withAssignments"/> is false (the default page has none, and a
    /// delete needs none). Two GETs: the facts document no <c>$expand=assignments</c> for these configurations.
    /// </summary>
    public async Task<StatusPage?> GetAsync(string id, CancellationToken cancellationToken, bool withAssignments = true)
    {
        var page = await _requests.GetAsync(Operation("GET", $"{Path}/{{id}}", $"read Enrollment Status Page {id}"), $"{Path}/{GraphPath.Id(id)}", cancellationToken);
        if (page is null)
        {
            return null;
        }

        if (!withAssignments)
        {
            return FromGraph(page, []);
        }

        var assignments = await _requests.ListAsync(Operation("GET", $"{Path}/{{id}}/assignments", $"read the assignments of Enrollment Status Page {id}"),
            $"{Path}/{GraphPath.Id(id)}/assignments", cancellationToken);
        return FromGraph(page, [.. assignments.Select(a => (string?)a["target"]?["groupId"]).OfType<string>()]);
    }

    /// <summary>Creates the page (Graph appends it at the next priority), never retried.</summary>
    public async Task<StatusPage> CreateAsync(string displayName, JsonObject settings, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["@odata.type"] = ODataType, ["displayName"] = displayName };
        foreach (var (name, value) in settings)
        {
            body[name] = value?.DeepClone();
        }

        var created = await _requests.SendAsync(Operation("POST", Path, $"create Enrollment Status Page '{displayName}'") with { Retriable = false }, Path, body, cancellationToken)
            ?? throw new UnexpectedPolicyShapeException("Graph answered the create of the Enrollment Status Page without the page.");
        return FromGraph(created, []);
    }

    /// <summary>
    /// The tenant's default page (priority 0) in one request: the list holds each configuration whole. Where a listed page
    /// lacks its settings (a list that answers with less, which the facts do not rule out), it is read by id instead.
    /// </summary>
    public async Task<StatusPage> GetDefaultAsync(CancellationToken cancellationToken)
    {
        var listed = (await PagesAsync(cancellationToken)).FirstOrDefault(c => ((int?)c["priority"] ?? -1) == 0)
            ?? throw new UnexpectedPolicyShapeException("Graph lists no Enrollment Status Page with priority 0, so the tenant's default page was not found.");
        var id = (string?)listed["id"] ?? throw new UnexpectedPolicyShapeException("Graph lists the default Enrollment Status Page without an id.");
        return listed.ContainsKey("showInstallationProgress")
            ? FromGraph(listed, [])
            : await GetAsync(id, cancellationToken, withAssignments: false)
                ?? throw new UnexpectedPolicyShapeException($"The default Enrollment Status Page {id} is listed but cannot be read.");
    }

    /// <summary>Every Enrollment Status Page (the other configurations of the collection left out), with display name and priority.</summary>
    public async Task<IReadOnlyList<(string Id, string DisplayName, int Priority)>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await PagesAsync(cancellationToken)).Select(c => ((string)c["id"]!, (string?)c["displayName"] ?? "", (int?)c["priority"] ?? 0))];

    /// <summary>The collection's Enrollment Status Pages as listed, whole (its other configurations left out).</summary>
    private async Task<IEnumerable<JsonObject>> PagesAsync(CancellationToken cancellationToken) =>
        (await _requests.ListAsync(Operation("GET", Path, "list the Enrollment Status Pages"), Path, cancellationToken))
            .Where(c => (string?)c["@odata.type"] == ODataType);

    public async Task UpdateAsync(string id, JsonObject changes, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["@odata.type"] = ODataType };
        foreach (var (name, value) in changes)
        {
            body[name] = value?.DeepClone();
        }

        await _requests.SendAsync(Operation("PATCH", $"{Path}/{{id}}", $"update Enrollment Status Page {id}"), $"{Path}/{GraphPath.Id(id)}", body, cancellationToken);
    }

    /// <summary>Replaces the page's assignments with exactly <paramref name="groups"/>.</summary>
    public async Task AssignAsync(string id, IReadOnlyList<string> groups, CancellationToken cancellationToken)
    {
        var list = new JsonArray([.. groups.Select(g => (JsonNode)new JsonObject
        {
            ["target"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.groupAssignmentTarget", ["groupId"] = g },
        })]);
        await _requests.SendAsync(Operation("POST", $"{Path}/{{id}}/assign", $"assign Enrollment Status Page {id} to {groups.Count} group(s)"),
            $"{Path}/{GraphPath.Id(id)}/assign", new JsonObject { ["enrollmentConfigurationAssignments"] = list }, cancellationToken);
    }

    public async Task SetPriorityAsync(string id, int priority, CancellationToken cancellationToken) =>
        await _requests.SendAsync(Operation("POST", $"{Path}/{{id}}/setPriority", $"give Enrollment Status Page {id} priority {priority}"),
            $"{Path}/{GraphPath.Id(id)}/setPriority", new JsonObject { ["priority"] = priority }, cancellationToken);

    /// <summary>Deletes the page; one already gone (a 404) is done.</summary>
    public Task DeleteAsync(string id, CancellationToken cancellationToken) =>
        _requests.DeleteAsync(Operation("DELETE", $"{Path}/{{id}}", $"delete Enrollment Status Page {id}"), $"{Path}/{GraphPath.Id(id)}", cancellationToken);

    /// <summary>The page from Graph's JSON: only the writable settings of <see cref="StatusPageFields"/> are kept.</summary>
    public static StatusPage FromGraph(JsonObject json, IReadOnlyList<string> groups)
    {
        if ((string?)json["@odata.type"] is { } type && type != ODataType)
        {
            throw new UnexpectedPolicyShapeException($"Graph returned a {type}, not an Enrollment Status Page.");
        }

        var settings = new JsonObject();
        foreach (var field in StatusPageFields.Writable)
        {
            settings[field.Name] = json[field.Name]?.DeepClone();
        }

        return new StatusPage(
            (string?)json["id"] ?? throw new UnexpectedPolicyShapeException("Graph returned an Enrollment Status Page without an id."),
            (string?)json["displayName"] ?? "",
            json["priority"] is JsonValue priority && priority.TryGetValue<int>(out var n) ? n : 0,
            settings, groups, (string?)json["createdDateTime"]);
    }
}
