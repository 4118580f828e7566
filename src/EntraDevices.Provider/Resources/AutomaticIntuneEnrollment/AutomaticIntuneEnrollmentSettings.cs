using System.Text.Json.Nodes;
using EntraDevices.Graph.AutomaticIntuneEnrollment;
using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Settings;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.AutomaticIntuneEnrollment.EnrollmentProperties;

namespace EntraDevices.Provider.Resources.AutomaticIntuneEnrollment;

/// <summary>
/// <c>entradevices:index:AutomaticIntuneEnrollment</c>: the MDM and MAM user scopes of Microsoft Intune, written one
/// Graph step at a time (a URL PATCH, an appliesTo PATCH, a $ref per group), only the difference. Entra documents no
/// default for them, so it has no onDestroy: destroy puts back what was found.
/// </summary>
internal sealed class AutomaticIntuneEnrollmentSettings : ISettings<AutomaticEnrollment>
{
    public string Token => "entradevices:index:AutomaticIntuneEnrollment";

    public string FixedId => EnrollmentClient.IntuneAppId;

    public string Noun => "automatic Intune enrollment";

    public string OriginalProperty => OriginalSettings;

    public IReadOnlyList<string> Leaves => EnrollmentProperties.Leaves;

    public IReadOnlySet<string> IdLists => GroupLists;

    public IReadOnlySet<string> ElementLists => GroupLists;

    public IReadOnlyList<string> ReadOnlyOutputs { get; } = [];

    public AutomaticEnrollment? Defaults => null;

    public CheckResult Check(ObjectValue news) => EnrollmentCheck.Check(news);

    public IDeclared<AutomaticEnrollment> Declared(ObjectValue inputs) => EnrollmentInputs.Read(inputs);

    public ObjectValue Outputs(AutomaticEnrollment effective) => EnrollmentState.Settings(effective);

    public PropertyValue Record(AutomaticEnrollment original) => EnrollmentState.Settings(original);

    public AutomaticEnrollment? Recorded(PropertyValue? value) => EnrollmentState.ReadSettings(value);

    public ObjectValue ImportedInputs(AutomaticEnrollment live) => EnrollmentState.ImportedInputs(live);

    public bool SameWritable(AutomaticEnrollment a, AutomaticEnrollment b) => a.Same(b);

    public string? Refusal(AutomaticEnrollment live, AutomaticEnrollment desired) => null;

    public AutomaticEnrollment Restorable(AutomaticEnrollment live, AutomaticEnrollment desired) => desired;

    public SettingsEndpoint<AutomaticEnrollment> Endpoint(GraphConnection connection)
    {
        var client = new EnrollmentClient(connection, EnrollmentClient.IntuneAppId);
        return new(client.GetAsync, client.ApplyAsync);
    }

    public JsonObject Schema() => EnrollmentSchema.Resource();

    public JsonObject SchemaTypes() => EnrollmentSchema.Types();
}
