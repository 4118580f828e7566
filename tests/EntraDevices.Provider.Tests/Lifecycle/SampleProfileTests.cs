using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Objects;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Tests.Inputs;

namespace EntraDevices.Provider.Tests.Lifecycle;

/// <summary>The object contract run on the sample kind, with short consistency waits.</summary>
public sealed class SampleProfileTests : ObjectContract
{
    private static readonly Consistency Quick = new([TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(80)]);

    protected override string TypeToken => "entradevices:test:SampleProfile";

    protected override string[] WriteRoles => ["DeviceManagementServiceConfig.ReadWrite.All"];

    protected override string[] ReadRoles => ["DeviceManagementServiceConfig.Read.All"];

    protected override string CollectionPath => SampleProfile.Path;

    protected override ObjectValue NewInputs => Obj(("displayName", Str("Autopilot user-driven")), ("description", Str("first")), ("deviceType", Str("windowsPc")));

    protected override (string Leaf, PropertyValue Value) InPlaceChange => ("description", Str("second"));

    protected override (string Leaf, PropertyValue Value)? ReplacingChange => ("deviceType", Str("holoLens"));

    protected override bool DeletesBeforeReplacing => true;

    protected override IResource Build(Func<GraphConnection> connection) => new ObjectResource<SampleProfile.Declared, SampleProfile.Live>(new SampleProfile(), connection, Quick);
}
