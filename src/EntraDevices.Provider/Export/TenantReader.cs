using EntraDevices.Graph;
using EntraDevices.Graph.AutopilotDeploymentProfile;
using EntraDevices.Graph.AutopilotDevices;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.DevicePreparationPolicy;
using EntraDevices.Graph.EnrollmentStatusPage;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Export;

/// <summary>What was read: the sections, the device list, what could not be read and why.</summary>
internal sealed record TenantRead(IReadOnlyList<ExportedSection> Sections, IReadOnlyList<AutopilotDevice> Devices, IReadOnlyList<UnreadSection> Unread);

/// <summary>
/// Reads the tenant section by section, each through the same Read that <c>pulumi import</c> runs (so the configuration
/// written is what the import will record), and lists what the program's shape holds one of. Only GETs (and the device
/// preparation policy's read action) are sent; a section Graph refuses is named with its reason, and the others are read.
/// </summary>
internal sealed class TenantReader(IReadOnlyList<IResource> resources, Func<GraphConnection> connection, ExportOptions options, string urnPrefix, Func<string, Task> status)
{
    private readonly List<ExportedSection> _sections = [];
    private readonly List<UnreadSection> _unread = [];
    private IReadOnlyList<AutopilotDevice> _devices = [];

    public async Task<TenantRead> ReadAsync(CancellationToken token)
    {
        var operation = new Operation(token, status, status);
        await Section(ProgramShape.PolicySection, "the device registration policy", async () =>
            [EntraSections.Policy(await Inputs(ProgramShape.PolicyType, ProgramShape.PolicyId, operation))]);
        await Section(ProgramShape.BitLockerSection, "the BitLocker key recovery restriction", async () =>
            [EntraSections.BitLocker(await Inputs(ProgramShape.BitLockerType, ProgramShape.BitLockerId, operation))]);
        await Section(ProgramShape.EnrollmentSection, "automatic Intune enrollment", async () =>
            [EntraSections.Enrollment(await Inputs(ProgramShape.EnrollmentType, ProgramShape.EnrollmentId, operation))]);
        await Section(ProgramShape.StatusPageSection, "the Enrollment Status Pages", () => StatusPagesAsync(operation));
        await Section(ProgramShape.ProfileSection, "the Autopilot deployment profiles", () => ProfilesAsync(operation));
        await Section(ProgramShape.DevicesSection, "the Autopilot devices", async () =>
        {
            _devices = await new AutopilotDeviceClient(connection()).DevicesAsync(token);
            await status($"{_devices.Count} Autopilot device(s) read");
            return DevicesSection.Of(_devices, options.Stack) is { } devices ? [devices] : [];
        });
        await Section(ProgramShape.PreparationSection, "the device preparation policies", () => PreparationAsync(operation));
        return new TenantRead(_sections, _devices, _unread);
    }

    private async Task Section(string name, string what, Func<Task<IReadOnlyList<ExportedSection>>> read)
    {
        await status($"reading {what}");
        try
        {
            _sections.AddRange(await read());
        }
        catch (Exception error) when (error is CleanFailure or PartialFailure or GraphRequestException or UnexpectedPolicyShapeException or PersonRequiredException)
        {
            _unread.Add(new UnreadSection(name, Reason(error)));
        }
    }

    // The provider's failures end with what was left unchanged; the export changes nothing, so that tail is dropped.
    private static string Reason(Exception error)
    {
        var message = error.Message;
        var tail = message.IndexOf(" Nothing was changed", StringComparison.Ordinal);
        return tail > 0 ? message[..tail] : message;
    }

    private async Task<ObjectValue> Inputs(string type, string id, Operation operation)
    {
        var resource = resources.Single(r => r.Token == type);
        var name = type[(type.LastIndexOf(':') + 1)..];
        var read = await resource.ReadAsync(new ResourceRead($"{urnPrefix}::{type}::{name}", id, ObjectValue.Empty, ObjectValue.Empty), operation);
        return read.Id.Length > 0 ? read.Inputs : throw new CleanFailure(CleanFailureReason.Refused, $"Graph answered that {name} {id} is not found.");
    }

