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

/// <summary>
/// AutopilotDevices against the emulator, with its CSVs in a folder of their own (the program's folder), imports of two
/// devices a chunk and polls a few milliseconds apart, and what the engine would show: status lines and notes.
/// </summary>
public abstract class AutopilotDevicesHarness : ResourceHarness, IDisposable
{
    protected const string DevicesPath = "deviceManagement/windowsAutopilotDeviceIdentities";

    public const string Header = "Device Serial Number,Windows Product ID,Hardware Hash,Group Tag,Assigned User";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"entradevices-csv-{Guid.NewGuid():N}");

    protected AutopilotDevicesHarness()
    {
        Directory.CreateDirectory(_folder);
        Directories.StartIn(_folder);
        Roles = ["DeviceManagementServiceConfig.ReadWrite.All"];
    }

    protected ProjectDirectories Directories { get; } = new();

    protected List<string> Statuses { get; } = [];

    protected List<string> Notes { get; } = [];

    protected override string TypeToken => DevicesProperties.Token;

    protected EntraDevices.GraphEmulator.Modules.AutopilotImport Autopilot => Emulator.Tenant.AutopilotImport;

    protected override IResource Build(Func<GraphConnection> connection) =>
        new SetResource<CsvDevice, RecordedDevice>(new AutopilotDevicesKind(Directories, Pacing), connection);

    /// <summary>Two devices an import, polls and lag in milliseconds; a test may lower the cleanup budget.</summary>
    private protected ImportPacing Pacing { get; set; } = new(2, new Backoff(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20)), ShortLag);

    /// <summary>Intune's replica lag waited out in milliseconds: three waits, as <see cref="Consistency.Intune"/> has.</summary>
    private static readonly Consistency ShortLag = new([TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40)]);

    /// <summary>The path of the Autopilot device list, as the emulator's replica lag keys it.</summary>
    protected const string DeviceListPath = "/v1.0/" + DevicesPath;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Autopilot.PendingReads = 1;
    }

    /// <summary>A hash that is valid base64 and different per serial (and per <paramref name="version"/>).</summary>
    protected static string HashOf(string serial, int version = 0) =>
        Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{serial}/{version}")).Concat(new byte[96]).ToArray());

    /// <summary>Writes a CSV into the program's folder and returns its inputs, as a FileAsset with a relative path.</summary>
    protected ObjectValue Csv(string name, params string[] rows)
    {
        File.WriteAllText(Path.Combine(_folder, name), string.Join("\r\n", rows.Prepend(Header)) + "\r\n");
        return ObjectValue.Of((DevicesProperties.Csv, new AssetValue($"hash-of-{name}-{rows.Length}", Path: name)));
    }

    protected static string Row(string serial, string? tag = null, string? user = null, int version = 0) => $"{serial},,{HashOf(serial, version)},{tag},{user}";

    protected Operation Watched(CancellationToken token = default) =>
        new(token, status => { Statuses.Add(status); return Task.CompletedTask; }, note => { Notes.Add(note); return Task.CompletedTask; });

    protected Task<CreateResult> CreateAsync(ObjectValue inputs) => Resource().CreateAsync(new ResourceCreate(Urn, inputs, false), Watched());

    protected Task<ObjectValue> UpdateAsync(ObjectValue olds, ObjectValue news) =>
        Resource().UpdateAsync(new ResourceUpdate(Urn, "set-1", olds, news, ObjectValue.Empty, false), Watched());

    protected static IReadOnlyDictionary<string, string> Map(ObjectValue outputs, string name) =>
        ((ObjectValue)outputs.At(name)!).Properties.ToDictionary(p => p.Key, p => ((StringValue)p.Value).Value);

    /// <summary>The tenant's Autopilot device records by serial number.</summary>
    protected IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonObject> InTenant() =>
        Emulator.Tenant.Collection(DevicesPath).List().ToDictionary(d => (string)d["serialNumber"]!);

    protected int CallsTo(string method, string pathEnd) => Emulator.Requests.Count(r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.Ordinal));
}
