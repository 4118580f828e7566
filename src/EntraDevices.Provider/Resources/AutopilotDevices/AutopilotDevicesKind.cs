using System.Text.Json.Nodes;
using EntraDevices.Graph.AutopilotDevices;
using EntraDevices.Graph.Connection;
using EntraDevices.Provider.Hosting;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Sets;
using EntraDevices.Provider.Values;
using static EntraDevices.Provider.Resources.AutopilotDevices.DevicesProperties;

namespace EntraDevices.Provider.Resources.AutopilotDevices;

/// <summary>
/// <c>entradevices:index:AutopilotDevices</c>: the Windows Autopilot devices of the OEM's CSV (steps 3 and 7 of the
/// journey), on the set lifecycle. A device is keyed by its serial number; state keeps per device a line
/// <c>deviceId|digest|user|groupTag</c> (an import still pending has <c>pending:&lt;import record&gt;</c> for its id),
/// never a hash, and per import whose finished records are still in Intune how many (<c>leftImportRecords</c>). Check
/// and Diff read the CSV and never call Graph.
/// </summary>
internal sealed class AutopilotDevicesKind(ProjectDirectories directories, ImportPacing? pacing = null) : ISetKind<CsvDevice, RecordedDevice>
{
    private readonly CsvFile _csv = new(directories);
    private readonly ImportPacing _pacing = pacing ?? ImportPacing.Default;

    public static readonly SetNames DeviceNames = new(Devices, Failed, DeviceCount, [(GroupTag, null), (AssignedUser, null), (WhenRemoved, Keep)], LeftImportRecords);

    public string Token => DevicesProperties.Token;

    public string Noun => "Autopilot devices";

    public string ItemNoun => "device";

    public string KeptWhere => "registered in Autopilot";

    public string NotIn => "are not registered";

    public SetNames Names => DeviceNames;

    public string Source => Csv;

    public CheckResult Check(ResourceCheck check) => DevicesCheck.Check(check.NewInputs, _csv, CsvSource.IsImportCheck(check, DevicesProperties.Csv));

    public IReadOnlyList<CsvDevice>? Rows(ObjectValue inputs, bool fresh)
    {
        if (inputs.At(Csv) is not { } asset || !CsvFile.IsSource(asset))
        {
            return fresh
                ? throw new CleanFailure(CleanFailureReason.InvalidInput, $"'{Csv}' must be a FileAsset of the OEM's CSV, or a FileArchive of a folder of them. Nothing was changed.")
                : null;
        }

        // An apply reads the files afresh and refuses a bad one in words; a preview of a source it cannot read shows the source changed.
        return fresh || _csv.Problem(asset) is null ? _csv.Devices(asset, Defaults(inputs), fresh) : null;
    }

    public string KeyOf(CsvDevice row) => row.SerialNumber;

    public bool Same(RecordedDevice item, CsvDevice row) => !item.Pending && item.SameRow(row) && item.SameProperties(row);

    public bool DeletesRemoved(ObjectValue inputs) => WhenRemovedOf(inputs) == Delete;

    public string Told(SetPlan<CsvDevice, RecordedDevice> plan, ObjectValue inputs)
    {
        var devices = DevicePlan.From(plan);
        return $"Autopilot devices: {devices.Summary()}{(devices.Retried > 0 ? $"; {devices.Retried} of those to import failed before and are retried" : "")}.";
    }

    public string? Leftover(SetLedger<RecordedDevice> ledger) => ledger.Tallies.Values.Sum() is var left and > 0
        ? $"Autopilot devices: {left} finished import record(s) of earlier imports are still in Intune; this up deletes up to "
            + $"{_pacing.CleanupBudget} of them (they do not affect their devices; about 20 s per 100 past the first 100, at Intune's write limits)."
        : null;

    public void Settle(int items) => Memory.SettleAfter(items);

    public string Line(RecordedDevice item) => $"{item.DeviceId}|{item.ImportDigest}|{item.AssignedUser}|{item.GroupTag}";

    public RecordedDevice? Parse(string key, string line)
    {
        // The group tag comes last: it is the only part that might hold a '|'.
        var parts = line.Split('|', 4);
        return parts.Length == 4 ? new RecordedDevice(key, parts[0], parts[1], OrNull(parts[3]), OrNull(parts[2])) : null;
    }

    public bool Counts(RecordedDevice item) => !item.Pending;

    public ISetEndpoint<CsvDevice, RecordedDevice> Endpoint(GraphConnection connection) => new DevicesEndpoint(new AutopilotDeviceClient(connection), _csv, _pacing);

    public JsonObject Schema() => DevicesSchema.Resource();

    private static DeviceDefaults Defaults(ObjectValue inputs) => new(Text(inputs, GroupTag), Text(inputs, AssignedUser));

    private static string? OrNull(string text) => text.Length == 0 ? null : text;
}
