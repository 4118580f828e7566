namespace EntraDevices.Provider.Lifecycle;

/// <summary>The provider-wide cancellation that the engine's Cancel triggers.</summary>
internal sealed class ProviderLifetime : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();

    /// <summary>The bounds of one call: the engine's timeout, its Cancel, and the call's own cancellation (a client gone).</summary>
    public OperationLimits Limit(double timeoutSeconds, Grpc.Core.ServerCallContext? call = null) =>
        new(timeoutSeconds, _cancel.Token, call?.CancellationToken ?? CancellationToken.None);

    public void CancelAll() => _cancel.Cancel();

    public void Dispose() => _cancel.Dispose();
}
