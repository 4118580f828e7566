using BenchmarkDotNet.Attributes;
using EntraDevices.Provider.Resources.AutopilotDevices;

namespace EntraDevices.Benchmarks;

/// <summary>
/// The pure part of the coming AutopilotDevices resource at scale (issue #16): reading and validating a synthetic OEM
/// CSV of N devices, and planning it against the recorded digests of the same devices with 10 rows changed. Neither
/// touches Graph. Hashes are 4 KB of base64 each, as real ones are a few kilobytes.
/// </summary>
[MemoryDiagnoser]
public class DeviceCsvBenchmarks
{
    private string _csv = "";
    private List<RecordedDevice> _recorded = [];
    private IReadOnlyList<DeviceRow> _rows = [];

    [Params(500, 1_000, 10_000)]
    public int Devices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _csv = SyntheticCsv(Devices, changed: 0);
        _recorded = [.. DeviceCsv.Parse(_csv).Rows.Select(row => DevicePlan.Record(row))];
        _rows = DeviceCsv.Parse(SyntheticCsv(Devices, changed: 10)).Rows;
        if (DevicePlan.Compare(_recorded, _rows).Reimported.Count != 10)
        {
            throw new InvalidOperationException("The synthetic CSV does not change the 10 rows the benchmark plans.");
        }
    }

    [Benchmark(Description = "Device CSV: parse and validate")]
    public int Parse() => DeviceCsv.Parse(_csv).Rows.Count;

    [Benchmark(Description = "Device CSV: plan against the recorded digests")]
    public int Plan() => DevicePlan.Compare(_recorded, _rows).Reimported.Count;

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
