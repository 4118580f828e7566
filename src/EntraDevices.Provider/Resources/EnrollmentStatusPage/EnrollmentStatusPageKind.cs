using System.Text.Json.Nodes;
using EntraDevices.Graph;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.EnrollmentStatusPage;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Objects;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.EnrollmentStatusPage.PageProperties;
using static EntraDevices.Provider.Resources.SchemaBuilder;

namespace EntraDevices.Provider.Resources.EnrollmentStatusPage;

/// <summary>
/// <c>entradevices:index:EnrollmentStatusPage</c>: an Enrollment Status Page the stack creates. Settings by PATCH (only
/// what changed), assignments by one <c>assign</c> of the whole list, the priority by <c>setPriority</c> only and only
/// when it differs; its display name finds it again after a lost create.
/// </summary>
internal sealed class EnrollmentStatusPageKind : IObjectKind<PageSpec, StatusPage>
{
    public string Token => "entradevices:index:EnrollmentStatusPage";

    public string Noun => "the Enrollment Status Page";

    public IReadOnlyList<string> Leaves => PageProperties.Leaves;

    public IReadOnlySet<string> IdLists => PageProperties.IdLists;

    public IReadOnlySet<string> ElementLists { get; } = new HashSet<string> { Assignments };

    public IReadOnlyList<string> ReplaceOn { get; } = [];

    public bool DeleteBeforeReplace => false;

    public IReadOnlyList<string> AssignedOutputs { get; } = [CreatedDateTime];

    public CheckResult Check(ObjectValue news) => PageCheck.Check(news);

    public PageSpec Spec(ObjectValue inputs) => PageSpec.Read(inputs);

    public string IdOf(StatusPage live) => live.Id;

    public bool Matches(StatusPage live, PageSpec spec) => spec.HeldBy(live);

    public string NaturalKey(PageSpec spec) => $"display name '{spec.DisplayName}'";

    public ObjectValue Outputs(StatusPage live) => ImportedInputs(live)
        .With(Priority, new NumberValue(live.Priority))
        .With(CreatedDateTime, live.CreatedDateTime is null ? PropertyValue.Null : new StringValue(live.CreatedDateTime));

    public ObjectValue ImportedInputs(StatusPage live) => StatusPageFields.Writable
        .Aggregate(ObjectValue.Of((DisplayName, new StringValue(live.DisplayName))), (inputs, field) =>
            FromJson(field, live.Settings[field.Name]) is { } value ? inputs.With(field.Name, value) : inputs)
        .With(Assignments, ArrayValue.Of(live.Groups))
        .With(Priority, new NumberValue(live.Priority));

    public IObjectEndpoint<PageSpec, StatusPage> Endpoint(GraphConnection connection) => new PageEndpoint(new StatusPageClient(connection));

    public JsonObject Schema()
    {
        JsonObject Properties()
        {
            var properties = new JsonObject { [DisplayName] = String($"The page's name, 1 to {MaxDisplayName} characters; also how the provider finds it again if a create's answer is lost.") };
            foreach (var field in StatusPageFields.Writable)
            {
                properties[field.Name] = field.Kind switch
                {
                    FieldKind.Flag => Boolean(field.Description),
                    FieldKind.Minutes => Integer(field.Description),
                    FieldKind.Ids => Strings(field.Description),
                    _ => String(field.Description),
                };
            }

            properties[Assignments] = Strings("Group object ids (GUIDs) the page applies to, typically the Autopilot device group. Declared: reconciled to exactly this; undeclared: not managed.");
            properties[Priority] = Integer("1 or more, 1 winning over the others. Set only through setPriority, and only to a priority another page holds (the two swap); undeclared: where Graph puts a new page (after the others).");
            return properties;
        }

        var outputs = Properties();
        outputs[CreatedDateTime] = String("When Graph created the page.");
        return new JsonObject
        {
            ["description"] = "A Windows Enrollment Status Page (Intune admin center: Devices > Enrollment > Windows > Enrollment Status Page), step 5 of the Autopilot journey: what the person sees while apps and policies install. "
                + "Graph beta `windows10EnrollmentCompletionPageConfiguration`. Created by the stack; assignments are reconciled to exactly what is declared; the priority changes only through setPriority; destroy deletes it. "
                + "Needs the Microsoft Graph permission DeviceManagementServiceConfig.ReadWrite.All (Entra role Intune Administrator for a signed-in user).",
            ["inputProperties"] = Properties(),
            ["properties"] = outputs,
            ["requiredInputs"] = new JsonArray(DisplayName),
            ["required"] = new JsonArray(DisplayName, Assignments, Priority),
        };
    }

