using BenchmarkDotNet.Attributes;
using EntraDevices.Provider.Lifecycle;
using EntraDevices.Provider.Protocol;
using EntraDevices.Provider.Values;
using Pulumirpc;

namespace EntraDevices.Benchmarks;

/// <summary>
/// Check and Diff of DeviceRegistrationPolicy on the realistic declaration, at two levels: the resource's own
/// methods on typed values, and the gRPC service methods the engine calls (protobuf Struct in and out, the
/// conversions included, Kestrel and the wire excluded). Neither touches Graph.
/// </summary>
[MemoryDiagnoser]
public class CheckDiffBenchmarks
{
    private IResource _resource = null!;
    private ResourceProviderService _service = null!;
    private ObjectValue _news = null!;
    private ObjectValue _olds = null!;
    private ObjectValue _checkedChange = null!;
    private CheckRequest _checkRequest = null!;
    private DiffRequest _diffRequest = null!;

    [GlobalSetup]
    public void Setup()
    {
        // The state comes from a real Create against the emulator; Check and Diff do not need it afterwards.
        var fixture = ProviderFixture.StartAsync().GetAwaiter().GetResult();
        _resource = fixture.Resource;
        _service = fixture.Service;
        _news = StructConversion.ToObject(RealisticPolicy.First());
        _olds = StructConversion.ToObject(fixture.Outputs);
        var change = fixture.CheckAsync(RealisticPolicy.Second(), fixture.Inputs).GetAwaiter().GetResult();
        _checkedChange = StructConversion.ToObject(change);
        _checkRequest = fixture.CheckRequest(RealisticPolicy.First());
        _diffRequest = fixture.DiffRequest(change);
        fixture.Emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();

        if (CheckResource().Failures.Count > 0 || !DiffResource().HasChanges)
        {
            throw new InvalidOperationException("The benchmark's declaration must pass Check and differ from the state.");
        }
    }

    [Benchmark(Description = "Check (resource)")]
    public CheckResult CheckResource() => _resource.Check(new ResourceCheck(ProviderFixture.Urn, _news, ObjectValue.Empty));

    [Benchmark(Description = "Check (gRPC method)")]
    public Task<CheckResponse> CheckRpc() => _service.Check(_checkRequest, null!);

    [Benchmark(Description = "Diff (resource)")]
    public DiffResult DiffResource() => _resource.Diff(new ResourceDiff(ProviderFixture.Id, _olds, _checkedChange, ObjectValue.Empty));

    [Benchmark(Description = "Diff (gRPC method)")]
    public Task<DiffResponse> DiffRpc() => _service.Diff(_diffRequest, null!);
}
