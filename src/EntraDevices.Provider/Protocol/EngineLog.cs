using Grpc.Net.Client;
using Pulumirpc;

namespace EntraDevices.Provider.Protocol;

/// <summary>Sends warnings to the engine's Log service (its address is the last launch argument), else to stderr.</summary>
internal sealed class EngineLog(string? engineAddress) : IDisposable
{
    private readonly Lazy<GrpcChannel?> _channel = new(() =>
        string.IsNullOrWhiteSpace(engineAddress)
            ? null
            : GrpcChannel.ForAddress(engineAddress.Contains("://") ? engineAddress : $"http://{engineAddress}"));

    public async Task WarnAsync(string urn, string message)
    {
        if (_channel.Value is { } channel)
        {
            try
            {
                await new Engine.EngineClient(channel).LogAsync(
                    new LogRequest { Severity = LogSeverity.Warning, Message = message, Urn = urn },
                    deadline: DateTime.UtcNow.AddSeconds(10));
                return;
            }
            catch (Grpc.Core.RpcException error)
            {
                await Console.Error.WriteLineAsync($"could not reach the engine's log service ({error.Status.StatusCode}); warning follows.");
            }
        }

        await Console.Error.WriteLineAsync($"warning: {urn}: {message}");
    }

    public void Dispose()
    {
        if (_channel.IsValueCreated)
        {
            _channel.Value?.Dispose();
        }
    }
}
