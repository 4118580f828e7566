using Grpc.Net.Client;
using Pulumirpc;

namespace EntraDevices.Provider.Protocol;

/// <summary>
/// Sends warnings and ephemeral status messages to the engine's Log service (its address is the launch argument,
/// or the one Handshake gives), else writes them to stderr.
/// </summary>
internal sealed class EngineLog(string? engineAddress) : IDisposable
{
    private readonly Lock _gate = new();
    private string? _address = engineAddress;
    private GrpcChannel? _channel;

    /// <summary>Handshake names the engine's address; it wins over the launch argument.</summary>
    public void UseAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return;
        }

        lock (_gate)
        {
            if (address != _address)
            {
                _channel?.Dispose();
                _channel = null;
                _address = address;
            }
        }
    }

    public Task WarnAsync(string urn, string message) =>
        SendAsync(new LogRequest { Severity = LogSeverity.Warning, Message = message, Urn = urn }, $"warning: {urn}: {message}");

    /// <summary>A line the person running Pulumi should read, kept in the output (what a sync answered, what was left in place).</summary>
    public Task InfoAsync(string urn, string message) =>
        SendAsync(new LogRequest { Severity = LogSeverity.Info, Message = message, Urn = urn }, $"info: {urn}: {message}");

    /// <summary>Something the person running Pulumi must act on (a sign-in code): a warning, so every CLI view shows it.</summary>
    public Task PromptAsync(string message) =>
        SendAsync(new LogRequest { Severity = LogSeverity.Warning, Message = message }, $"warning: {message}");

    /// <summary>A progress line the CLI shows while the operation runs and then drops (e.g. "n of N devices imported").</summary>
    public Task StatusAsync(string urn, string message) =>
        SendAsync(new LogRequest { Severity = LogSeverity.Info, Message = message, Urn = urn, Ephemeral = true }, $"status: {urn}: {message}");

    private async Task SendAsync(LogRequest request, string fallback)
    {
        if (Channel() is { } channel)
        {
            try
            {
                await new Engine.EngineClient(channel).LogAsync(request, deadline: DateTime.UtcNow.AddSeconds(10));
                return;
            }
            catch (Grpc.Core.RpcException error)
            {
                await Console.Error.WriteLineAsync($"could not reach the engine's log service ({error.Status.StatusCode}); message follows.");
            }
        }

        await Console.Error.WriteLineAsync(fallback);
    }

    private GrpcChannel? Channel()
    {
        lock (_gate)
        {
            if (_channel is null && !string.IsNullOrWhiteSpace(_address))
            {
                _channel = GrpcChannel.ForAddress(_address.Contains("://") ? _address : $"http://{_address}");
            }

            return _channel;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _channel?.Dispose();
        }
    }
}
