using BenchmarkDotNet.Attributes;
using EntraDevices.Provider.Hosting;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Lifecycle.Sets;
using EntraDevices.Provider.Resources;
using EntraDevices.Provider.Resources.AutopilotDevices;
using EntraDevices.Provider.Values;

namespace EntraDevices.Benchmarks;

/// <summary>
/// AutopilotDevices' Check and Diff at scale (issue #16), in process, as a preview runs them: a synthetic OEM CSV of N
/// devices on disk, read as the FileAsset it is, and planned against the state of the same devices with 10 rows changed.
/// Neither touches Graph. Hashes are 4 KB of base64 each, as real ones are a few kilobytes.
/// </summary>
[MemoryDiagnoser]
public class DeviceCsvBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"entradevices-bench-{Guid.NewGuid():N}");
    private IResource _resource = null!;
    private ObjectValue _inputs = ObjectValue.Empty;
    private ObjectValue _state = ObjectValue.Empty;

    [Params(500, 1_000, 10_000)]
    public int Devices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_folder);
        var directories = new ProjectDirectories(_folder);
        _resource = Catalog.Resources(() => throw new InvalidOperationException("Check and Diff call no Graph API."), directories)
            .Single(r => r.Token == DevicesProperties.Token);
        File.WriteAllText(Path.Combine(_folder, "before.csv"), SyntheticCsv(Devices, changed: 0));
        File.WriteAllText(Path.Combine(_folder, "after.csv"), SyntheticCsv(Devices, changed: 10));
        var recorded = new CsvFile(directories).Devices(new AssetValue("before", Path: "before.csv"), DeviceDefaults.None)
            .ToDictionary(d => d.SerialNumber, d => RecordedDevice.Of(d, Guid.NewGuid().ToString()), StringComparer.OrdinalIgnoreCase);
        _state = new SetLedger<RecordedDevice>(recorded, new Dictionary<string, string>())
            .Outputs(ObjectValue.Empty, AutopilotDevicesKind.DeviceNames, new AutopilotDevicesKind(directories));
        _inputs = ObjectValue.Of((DevicesProperties.Csv, new AssetValue("after", Path: "after.csv")));
        if (CheckAndDiff() != 10)
        {
            throw new InvalidOperationException("The synthetic CSV does not change the 10 rows the benchmark plans.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "AutopilotDevices: Check + Diff of a CSV with 10 rows changed")]
    public int CheckAndDiff()
    {
        var check = _resource.Check(new ResourceCheck("urn", _inputs, _inputs));
        if (check.Failures.Count > 0)
        {
            throw new InvalidOperationException(check.Failures[0].Reason);
        }

        return _resource.Diff(new ResourceDiff("id", _state, _inputs, _inputs)).Changes.Count;
    }

    /// <summary>N devices with distinct serials and 3,072 random bytes of hash each; <paramref name="changed"/> of them with another hash.</summary>
    public static string SyntheticCsv(int devices, int changed)
    {
        var random = new Random(6);
        var text = new System.Text.StringBuilder("Device Serial Number,Windows Product ID,Hardware Hash,Group Tag,Assigned User\n");
        var hash = new byte[3072];
        for (var i = 0; i < devices; i++)
        {
            random.NextBytes(hash);
            if (i < changed)
            {
                hash[0] ^= 0xFF;
            }

            text.Append($"SN{i:D8},,{Convert.ToBase64String(hash)},Corp,\n");
        }

        return text.ToString();
    }
}
