using System.Text.Json.Nodes;
using EntraDevices.Graph;
using EntraDevices.Graph.AutopilotDeploymentProfile;
using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Objects;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Resources.AutopilotDeploymentProfile;

/// <summary>
/// <c>entradevices:index:AutopilotDeploymentProfile</c>: a deployment profile the stack creates, with its assignments
/// reconciled one POST or DELETE at a time. Its display name finds it again after a lost create; its device type is
/// create-only; it is deleted before its replacement is made, since only one profile may hold all devices.
/// </summary>
internal sealed class AutopilotDeploymentProfileKind : IObjectKind<ProfileSpec, DeploymentProfile>
{
    public string Token => "entradevices:index:AutopilotDeploymentProfile";

    public string Noun => "the Autopilot deployment profile";

    public IReadOnlyList<string> Leaves => ProfileProperties.Leaves;

    public IReadOnlySet<string> IdLists => ProfileProperties.IdLists;

    public IReadOnlySet<string> ElementLists => ProfileProperties.TargetLists;

    public IReadOnlyList<string> ReplaceOn { get; } = [ProfileProperties.DeviceType];

    public bool DeleteBeforeReplace => true;

    public IReadOnlyList<string> AssignedOutputs { get; } = [ProfileProperties.CreatedDateTime];

    public CheckResult Check(ObjectValue news) => ProfileCheck.Check(news);

    public ProfileSpec Spec(ObjectValue inputs) => ProfileSpec.Read(inputs);

    public string IdOf(DeploymentProfile live) => live.Id;

    public bool Matches(DeploymentProfile live, ProfileSpec spec) => spec.HeldBy(live);

    public string NaturalKey(ProfileSpec spec) => $"display name '{spec.DisplayName}'";

    public ObjectValue Outputs(DeploymentProfile live) => ProfileState.Outputs(live);

    public ObjectValue ImportedInputs(DeploymentProfile live) => ProfileState.Inputs(live);

    public IObjectEndpoint<ProfileSpec, DeploymentProfile> Endpoint(GraphConnection connection) => new ProfileEndpoint(new ProfileClient(connection));

    public JsonObject Schema() => ProfileSchema.Resource();

    public JsonObject SchemaTypes() => ProfileSchema.Types();

    private sealed class ProfileEndpoint(ProfileClient client) : IObjectEndpoint<ProfileSpec, DeploymentProfile>
    {
        public Task<DeploymentProfile?> GetAsync(string id, CancellationToken cancellationToken) => client.GetAsync(id, cancellationToken);

        public Task<DeploymentProfile> CreateAsync(ProfileSpec spec, CancellationToken cancellationToken) =>
            client.CreateAsync(spec.Over(ProfileSpec.Defaults), cancellationToken, spec.DeclaredGraphFields());

        public async Task<DeploymentProfile?> FindAsync(ProfileSpec spec, CancellationToken cancellationToken)
        {
            var found = await client.FindByDisplayNameAsync(spec.DisplayName, cancellationToken);
            return found.Count <= 1 ? found.SingleOrDefault() : throw new UnexpectedPolicyShapeException(
                $"the tenant holds {found.Count} Autopilot deployment profiles named '{spec.DisplayName}' ({string.Join(", ", found.Select(p => p.Id))}), "
                + "so which one this create made cannot be told");
        }

        public async Task<DeploymentProfile> ReconcileAsync(DeploymentProfile current, ProfileSpec spec, Operation operation)
        {
            var desired = spec.Over(current.Settings) with { DeviceType = current.Settings.DeviceType };
            var settings = ProfileSpec.SameSettings(desired, current.Settings)
                ? current.Settings
                : await client.UpdateAsync(current.Id, current.Settings, desired, operation.Token);
            var assignments = current.Assignments.ToList();
            if (spec.Targets is { } targets)
            {
                var wanted = targets.All.ToList();
                // A group moving between groups and excludedGroups first loses its old assignment: an assignment's id is
                // <profile id>_<group id>, so Graph cannot hold both (inferred from that shape; if it could, this still converges).
                foreach (var moving in assignments.Where(a => a.GroupId is not null && !wanted.Any(t => a.Targets(t.Kind, t.GroupId))
                    && wanted.Any(t => t.GroupId == a.GroupId)).ToList())
                {
                    await client.UnassignAsync(current.Id, moving, operation.Token);
                    assignments.Remove(moving);
                }

                // Add before removing the rest, so a profile moved from one group to another never targets nobody.
                foreach (var (kind, group) in wanted.Where(t => !assignments.Any(a => a.Targets(t.Kind, t.GroupId))))
                {
                    await operation.StatusAsync($"assigning the profile to {(group ?? "all devices")}");
                    assignments.Add(await client.AssignAsync(current.Id, kind, group, operation.Token));
                }

                foreach (var extra in assignments.Where(a => !wanted.Any(t => a.Targets(t.Kind, t.GroupId))).ToList())
                {
                    await client.UnassignAsync(current.Id, extra, operation.Token);
                    assignments.Remove(extra);
                }
            }

            return current with { Settings = settings, Assignments = assignments };
        }

        public Task DeleteAsync(DeploymentProfile current, CancellationToken cancellationToken) => client.DeleteAsync(current, cancellationToken);
    }
}
