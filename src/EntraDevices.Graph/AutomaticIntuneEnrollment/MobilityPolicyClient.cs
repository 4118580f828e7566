using EntraDevices.Graph.Connection;
using EntraDevices.Graph.Transport;

namespace EntraDevices.Graph.AutomaticIntuneEnrollment;

/// <summary>
/// Reads and changes one mobility management policy (beta, delegated only: a person must be signed in) through
/// <see cref="GraphRequests"/>, one <see cref="MobilityStep"/> at a time.
/// </summary>
public sealed class MobilityPolicyClient(GraphConnection connection, MobilityKind kind, string appId)
{
    private const string Permission = "Policy.ReadWrite.MobilityManagement";
    private const string Role = "Cloud Device Administrator";
    private const string ReadPermission = "Policy.Read.All";
    private const string ReadRole = "Global Reader, Intune Administrator or Windows 365 Administrator";

    private readonly GraphRequests _requests = new(connection);

    private string Path => $"policies/{(kind == MobilityKind.Mdm ? "mobileDeviceManagementPolicies" : "mobileAppManagementPolicies")}/{appId}";

    private string Noun => kind == MobilityKind.Mdm ? "the MDM user scope (automatic Intune enrollment)" : "the MAM user scope";

    private GraphOperation Operation(string method, string action) =>
        method == "GET"
            ? new(method, $"/{Path}", $"{action} {Noun}", ReadPermission, ReadRole) { ApiVersion = "beta", DelegatedOnly = true }
            : new(method, $"/{Path}", $"{action} {Noun}", Permission, Role) { ApiVersion = "beta", DelegatedOnly = true };

    public async Task<MobilityPolicy> GetAsync(CancellationToken cancellationToken)
    {
        var json = await _requests.GetAsync(Operation("GET", "read"), $"{Path}?$expand=includedGroups", cancellationToken)
            ?? throw new UnexpectedPolicyShapeException($"Graph has no mobility management policy for application {appId} ({Path}).");
        return MobilityPolicyMapping.FromGraph(json);
    }

    /// <summary>Sends the steps from <paramref name="live"/> to <paramref name="desired"/>, then reads the policy back.</summary>
    public Task<MobilityPolicy> ApplyAsync(MobilityPolicy live, MobilityPolicy desired, CancellationToken cancellationToken) =>
        ApplyAsync(live, desired, () => { }, cancellationToken);

    /// <param name="applied">Told after each step Graph accepted.</param>
    public async Task<MobilityPolicy> ApplyAsync(MobilityPolicy live, MobilityPolicy desired, Action applied, CancellationToken cancellationToken)
    {
        foreach (var step in MobilityPlan.Steps(live, desired))
        {
            switch (step)
            {
                case MobilityStep.PatchUrls urls:
                    await _requests.SendAsync(Operation("PATCH", "update the URLs of"), Path, urls.Changes, cancellationToken);
                    break;
                case MobilityStep.SetScope scope:
                    await _requests.SendAsync(Operation("PATCH", "set"), Path, new() { ["appliesTo"] = MobilityPolicyMapping.ToGraph(scope.Scope) }, cancellationToken);
                    break;
                case MobilityStep.AddGroup add:
                    await _requests.AddReferenceAsync(Operation("POST", $"add group {add.GroupId} to"), $"{Path}/includedGroups", $"groups/{GraphPath.Id(add.GroupId)}", cancellationToken);
                    break;
                case MobilityStep.RemoveGroup remove:
                    await _requests.RemoveReferenceAsync(Operation("DELETE", $"remove group {remove.GroupId} from"), $"{Path}/includedGroups", remove.GroupId, cancellationToken);
                    break;
            }

            applied();
        }

        return await GetAsync(cancellationToken);
    }
}
