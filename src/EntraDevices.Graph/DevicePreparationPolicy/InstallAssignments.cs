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
    public async Task<IReadOnlyList<string>> UnassignedAppsAsync(IEnumerable<AllowedApp> apps, string groupId, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var app in apps)
        {
            var path = $"deviceAppManagement/mobileApps/{GraphPath.Id(app.Id)}/assignments";
            var operation = new GraphOperation("GET", "/deviceAppManagement/mobileApps/{id}/assignments", $"read the assignments of app {app.Id}",
                "DeviceManagementApps.Read.All", "Intune Administrator (or Global Reader)")
            { ApiVersion = "beta" };
            if (await ReadAsync(operation, path, cancellationToken) is not { } assignments)
            {
                missing.Add($"app {app.Id} (not found in Intune)");
            }
            else if (!assignments.Any(a => Targets(a, groupId) && (string?)a["intent"] == "required"))
            {
                missing.Add($"app {app.Id}");
            }
        }

        return missing;
    }

    /// <summary>The allowed platform scripts not assigned to <paramref name="groupId"/>.</summary>
    public async Task<IReadOnlyList<string>> UnassignedScriptsAsync(IEnumerable<string> scripts, string groupId, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var script in scripts)
        {
            var path = $"deviceManagement/deviceManagementScripts/{GraphPath.Id(script)}/assignments";
            var operation = new GraphOperation("GET", "/deviceManagement/deviceManagementScripts/{id}/assignments", $"read the assignments of platform script {script}",
                "DeviceManagementConfiguration.Read.All", "Intune Administrator (or Global Reader)")
            { ApiVersion = "beta" };
            if (await ReadAsync(operation, path, cancellationToken) is not { } assignments)
            {
                missing.Add($"platform script {script} (not found in Intune)");
            }
            else if (!assignments.Any(a => Targets(a, groupId)))
            {
                missing.Add($"platform script {script}");
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
