using EntraDevices.Graph;
using EntraDevices.Graph.AutopilotDeploymentProfile;
using EntraDevices.Graph.AutopilotDevices;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.CorporateIdentifiers;
using EntraDevices.Graph.DevicePreparationPolicy;
using EntraDevices.Graph.EnrollmentStatusPage;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Export;

/// <summary>What was read: the sections, the device list, what could not be read and why.</summary>
internal sealed record TenantRead(IReadOnlyList<ExportedSection> Sections, IReadOnlyList<AutopilotDevice> Devices, IReadOnlyList<UnreadSection> Unread)
{
    /// <summary>The Windows corporate identifiers, each whole (the tenant keeps them so).</summary>
    public IReadOnlyList<CorporateIdentifier> Identifiers { get; init; } = [];
}

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
    private IReadOnlyList<CorporateIdentifier> _identifiers = [];

    public async Task<TenantRead> ReadAsync(CancellationToken token)
    {
        var operation = new Operation(token, status, status);
        await Section(ProgramShape.PolicySection, "the device registration policy", async () =>
            [EntraSections.Policy(await Inputs(ProgramShape.PolicyType, ProgramShape.PolicyId, operation))]);
        await Section(ProgramShape.BitLockerSection, "the BitLocker key recovery restriction", async () =>
            [EntraSections.BitLocker(await Inputs(ProgramShape.BitLockerType, ProgramShape.BitLockerId, operation))]);
        await Section(ProgramShape.EnrollmentSection, "automatic Intune enrollment", async () =>
            [EntraSections.Enrollment(await Inputs(ProgramShape.EnrollmentType, ProgramShape.EnrollmentId, operation))]);
        await Section(ProgramShape.DefaultStatusPageSection, "the default Enrollment Status Page", async () =>
            [IntuneSections.DefaultStatusPage(await Inputs(ProgramShape.DefaultStatusPageType, ProgramShape.DefaultStatusPageId, operation))]);
        await Section(ProgramShape.StatusPageSection, "the Enrollment Status Pages", async () => await OneOf(
            [.. (await new StatusPageClient(connection()).ListAsync(operation.Token)).Where(p => p.Priority > 0).OrderBy(p => p.Priority)
                .Select(p => (p.Id, $"'{p.DisplayName}' ({p.Id}, priority {p.Priority})"))],
            options.StatusPageId, "--status-page", "Enrollment Status Page",
            async id => IntuneSections.StatusPage(id, await Inputs(ProgramShape.StatusPageType, id, operation))));
        await Section(ProgramShape.ProfileSection, "the Autopilot deployment profiles", async () => await OneOf(
            [.. (await new ProfileClient(connection()).ListAsync(operation.Token)).OrderBy(p => p.DisplayName, StringComparer.Ordinal).Select(p => (p.Id, $"'{p.DisplayName}' ({p.Id})"))],
            options.DeploymentProfileId, "--deployment-profile", "deployment profile",
            async id => IntuneSections.Profile(id, await Inputs(ProgramShape.ProfileType, id, operation))));
        await Section(ProgramShape.DevicesSection, "the Autopilot devices", async () =>
        {
            _devices = await new AutopilotDeviceClient(connection()).DevicesAsync(token, count => status($"{count} Autopilot device(s) read so far"));
            await status($"{_devices.Count} Autopilot device(s) read");
            return DevicesSection.Of(_devices, options.Stack) is { } devices ? [devices] : [];
        });
        await Section(ProgramShape.PreparationSection, "the device preparation policies", async () => await OneOf(
            [.. (await new PreparationPolicyClient(connection()).ListUserDrivenAsync(operation.Token)).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => (p.Id, $"'{p.Name}' ({p.Id})"))],
            options.PreparationPolicyId, "--preparation-policy", "device preparation policy",
            async id => IntuneSections.Preparation(id, await Inputs(ProgramShape.PreparationType, id, operation))));
        await Section(ProgramShape.IdentifiersSection, "the corporate identifiers", async () =>
        {
            _identifiers = await new CorporateIdentifierClient(connection()).ListAsync(token);
            return IdentifiersSection.Of(_identifiers, options.Stack) is { } identifiers ? [identifiers] : [];
        });
        return new TenantRead(_sections, _devices, _unread) { Identifiers = _identifiers };
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

    /// <summary>
    /// The program declares one object of a kind: the one the user named, else the first of <paramref name="all"/> it can hold
    /// (each read in turn). Those it cannot hold, and the others, are named in the section's notes; none it can hold is a
    /// section not read, with the reasons.
    /// </summary>
    private static async Task<IReadOnlyList<ExportedSection>> OneOf(IReadOnlyList<(string Id, string Label)> all, string? wanted, string argument, string what,
        Func<string, Task<(ExportedSection? Section, string? Refusal)>> read)
    {
        var refusals = new List<string>();
        foreach (var id in wanted is null ? all.Select(item => item.Id) : [Choose(all, wanted, argument, what)])
        {
            var (section, refusal) = await read(id);
            if (section is not null)
            {
                return [section with { Notes = [.. section.Notes, .. refusals, .. Others(all, id, what, argument)] }];
            }

            refusals.Add(refusal!);
        }

        return refusals.Count == 0 ? [] : throw new CleanFailure(CleanFailureReason.Refused, string.Join(" ", refusals));
    }

    /// <summary>The id of the one the user named, or an argument error naming what the tenant has.</summary>
    private static string Choose(IReadOnlyList<(string Id, string Label)> all, string wanted, string argument, string what) =>
        all.FirstOrDefault(item => string.Equals(item.Id, wanted, StringComparison.OrdinalIgnoreCase)).Id
            ?? throw new ExportArgumentException($"{argument} {wanted} names no {what} of the tenant; it has "
                + (all.Count == 0 ? "none." : string.Join(", ", all.Select(item => item.Label)) + "."));

    // The program declares one of each: the others are named, with the argument that picks another.
    private static IEnumerable<string> Others(IEnumerable<(string Id, string Label)> all, string chosen, string what, string argument)
    {
        var others = all.Where(item => item.Id != chosen).Select(item => item.Label).ToList();
        return others.Count == 0 ? [] :
            [$"The program declares one {what}; the tenant has {others.Count} more, which stay as they are, outside the stack: {string.Join(", ", others)}. "
                + $"To declare another instead, run the export again with {argument} <id>."];
    }
}
