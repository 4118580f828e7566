using BenchmarkDotNet.Attributes;
using Pulumirpc;

namespace EntraDevices.Benchmarks;

/// <summary>
/// A full Update through the gRPC service method against the in-process Graph emulator (HTTP on loopback):
/// GET the live policy, then PUT it. Successive calls alternate between two quotas so that every call writes.
/// </summary>
[MemoryDiagnoser]
public class UpdateBenchmarks
{
    private ProviderFixture _fixture = null!;
    private UpdateRequest[] _requests = null!;
    private int _calls;

    [GlobalSetup]
    public void Setup()
    {
        _fixture = ProviderFixture.StartAsync().GetAwaiter().GetResult();
        _requests =
        [
            _fixture.UpdateRequest(_fixture.CheckAsync(RealisticPolicy.Second(25), _fixture.Inputs).GetAwaiter().GetResult()),
            _fixture.UpdateRequest(_fixture.CheckAsync(RealisticPolicy.Second(26), _fixture.Inputs).GetAwaiter().GetResult()),
        ];

        // Every measured call must be exactly one GET and one PUT.
        _fixture.Emulator.ClearRequests();
        Update().GetAwaiter().GetResult();
        Update().GetAwaiter().GetResult();
        var calls = string.Join(",", _fixture.Emulator.Requests.Select(r => $"{r.Method} {r.Status}"));
        if (calls != "GET 200,PUT 200,GET 200,PUT 200")
        {
            throw new InvalidOperationException($"An Update should be one GET and one PUT; the emulator saw {calls}.");
        }
    }

    [Benchmark(Description = "Update GET+PUT (gRPC method, emulator)")]
    public async Task<UpdateResponse> Update()
    {
        var response = await _fixture.Service.Update(_requests[_calls++ & 1], null!);
        if ((_calls & 1023) == 0)
        {
            _fixture.Emulator.ClearRequests();  // the request log would otherwise grow for the whole run
        }

        return response;
    }

    [GlobalCleanup]
    public void Cleanup() => _fixture.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
