using System.Text.Json.Nodes;
using EntraDevices.Graph;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.DevicePreparationPolicy;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Objects;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Resources.AutopilotDevicePreparationPolicy;

/// <summary>
/// <c>entradevices:index:AutopilotDevicePreparationPolicy</c>: a user-driven device preparation policy the stack
/// creates. An update PUTs the whole policy, every setting it holds kept and the declared ones laid over them; the
/// device group is bound by the membership target action, waiting out replication for the codes that can be lag
/// (graph-device-preparation.md §9); the assignment is replaced by exactly the declared user groups. Its name finds
/// it again after a lost create. Nothing is create-only: the template is fixed, and a policy of another template is
/// refused, never changed.
/// </summary>
/// <param name="bindingWaits">The waits before a bind refused with a code that can be lag is sent again (about two minutes).</param>
/// <param name="serverErrorWaits">The waits before a bind answered with a server error is sent again (twice, §5).</param>
internal sealed class AutopilotDevicePreparationPolicyKind(IReadOnlyList<TimeSpan>? bindingWaits = null, IReadOnlyList<TimeSpan>? serverErrorWaits = null)
    : IObjectKind<PreparationSpec, PreparationPolicy>
{
    private static readonly TimeSpan[] DefaultBindingWaits = [.. new[] { 5, 10, 15, 30, 30, 30 }.Select(s => TimeSpan.FromSeconds(s))];
    private static readonly TimeSpan[] DefaultServerErrorWaits = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    public string Token => "entradevices:index:AutopilotDevicePreparationPolicy";

    public string Noun => "the device preparation policy";

    public IReadOnlyList<string> Leaves => PreparationProperties.Leaves;

    public IReadOnlySet<string> IdLists => PreparationProperties.IdLists;

    public IReadOnlySet<string> ElementLists => PreparationProperties.ElementLists;

    public IReadOnlyList<string> ReplaceOn { get; } = [];

    public bool DeleteBeforeReplace => false;

    public IReadOnlyList<string> AssignedOutputs { get; } = [PreparationProperties.Priority, PreparationProperties.CreatedDateTime];

    public CheckResult Check(ObjectValue news) => PreparationCheck.Check(news);

    public PreparationSpec Spec(ObjectValue inputs) => PreparationSpec.Read(inputs);

    public string IdOf(PreparationPolicy live) => live.Id;

    public bool Matches(PreparationPolicy live, PreparationSpec spec) => spec.HeldBy(live);

    public string NaturalKey(PreparationSpec spec) => $"name '{spec.Name}'";

    public ObjectValue Outputs(PreparationPolicy live) => PreparationState.Outputs(live);

    public ObjectValue ImportedInputs(PreparationPolicy live) => PreparationState.Inputs(live);

    public IObjectEndpoint<PreparationSpec, PreparationPolicy> Endpoint(GraphConnection connection) =>
        new PolicyEndpoint(new PreparationPolicyClient(connection), new InstallAssignments(connection), bindingWaits ?? DefaultBindingWaits, serverErrorWaits ?? DefaultServerErrorWaits);

    public JsonObject Schema() => PreparationSchema.Resource();

    public JsonObject SchemaTypes() => PreparationSchema.Types();

    private sealed class PolicyEndpoint(PreparationPolicyClient client, InstallAssignments installs, IReadOnlyList<TimeSpan> bindingWaits, IReadOnlyList<TimeSpan> serverErrorWaits)
        : IObjectEndpoint<PreparationSpec, PreparationPolicy>
    {
        public async Task<PreparationPolicy?> GetAsync(string id, CancellationToken cancellationToken)
        {
            var policy = await client.GetAsync(id, cancellationToken);
            return policy is null || policy.TemplateId == PreparationSettingsJson.UserDrivenTemplate ? policy : throw new UnexpectedPolicyShapeException(
                $"Configuration policy {id} is of the template '{policy.TemplateId}', not the user-driven device preparation template "
                + $"{PreparationSettingsJson.UserDrivenTemplate}; this resource manages only user-driven device preparation policies, so it leaves this one as it is");
        }

        public Task<PreparationPolicy> CreateAsync(PreparationSpec spec, CancellationToken cancellationToken) =>
            client.CreateAsync(spec.Over(PreparationSpec.NewHeader), PreparationSettingsJson.ForCreate(spec.Settings), cancellationToken);

        public async Task<PreparationPolicy?> FindAsync(PreparationSpec spec, CancellationToken cancellationToken)
        {
            var found = await client.FindByNameAsync(spec.Name, cancellationToken);
            return found.Count <= 1 ? found.SingleOrDefault() : throw new UnexpectedPolicyShapeException(
                $"the tenant holds {found.Count} device preparation policies named '{spec.Name}' ({string.Join(", ", found.Select(p => p.Id))}), "
                + "so which one this create made cannot be told");
        }

        public async Task<PreparationPolicy> ReconcileAsync(PreparationPolicy current, PreparationSpec spec, Operation operation)
        {
            if (!spec.HeaderAndSettingsHeldBy(current))
            {
                // Graph takes the whole policy: every setting it holds goes back, the declared ones laid over them.
                var header = spec.Over(current.Header);
                var settings = PreparationSettingsJson.Overlay(current.RawSettings, spec.Settings);
                await operation.StatusAsync($"updating device preparation policy {current.Id}");
                await client.PutAsync(current.Id, current.TemplateId, header, settings, operation.Token);
                current = current with { Header = header, RawSettings = settings, Settings = PreparationSettingsJson.Read(settings) };
            }

            if (spec.DeviceGroup is { } group && !spec.GroupHeldBy(current))
            {
                await BindAsync(current.Id, group, operation);
                current = current with { DeviceGroupId = group };
            }

            if (spec.UserGroups is { } users && !spec.AssignmentsHeldBy(current))
            {
                await operation.StatusAsync($"assigning device preparation policy {current.Id} to {users.Count} user group(s)");
                await client.AssignAsync(current.Id, users, operation.Token);
                current = current with { UserGroups = users };
            }

            return current;
        }

        public Task DeleteAsync(PreparationPolicy current, CancellationToken cancellationToken) => client.DeleteAsync(current.Id, cancellationToken);

        /// <summary>
        /// Tutorial step 5, which this resource does not manage: each allowed app must be assigned, required, to the device
        /// group, and each script assigned there, or device preparation waits for it in vain. Said after every up and refresh.
        /// </summary>
        public async Task TellAsync(PreparationPolicy live, Operation operation)
        {
            var apps = live.Settings.AllowedApps ?? [];
            var scripts = live.Settings.AllowedScripts ?? [];
            if (live.DeviceGroupId is not { } group || apps.Count + scripts.Count == 0)
            {
                return;
            }

            try
            {
                var missing = (await installs.UnassignedAppsAsync(apps, group, operation.Token)).Concat(await installs.UnassignedScriptsAsync(scripts, group, operation.Token)).ToList();
                if (missing.Count > 0)
                {
                    await operation.NoteAsync($"Device preparation policy {live.Id}: {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not assigned to the "
                        + $"device group {group} (an app as required); device preparation waits for {(missing.Count == 1 ? "it" : "them")} in vain during setup. "
                        + "Assign them to the device group in Intune (Microsoft's tutorial, step 5).");
                }
            }
            catch (Exception error) when (GraphFailures.StepFailed(error))
            {
                await operation.NoteAsync($"Device preparation policy {live.Id}: whether its apps and scripts are assigned to the device group could not be "
                    + $"read ({error.Message.TrimEnd('.')}); check them in Intune (Microsoft's tutorial, step 5).");
            }
        }

        /// <summary>
        /// Binds the device group. A refusal that can be replication lag (group not found, owner not seen) is sent again
        /// after each of the binding waits; a server error twice (an application's token gets one every time, §5); then
        /// the failure says what to fix.
        /// </summary>
        private async Task BindAsync(string id, string group, Operation operation)
        {
            var lag = 0;
            var serverErrors = 0;
            while (true)
            {
                await operation.StatusAsync($"binding device group {group} to device preparation policy {id}");
                DeviceGroupBinding result;
                try
                {
                    result = await client.SetDeviceGroupAsync(id, group, operation.Token);
                }
                catch (GraphRequestException error) when (error.Status == 500 && serverErrors < serverErrorWaits.Count)
                {
                    await Task.Delay(serverErrorWaits[serverErrors++], operation.Token);
                    continue;
                }
                catch (GraphRequestException error) when (error.Status == 500)
                {
                    throw new GraphRequestException(error.Operation, error.Kind,
                        $"{Sentences.End(error.Message)} Graph answers this call with a server error when the provider signs in as an application (reported for "
                        + "user-driven policies since March 2026): bind the device group signed in as a person (an Intune Administrator, e.g. `az login` and "
                        + "`pulumi up` from a workstation), or in the admin center", error)
                    { Status = error.Status, Code = error.Code, RequestId = error.RequestId };
                }

                if (result.Succeeded)
                {
                    return;
                }

                if (result.MayBeLag && lag < bindingWaits.Count)
                {
                    var wait = bindingWaits[lag++];
                    await operation.StatusAsync($"Intune answered {result.Code} for device group {group}; a group or owner made moments ago may not have "
                        + $"replicated yet: trying again in {wait.TotalSeconds:0} s");
                    await Task.Delay(wait, operation.Token);
                    continue;
                }

                throw new CleanFailure(CleanFailureReason.Refused, $"Intune refused to bind device group {group} to device preparation policy {id}: {result.Problem(group)}.");
            }
        }
    }
}