    private async Task<IReadOnlyList<ExportedSection>> StatusPagesAsync(Operation operation)
    {
        var found = new List<ExportedSection> { IntuneSections.DefaultStatusPage(await Inputs(ProgramShape.DefaultStatusPageType, ProgramShape.DefaultStatusPageId, operation)) };
        var pages = (await new StatusPageClient(connection()).ListAsync(operation.Token)).Where(p => p.Priority > 0).OrderBy(p => p.Priority).ToList();
        var chosen = Choose(pages.Select(p => (p.Id, Label: $"'{p.DisplayName}' ({p.Id}, priority {p.Priority})")).ToList(), options.StatusPageId, "--status-page", "Enrollment Status Page");
        if (chosen is { } page)
        {
            var section = IntuneSections.StatusPage(page.Id, await Inputs(ProgramShape.StatusPageType, page.Id, operation));
            found.Add(section with { Notes = [.. section.Notes, .. Others(pages.Select(p => (p.Id, $"'{p.DisplayName}' ({p.Id}, priority {p.Priority})")), page.Id, "Enrollment Status Page", "--status-page")] });
        }

        return found;
    }

    private async Task<IReadOnlyList<ExportedSection>> ProfilesAsync(Operation operation)
    {
        var profiles = (await new ProfileClient(connection()).ListAsync(operation.Token)).OrderBy(p => p.DisplayName, StringComparer.Ordinal).ToList();
        var candidates = options.DeploymentProfileId is { } wanted
            ? [Choose(profiles.Select(p => (p.Id, Label: p.DisplayName)).ToList(), wanted, "--deployment-profile", "deployment profile")!.Value.Id]
            : profiles.Select(p => p.Id).ToList();
        var refusals = new List<string>();
        foreach (var id in candidates)
        {
            var (section, refusal) = IntuneSections.Profile(id, await Inputs(ProgramShape.ProfileType, id, operation));
            if (section is not null)
            {
                return [section with { Notes = [.. section.Notes, .. refusals, .. Others(profiles.Select(p => (p.Id, $"'{p.DisplayName}' ({p.Id})")), id, "deployment profile", "--deployment-profile")] }];
            }

            refusals.Add(refusal!);
        }

        return refusals.Count == 0 ? [] : throw new CleanFailure(CleanFailureReason.Refused, string.Join(" ", refusals));
    }

    private async Task<IReadOnlyList<ExportedSection>> PreparationAsync(Operation operation)
    {
        var policies = (await new PreparationPolicyClient(connection()).ListUserDrivenAsync(operation.Token)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        if (Choose(policies.Select(p => (p.Id, Label: $"'{p.Name}' ({p.Id})")).ToList(), options.PreparationPolicyId, "--preparation-policy", "device preparation policy") is not { } chosen)
        {
            return [];
        }

        var section = IntuneSections.Preparation(chosen.Id, await Inputs(ProgramShape.PreparationType, chosen.Id, operation));
        return [section with { Notes = [.. section.Notes, .. Others(policies.Select(p => (p.Id, $"'{p.Name}' ({p.Id})")), chosen.Id, "device preparation policy", "--preparation-policy")] }];
    }

    /// <summary>The one the user named, else the first; none where the tenant has none.</summary>
    private static (string Id, string Label)? Choose(IReadOnlyList<(string Id, string Label)> all, string? wanted, string argument, string what)
    {
        if (wanted is null)
        {
            return all.Count > 0 ? all[0] : null;
        }

        return all.FirstOrDefault(item => string.Equals(item.Id, wanted, StringComparison.OrdinalIgnoreCase)) is { Id: not null } found
            ? found
            : throw new CleanFailure(CleanFailureReason.InvalidInput, $"{argument} {wanted} names no {what} of the tenant; it has "
                + (all.Count == 0 ? "none." : string.Join(", ", all.Select(item => item.Label)) + "."));
    }

    // The program declares one of each: the others are named, with the argument that picks another.
    private static IEnumerable<string> Others(IEnumerable<(string Id, string Label)> all, string chosen, string what, string argument)
    {
        var others = all.Where(item => item.Id != chosen).Select(item => item.Label).ToList();
        return others.Count == 0 ? [] :
            [$"The program declares one {what}; the tenant has {others.Count} more, which stay as they are, outside the stack: {string.Join(", ", others)}. "
                + $"To declare another instead, run the export again with {argument} <id>."];
    }
}
