using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace EntraDevices.Benchmarks;

/// <summary>
/// <c>dotnet EntraDevices.Benchmarks.dll [BenchmarkDotNet options] [--summary-file path]</c>. Without options
/// every benchmark runs in this process with a short job (1 launch, 3 warm-ups, 3 iterations): a Release build
/// is required. <c>--summary-file</c> also writes one tab-separated line per benchmark: name, median ns,
/// p10 ns, p90 ns, allocated bytes per operation (bench/run.sh reads it).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        string? summaryFile = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--summary-file" && i + 1 < args.Length)
            {
                summaryFile = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        if (!rest.Contains("--filter"))
        {
            rest.AddRange(["--filter", "*"]);
        }

        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess").AsDefault())
            .WithOptions(ConfigOptions.JoinSummary);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. rest], config).ToList();
        var reports = summaries.SelectMany(s => s.Reports).ToList();
        if (summaryFile is not null)
        {
            File.WriteAllLines(summaryFile, reports.Select(Line));
        }

        return reports.Count > 0 && reports.All(r => r.Success) ? 0 : 1;
    }

    private static string Line(BenchmarkReport report)
    {
        var stats = report.ResultStatistics;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
        string Ns(double? value) => value is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) : "";
        var name = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
        var parameters = report.BenchmarkCase.Parameters.DisplayInfo;
        return string.Join('\t',
            parameters.Length == 0 ? name : $"{name} {parameters}",  // DisplayInfo is "[Devices=500]"
            Ns(stats?.Median),
            Ns(stats?.Percentiles.Percentile(10)),
            Ns(stats?.Percentiles.Percentile(90)),
            allocated?.ToString(CultureInfo.InvariantCulture) ?? "");
    }
}
