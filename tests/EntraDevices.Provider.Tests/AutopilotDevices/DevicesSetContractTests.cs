using EntraDevices.Graph.Connection;
using EntraDevices.GraphEmulator;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Objects;
using EntraDevices.Provider.Lifecycle.Sets;
using EntraDevices.Provider.Resources.AutopilotDevices;
using EntraDevices.Provider.Tests.Lifecycle;

namespace EntraDevices.Provider.Tests.AutopilotDevices;

/// <summary>The set contract for Autopilot devices: what every set resource does, with the devices' own fixtures (the OEM's CSV).</summary>
public sealed class DevicesSetContractTests : SetContract
{
    private static readonly Consistency ShortLag = new([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40)]);

    public DevicesSetContractTests() => Roles = ["DeviceManagementServiceConfig.ReadWrite.All"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Emulator.Tenant.AutopilotImport.PendingReads = 1;
    }

    protected override string TypeToken => DevicesProperties.Token;

    protected override string[] Keys { get; } = ["SN-C1", "SN-C2", "SN-C3", "SN-C4"];

    protected override string ItemsOutput => DevicesProperties.Devices;

    protected override string FailedOutput => DevicesProperties.Failed;

    protected override (string Collection, string KeyField) TenantItems => ("deviceManagement/windowsAutopilotDeviceIdentities", "serialNumber");

    protected override IResource Build(Func<GraphConnection> connection) =>
        new SetResource<CsvDevice, RecordedDevice>(new AutopilotDevicesKind(Directories,
            new ImportPacing(2, new Backoff(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)), ShortLag) { CleanupFloor = TimeSpan.Zero }), connection);

    protected override IEnumerable<string> Lines(IEnumerable<string> keys) => keys.Select(Row).Prepend(AutopilotDevicesHarness.Header);

    protected override void RefuseNextAdd() =>
        Emulator.InjectFault(new Fault { Method = "POST", PathContains = "importedWindowsAutopilotDeviceIdentities/import", Status = 400 });

    protected override string ImportId(IEnumerable<string> keys) => $"serials:{string.Join(',', keys)}";

    private static string Row(string serial) =>
        $"{serial},,{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(serial)).Concat(new byte[96]).ToArray())},,";
}
