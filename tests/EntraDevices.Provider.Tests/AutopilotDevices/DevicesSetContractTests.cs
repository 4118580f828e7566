using EntraDevices.Graph.Connection;
using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Hosting;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Objects;
using EntraDevices.Provider.Lifecycle.Sets;
using EntraDevices.Provider.Resources.AutopilotDevices;
using EntraDevices.Provider.Tests.Lifecycle;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Tests.AutopilotDevices;

/// <summary>The set contract for Autopilot devices: what every set resource does, with the devices' own fixtures (the OEM's CSV).</summary>
public sealed class DevicesSetContractTests : SetContract, IDisposable
{
    private const string DevicesPath = "deviceManagement/windowsAutopilotDeviceIdentities";
    private static readonly Consistency ShortLag = new([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40)]);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"entradevices-set-{Guid.NewGuid():N}");
    private readonly ProjectDirectories _directories = new();
    private int _files;

    public DevicesSetContractTests()
    {
        Directory.CreateDirectory(_folder);
        _directories.StartIn(_folder);
        Roles = ["DeviceManagementServiceConfig.ReadWrite.All"];
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Emulator.Tenant.AutopilotImport.PendingReads = 1;
    }

    protected override string TypeToken => DevicesProperties.Token;

    protected override string[] Keys { get; } = ["SN-C1", "SN-C2", "SN-C3", "SN-C4"];

    protected override string ItemsOutput => DevicesProperties.Devices;

    protected override string FailedOutput => DevicesProperties.Failed;

    protected override IResource Build(Func<GraphConnection> connection) =>
        new SetResource<CsvDevice, RecordedDevice>(new AutopilotDevicesKind(_directories,
            new ImportPacing(2, new Backoff(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)), ShortLag) { CleanupFloor = TimeSpan.Zero }), connection);

    protected override ObjectValue Declaring(IEnumerable<string> keys, bool deleteRemoved = false)
    {
        var name = $"devices-{++_files}.csv";
        File.WriteAllText(Path.Combine(_folder, name), string.Join("\r\n", keys.Select(Row).Prepend(AutopilotDevicesHarness.Header)) + "\r\n");
        var inputs = ObjectValue.Of((DevicesProperties.Csv, new AssetValue($"hash-{name}", Path: name)));
        return deleteRemoved ? inputs.With(DevicesProperties.WhenRemoved, new StringValue(DevicesProperties.Delete)) : inputs;
    }

    protected override IReadOnlySet<string> InTenant() =>
        Emulator.Tenant.Collection(DevicesPath).List().Select(d => (string)d["serialNumber"]!).ToHashSet(StringComparer.OrdinalIgnoreCase);

    protected override void DeleteOutside(string key)
    {
        var devices = Emulator.Tenant.Collection(DevicesPath);
        foreach (var device in devices.List().Where(d => string.Equals((string?)d["serialNumber"], key, StringComparison.OrdinalIgnoreCase)))
        {
            devices.Delete((string)device["id"]!);
        }
    }

    protected override void Lag(string key, int reads)
    {
        var devices = Emulator.Tenant.Collection(DevicesPath);
        devices.HideFor((string)devices.List().Single(d => (string?)d["serialNumber"] == key)["id"]!, reads);
    }

    protected override void RefuseNextAdd() =>
        Emulator.InjectFault(new Fault { Method = "POST", PathContains = "importedWindowsAutopilotDeviceIdentities/import", Status = 400 });

    protected override string ImportId(IEnumerable<string> keys) => $"serials:{string.Join(',', keys)}";

    private static string Row(string serial) =>
        $"{serial},,{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(serial)).Concat(new byte[96]).ToArray())},,";
}