    private sealed class PageEndpoint(StatusPageClient client) : IObjectEndpoint<PageSpec, StatusPage>
    {
        public Task<StatusPage?> GetAsync(string id, CancellationToken cancellationToken) => client.GetAsync(id, cancellationToken);

        // A page is deleted with its assignments: its delete reads the page alone (issue #24, 12).
        public Task<StatusPage?> GetBeforeDeleteAsync(string id, CancellationToken cancellationToken) => client.GetAsync(id, cancellationToken, withAssignments: false);

        public async Task<StatusPage> CreateAsync(PageSpec spec, CancellationToken cancellationToken)
        {
            if (spec.Priority is { } wanted)
            {
                // Before the POST: a new page is appended after the others, then may only swap with a page that holds the value.
                var pages = await client.ListAsync(cancellationToken);
                var appended = pages.Select(p => p.Priority).DefaultIfEmpty(0).Max() + 1;
                if (wanted != appended && !pages.Any(p => p.Priority == wanted))
                {
                    throw Unavailable(wanted, "the new page", pages);
                }
            }

            return await client.CreateAsync(spec.DisplayName, spec.Settings, cancellationToken);
        }

        public async Task<StatusPage?> FindAsync(PageSpec spec, CancellationToken cancellationToken)
        {
            var found = (await client.ListAsync(cancellationToken)).Where(p => p.DisplayName == spec.DisplayName).ToList();
            return found.Count switch
            {
                0 => null,
                1 => await client.GetAsync(found[0].Id, cancellationToken),
                _ => throw new UnexpectedPolicyShapeException(
                    $"the tenant holds {found.Count} Enrollment Status Pages named '{spec.DisplayName}' ({string.Join(", ", found.Select(p => p.Id))}), so which one this create made cannot be told"),
            };
        }

        public async Task<StatusPage> ReconcileAsync(StatusPage current, PageSpec spec, Operation operation)
        {
            var page = current;
            var priority = spec.Priority is { } declared && declared != page.Priority ? declared : (int?)null;
            if (priority is { } wanted)
            {
                // Before anything is written: a priority nobody holds can never be given.
                var pages = await client.ListAsync(operation.Token);
                if (!pages.Any(p => p.Priority == wanted && p.Id != page.Id))
                {
                    throw Unavailable(wanted, $"Enrollment Status Page {page.Id}", pages.Where(p => p.Id != page.Id));
                }
            }

            var changes = spec.Changes(page);
            if (changes.Count > 0)
            {
                await client.UpdateAsync(page.Id, changes, operation.Token);
                var settings = (JsonObject)page.Settings.DeepClone();
                foreach (var (name, value) in changes.Where(c => c.Key != DisplayName))
                {
                    settings[name] = value?.DeepClone();
                }

                page = page with { DisplayName = spec.DisplayName, Settings = settings };
            }

            if (spec.GroupsDiffer(page))
            {
                await client.AssignAsync(page.Id, spec.Groups!, operation.Token);
                page = page with { Groups = spec.Groups! };
            }

            if (priority is { } given)
            {
                await operation.StatusAsync($"giving the Enrollment Status Page priority {given}");
                await client.SetPriorityAsync(page.Id, given, operation.Token);
                page = page with { Priority = given };
            }

            return page;
        }

        public Task DeleteAsync(StatusPage current, CancellationToken cancellationToken) => client.DeleteAsync(current.Id, cancellationToken);

        private static CleanFailure Unavailable(int wanted, string what, IEnumerable<(string Id, string DisplayName, int Priority)> others)
        {
            var held = others.Where(p => p.Priority > 0).OrderBy(p => p.Priority).Select(p => $"{p.Priority} ('{p.DisplayName}')").ToList();
            return new CleanFailure(CleanFailureReason.Refused,
                $"Priority {wanted} cannot be given to {what}: Graph only swaps a priority with the page that holds it, and no other page holds {wanted} "
                + $"(a deleted page leaves a gap nothing fills). The other pages hold: {(held.Count == 0 ? "none" : string.Join(", ", held))}. "
                + "Declare one of those, or leave priority undeclared. Nothing was changed.");
        }
    }
}
