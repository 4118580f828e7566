namespace EntraDevices.Provider.Lifecycle;

/// <summary>The provider-wide cancellation that the engine's Cancel triggers.</summary>
internal sealed class ProviderLifetime : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();

    public OperationLimits Limit(double timeoutSeconds) => new(timeoutSeconds, _cancel.Token);

    public void CancelAll() => _cancel.Cancel();

    public void Dispose() => _cancel.Dispose();
}
