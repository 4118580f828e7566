namespace EntraDevices.Provider.Lifecycle;

/// <summary>Bounds one operation by the engine's per-operation timeout and by Cancel.</summary>
internal sealed class OperationLimits : IDisposable
{
    private readonly CancellationTokenSource _source;

    public OperationLimits(double timeoutSeconds, CancellationToken cancelled, CancellationToken callGone = default)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(cancelled, callGone);
        CallGone = callGone;
        if (timeoutSeconds > 0)
        {
            _source.CancelAfter(TimeSpan.FromSeconds(timeoutSeconds));
        }

        TimeoutSeconds = timeoutSeconds;
        Cancelled = cancelled;
    }

    public CancellationToken Token => _source.Token;

    public double TimeoutSeconds { get; }

    private CancellationToken Cancelled { get; }

    private CancellationToken CallGone { get; }

    /// <summary>Words for an error: the engine cancelled, or the operation's own timeout ran out.</summary>
    public string Why => Cancelled.IsCancellationRequested ? "the engine cancelled the operation"
        : CallGone.IsCancellationRequested ? "the engine stopped waiting for the answer"
        : $"the operation's timeout of {TimeoutSeconds:0.###} s ran out";

    public void Dispose() => _source.Dispose();
}
