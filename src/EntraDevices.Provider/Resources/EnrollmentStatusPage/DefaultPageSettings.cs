using System.Text.Json.Nodes;
using EntraDevices.Graph;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.EnrollmentStatusPage;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Settings;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.EnrollmentStatusPage.PageProperties;

namespace EntraDevices.Provider.Resources.EnrollmentStatusPage;

/// <summary>
/// <c>entradevices:index:DefaultEnrollmentStatusPage</c>: the tenant's default Enrollment Status Page (priority 0, all
/// users and devices), which cannot be deleted, assigned or renamed. Adopted, written only where declared, put back
/// as found on destroy, never deleted. Its Graph id carries the tenant id, so the resource's id is a fixed name and the
/// page is found by type and priority in the list (isof() filters do not work on this collection).
/// </summary>
internal sealed class DefaultPageSettings : ISettings<StatusPage>
{
    /// <summary>
    /// The settings a stack may declare for the default page: not its description nor its scope tags, which Intune
    /// refuses to change on the default page (with a raw <c>_version</c> error at apply); they stay outputs.
    /// </summary>
    public static readonly string[] Declarable = [.. Fields.Where(f => f is not ("description" or "roleScopeTagIds"))];

    public string Token => "entradevices:index:DefaultEnrollmentStatusPage";

    public string FixedId => "defaultEnrollmentStatusPage";

    public string Noun => "the default Enrollment Status Page";

    public string OriginalProperty => "originalSettings";

    public IReadOnlyList<string> Leaves => Declarable;

    public IReadOnlySet<string> IdLists { get; } = PageProperties.IdLists.Where(Declarable.Contains).ToHashSet();

    public IReadOnlyList<string> ReadOnlyOutputs { get; } = [DisplayName];

    public StatusPage? Defaults => null;

    public CheckResult Check(ObjectValue news) => PageCheck.CheckDefault(news, OriginalProperty, Declarable);

    public IDeclared<StatusPage> Declared(ObjectValue inputs) => new DeclaredDefaults(PageSpec.Read(inputs).Settings);

    public ObjectValue Outputs(StatusPage effective) => Settings(effective).With(DisplayName, new StringValue(effective.DisplayName));

    public PropertyValue Record(StatusPage original) => Settings(original);

    public StatusPage? Recorded(PropertyValue? value) =>
        value?.Plain is ObjectValue recorded ? new StatusPage("", "", 0, PageSpec.Read(recorded).Settings, [], null) : null;

    public ObjectValue ImportedInputs(StatusPage live) => new(Settings(live).Properties.Where(p => Declarable.Contains(p.Key)).ToDictionary());

    public bool SameWritable(StatusPage a, StatusPage b) => StatusPageFields.Writable.All(f => Same(f, a.Settings[f.Name], b.Settings[f.Name]));

    public string? Refusal(StatusPage live, StatusPage desired) => null;

    public StatusPage Restorable(StatusPage live, StatusPage desired) => desired;

    public SettingsEndpoint<StatusPage> Endpoint(GraphConnection connection)
    {
        var client = new StatusPageClient(connection);
        return new(
            client.GetDefaultAsync,
            async (live, desired, token) =>
            {
                var changes = new JsonObject();
                foreach (var field in StatusPageFields.Writable.Where(f => !Same(f, live.Settings[f.Name], desired.Settings[f.Name])))
                {
                    changes[field.Name] = desired.Settings[field.Name]?.DeepClone();
                }

                await client.UpdateAsync(live.Id, changes, token);
                return live with { Settings = (JsonObject)desired.Settings.DeepClone() };
            });
    }

    public JsonObject Schema()
    {
        var page = new EnrollmentStatusPageKind().Schema();
        var inputs = new JsonObject();
        var outputs = new JsonObject();
        foreach (var field in Fields)
        {
            outputs[field] = page["inputProperties"]![field]!.DeepClone();
            if (Declarable.Contains(field))
            {
                inputs[field] = page["inputProperties"]![field]!.DeepClone();
            }
        }

        outputs[DisplayName] = SchemaBuilder.String("The default page's name (it cannot be renamed).");
        outputs[OriginalProperty] = SchemaBuilder.Ref("#/types/entradevices:index:EnrollmentStatusPageSettings", "The page as found when this stack adopted it; destroy puts the declared settings back from it.");
        return new JsonObject
        {
            ["description"] = "The tenant's default Enrollment Status Page (priority 0, all users and all devices; Intune admin center: Devices > Enrollment > Windows > Enrollment Status Page > All users and all devices). "
                + "A singleton with id `defaultEnrollmentStatusPage`: creating it adopts the page and changes only the declared settings; destroying it puts those back as found; it is never deleted, assigned or renamed. "
                + "Needs the Microsoft Graph permission DeviceManagementServiceConfig.ReadWrite.All (Entra role Intune Administrator for a signed-in user).",
            ["inputProperties"] = inputs,
            ["properties"] = outputs,
            ["required"] = new JsonArray(DisplayName, OriginalProperty),
        };
    }

    public JsonObject SchemaTypes()
    {
        var page = new EnrollmentStatusPageKind().Schema();
        var properties = new JsonObject();
        foreach (var field in Fields)
        {
            properties[field] = page["inputProperties"]![field]!.DeepClone();
        }

        return new JsonObject { ["entradevices:index:EnrollmentStatusPageSettings"] = SchemaBuilder.Object("Every writable setting of an Enrollment Status Page.", properties) };
    }

    private static ObjectValue Settings(StatusPage page) => StatusPageFields.Writable.Aggregate(ObjectValue.Empty, (outputs, field) =>
        FromJson(field, page.Settings[field.Name]) is { } value ? outputs.With(field.Name, value) : outputs);

    private sealed record DeclaredDefaults(JsonObject Settings) : IDeclared<StatusPage>
    {
        public bool IsEmpty => Settings.Count == 0;

        public StatusPage ApplyTo(StatusPage live)
        {
            var settings = (JsonObject)live.Settings.DeepClone();
            foreach (var (name, value) in Settings)
            {
                settings[name] = value?.DeepClone();
            }

            return live with { Settings = settings };
        }

        public StatusPage RestoreFrom(StatusPage live, StatusPage source)
        {
            var settings = (JsonObject)live.Settings.DeepClone();
            foreach (var name in Settings.Select(p => p.Key).Where(source.Settings.ContainsKey))
            {
                settings[name] = source.Settings[name]?.DeepClone();
            }

            return live with { Settings = settings };
        }
    }
}
