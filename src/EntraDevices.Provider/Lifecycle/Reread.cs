using EntraDevices.Graph;

namespace EntraDevices.Provider.Lifecycle;

/// <summary>
/// The read that follows a failed write, written once: the caller's token may be spent (time-out, cancel), so it gets
/// a short limit of its own, and a read that fails too is turned into what the caller can still say.
/// </summary>
internal static class Reread
{
    /// <summary>How long the re-read may take once the write's own time is up.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task<T> AfterFailureAsync<T>(Func<CancellationToken, Task<T>> read, Func<Exception, Exception> failedToo)
    {
        try
        {
            using var limit = new CancellationTokenSource(Limit);
            return await read(limit.Token);
        }
        catch (Exception reread) when (reread is GraphRequestException or UnexpectedPolicyShapeException or OperationCanceledException)
        {
            throw failedToo(reread);
        }
    }
}
