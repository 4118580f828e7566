using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.Transport;

namespace EntraDevices.Graph.AutopilotDeploymentProfile;

/// <summary>
/// Windows Autopilot deployment profiles and their assignments (beta only) through <see cref="GraphRequests"/>:
/// a create is sent once, a PATCH carries only what changed, assignments are added and deleted one at a time.
/// </summary>
public sealed partial class ProfileClient(GraphConnection connection)
{
    public const string Path = "deviceManagement/windowsAutopilotDeploymentProfiles";

    private readonly GraphRequests _requests = new(connection);

    private static GraphOperation Operation(string method, string path, string action) => IntuneOperation.For(method, path, action);

    /// <summary>The profile with its assignments, or null when Graph answers 404.</summary>
    public async Task<DeploymentProfile?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var profile = await _requests.GetAsync(Operation("GET", $"{Path}/{{id}}", $"read Autopilot deployment profile {id}"), $"{Path}/{GraphPath.Id(id)}", cancellationToken);
        if (profile is null)
        {
            return null;
        }

        var assignments = await _requests.ListAsync(Operation("GET", $"{Path}/{{id}}/assignments", $"read the assignments of Autopilot deployment profile {id}"),
            $"{Path}/{GraphPath.Id(id)}/assignments", cancellationToken);
        return ProfileMapping.FromGraph(profile, assignments);
    }

    /// <summary>
    /// Creates the bare profile (no assignments), never resent but after a 429. With <paramref name="declared"/>, only those
    /// fields are sent (ProfileMapping.ToGraphCreate); without, every setting.
    /// </summary>
    public async Task<DeploymentProfile> CreateAsync(ProfileSettings settings, CancellationToken cancellationToken, IReadOnlySet<string>? declared = null)
    {
        var created = await _requests.SendAsync(
            Operation("POST", Path, $"create Autopilot deployment profile '{settings.DisplayName}'") with { Retriable = false },
            Path, declared is null ? ProfileMapping.ToGraph(settings) : ProfileMapping.ToGraphCreate(settings, declared), cancellationToken)
            ?? throw new UnexpectedPolicyShapeException("Graph answered the create of the Autopilot deployment profile without the profile.");
        return ProfileMapping.FromGraph(created, []);
    }

    /// <summary>Every profile whose display name is <paramref name="displayName"/>: profiles take no $filter, so the list is read.</summary>
    public async Task<IReadOnlyList<DeploymentProfile>> FindByDisplayNameAsync(string displayName, CancellationToken cancellationToken)
    {
        var found = new List<DeploymentProfile>();
        foreach (var (id, _) in (await ListAsync(cancellationToken)).Where(p => p.DisplayName == displayName))
        {
            if (await GetAsync(id, cancellationToken) is { } profile)
            {
                found.Add(profile);
            }
        }

        return found;
    }

    /// <summary>Every profile of the tenant, by id and display name (all pages).</summary>
    public async Task<IReadOnlyList<(string Id, string DisplayName)>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await _requests.ListAsync(Operation("GET", Path, "list the Autopilot deployment profiles"), Path, cancellationToken))
            .Select(p => ((string)p["id"]!, (string?)p["displayName"] ?? ""))];

    /// <summary>PATCHes only what differs (never the create-only device type); nothing is sent when nothing differs.</summary>
    public async Task<ProfileSettings> UpdateAsync(string id, ProfileSettings live, ProfileSettings desired, CancellationToken cancellationToken)
    {
        var changes = ProfileMapping.Changes(live, desired);
        if (changes.Count > 0)
        {
            await _requests.SendAsync(Operation("PATCH", $"{Path}/{{id}}", $"update Autopilot deployment profile {id}"), $"{Path}/{GraphPath.Id(id)}", changes, cancellationToken);
        }

        return desired with { DeviceType = live.DeviceType };
    }

    /// <summary>Adds one assignment; the tenant's refusal of a second all-devices profile names the profile that holds it.</summary>
    public async Task<ProfileAssignment> AssignAsync(string id, TargetKind kind, string? groupId, CancellationToken cancellationToken)
    {
        var what = kind == TargetKind.AllDevices ? "all devices" : $"{(kind == TargetKind.ExcludedGroup ? "excluded group" : "group")} {groupId}";
        var operation = Operation("POST", $"{Path}/{{id}}/assignments", $"assign Autopilot deployment profile {id} to {what}") with { Retriable = false };
        try
        {
            var created = await _requests.SendAsync(operation, $"{Path}/{GraphPath.Id(id)}/assignments", ProfileMapping.Assignment(kind, groupId), cancellationToken);
            var assignmentId = (string?)created?["id"] ?? $"{id}_{groupId ?? "allDevices"}";
            return new ProfileAssignment(assignmentId, kind, groupId);
        }
        catch (GraphRequestException refused) when (refused is { Status: 400 } && AllDevicesHolder().Match(refused.Message) is { Success: true } match)
        {
            var holder = match.Groups["id"].Value;
            var name = (await GetAsync(holder, cancellationToken))?.Settings.DisplayName;
            throw new GraphRequestException(operation, GraphFailureKind.Rejected,
                $"Graph refused to assign Autopilot deployment profile {id} to all devices: profile {(name is null ? "" : $"'{name}' ")}({holder}) already "
                + "targets all devices, and a tenant allows only one. Remove that profile's all-devices assignment, or target groups instead.", refused)
            { Status = 400, Code = refused.Code, RequestId = refused.RequestId };
        }
    }

    /// <summary>Removes one assignment; one already gone (a resend of a lost answer, or removed outside Pulumi) is done.</summary>
    public Task UnassignAsync(string id, ProfileAssignment assignment, CancellationToken cancellationToken) =>
        _requests.DeleteAsync(Operation("DELETE", $"{Path}/{{id}}/assignments/{{assignmentId}}", $"remove assignment {assignment.Id} of Autopilot deployment profile {id}"),
            $"{Path}/{GraphPath.Id(id)}/assignments/{GraphPath.Id(assignment.Id)}", cancellationToken);

    /// <summary>
    /// Deletes the profile's assignments, then the profile (Graph refuses to delete an assigned profile). A 404 on an
    /// assignment means that assignment is gone, never the profile; a 404 on the profile's own DELETE means it is gone.
    /// </summary>
    public async Task DeleteAsync(DeploymentProfile profile, CancellationToken cancellationToken)
    {
        foreach (var assignment in profile.Assignments)
        {
            await UnassignAsync(profile.Id, assignment, cancellationToken);
        }

        await _requests.DeleteAsync(Operation("DELETE", $"{Path}/{{id}}", $"delete Autopilot deployment profile {profile.Id}"), $"{Path}/{GraphPath.Id(profile.Id)}", cancellationToken);
    }

    [GeneratedRegex(@"Another Profile (?<id>[0-9a-fA-F-]{36}) is already assigned to All Devices", RegexOptions.IgnoreCase)]
    private static partial Regex AllDevicesHolder();
}
