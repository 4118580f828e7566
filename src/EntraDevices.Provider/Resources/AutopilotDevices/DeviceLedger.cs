using EntraDevices.Provider.Values;
using Names = EntraDevices.Provider.Resources.AutopilotDevices.DevicesProperties;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// What state holds of a set of devices, small enough for 10,000: per serial number one line
/// <c>deviceId|digest|user|groupTag</c> in <c>devices</c> (an import still pending has <c>pending:&lt;import record&gt;</c>
/// for its id), per device that failed to import, the reason, in <c>failed</c>, and per import whose finished records
/// are still in Intune, how many, in <c>leftImportRecords</c>. No hash, ever.
/// </summary>
internal sealed record DeviceLedger(IReadOnlyList<RecordedDevice> Devices, IReadOnlyDictionary<string, string> Failed)
{
    public static readonly DeviceLedger Empty = new([], new Dictionary<string, string>());

    /// <summary>Finished import records left in Intune for later runs to delete, by import id (<see cref="ImportCleanup"/>).</summary>
    public IReadOnlyDictionary<string, int> LeftImportRecords { get; init; } = new Dictionary<string, int>();

    public static DeviceLedger FromOutputs(ObjectValue outputs)
    {
        var devices = outputs.At(Names.Devices)?.Plain is ObjectValue map
            ? map.Properties.Select(p => Parse(p.Key, (p.Value.Plain as StringValue)?.Value ?? "")).OfType<RecordedDevice>().ToList()
            : [];
        var failed = outputs.At(Names.Failed)?.Plain is ObjectValue reasons
            ? reasons.Properties.ToDictionary(p => p.Key, p => (p.Value.Plain as StringValue)?.Value ?? "", StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var left = outputs.At(Names.LeftImportRecords)?.Plain is ObjectValue records
            ? records.Properties.Where(p => p.Value.Plain is NumberValue { Value: > 0 }).ToDictionary(p => p.Key, p => (int)((NumberValue)p.Value.Plain).Value, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return new DeviceLedger(devices, failed) { LeftImportRecords = left };
    }

    /// <summary>The outputs: the scalar inputs as given (whenRemoved defaulted), the devices, the failures, the count.</summary>
    public ObjectValue Outputs(ObjectValue inputs)
    {
        var outputs = new Dictionary<string, PropertyValue>();
        foreach (var name in Names.ScalarInputs)
        {
            if (inputs.Properties.TryGetValue(name, out var value) && value.Plain is not NullValue)
            {
                outputs[name] = value;
            }
        }

        outputs[Names.WhenRemoved] = new StringValue(Names.WhenRemovedOf(inputs));
        outputs[Names.Devices] = new ObjectValue(Devices.OrderBy(d => d.SerialNumber, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(d => d.SerialNumber, d => (PropertyValue)new StringValue(Line(d))));
        outputs[Names.Failed] = new ObjectValue(Failed.OrderBy(f => f.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(f => f.Key, f => (PropertyValue)new StringValue(f.Value)));
        outputs[Names.DeviceCount] = new NumberValue(Devices.Count(d => !d.Pending));
        outputs[Names.LeftImportRecords] = new ObjectValue(LeftImportRecords.OrderBy(l => l.Key, StringComparer.Ordinal)
            .ToDictionary(l => l.Key, l => (PropertyValue)new NumberValue(l.Value)));
        return new ObjectValue(outputs);
    }

    private static string Line(RecordedDevice device) => $"{device.DeviceId}|{device.ImportDigest}|{device.AssignedUser}|{device.GroupTag}";

    private static RecordedDevice? Parse(string serial, string line)
    {
        // The group tag comes last: it is the only part that might hold a '|'.
        var parts = line.Split('|', 4);
        return parts.Length == 4 ? new RecordedDevice(serial, parts[0], parts[1], OrNull(parts[3]), OrNull(parts[2])) : null;
    }

    private static string? OrNull(string text) => text.Length == 0 ? null : text;
}
