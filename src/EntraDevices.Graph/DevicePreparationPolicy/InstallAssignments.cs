using System.Text.Json.Nodes;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.Transport;

namespace EntraDevices.Graph.DevicePreparationPolicy;

/// <summary>
/// Whether the apps and platform scripts a device preparation policy installs are assigned to its device group
/// (Microsoft's tutorial step 5, graph-device-preparation.md §2.4): an app must be assigned there as required, a script
/// assigned there, or device preparation waits for it in vain during setup. Read only.
/// </summary>
public sealed class InstallAssignments(GraphConnection connection)
{
    private readonly GraphRequests _requests = new(connection);

    /// <summary>The allowed apps not assigned, required, to <paramref name="groupId"/>, each with why.</summary>
    public Task<IReadOnlyList<string>> UnassignedAppsAsync(IEnumerable<AllowedApp> apps, string groupId, CancellationToken cancellationToken) =>
        UnassignedAsync(apps.Select(app => app.Id), "app", "deviceAppManagement/mobileApps", IntuneOperation.Apps,
            assignment => Targets(assignment, groupId) && (string?)assignment["intent"] == "required", cancellationToken);

    /// <summary>The allowed platform scripts not assigned to <paramref name="groupId"/>.</summary>
    public Task<IReadOnlyList<string>> UnassignedScriptsAsync(IEnumerable<string> scripts, string groupId, CancellationToken cancellationToken) =>
        UnassignedAsync(scripts, "platform script", "deviceManagement/deviceManagementScripts", IntuneOperation.Configuration,
            assignment => Targets(assignment, groupId), cancellationToken);

    /// <summary>Each of <paramref name="ids"/> whose assignments hold none that <paramref name="fits"/>, or that Intune does not know, in words.</summary>
    private async Task<IReadOnlyList<string>> UnassignedAsync(
        IEnumerable<string> ids, string what, string collection, string family, Func<JsonObject, bool> fits, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var id in ids)
        {
            var operation = IntuneOperation.For("GET", $"{collection}/{{id}}/assignments", $"read the assignments of {what} {id}", family: family);
            if (await ReadAsync(operation, $"{collection}/{GraphPath.Id(id)}/assignments", cancellationToken) is not { } assignments)
            {
                missing.Add($"{what} {id} (not found in Intune)");
            }
            else if (!assignments.Any(fits))
            {
                missing.Add($"{what} {id}");
            }
        }

        return missing;
    }

    private async Task<IReadOnlyList<JsonObject>?> ReadAsync(GraphOperation operation, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await _requests.ListAsync(operation, path, cancellationToken);
        }
        catch (GraphRequestException missing) when (missing.Status == 404)
        {
            return null;
        }
    }

    private static bool Targets(JsonObject assignment, string groupId) =>
        (string?)assignment["target"]?["@odata.type"] == "#microsoft.graph.groupAssignmentTarget"
        && string.Equals((string?)assignment["target"]?["groupId"], groupId, StringComparison.OrdinalIgnoreCase);
}
