namespace EntraDevices.Provider.Lifecycle;

/// <summary>Waits between polls: from <see cref="First"/>, growing by <see cref="Factor"/>, never above <see cref="Longest"/>.</summary>
public sealed record Backoff(TimeSpan First, TimeSpan Longest, double Factor = 2)
{
    public IEnumerable<TimeSpan> Waits()
    {
        var wait = First;
        while (true)
        {
            yield return wait;
            wait = TimeSpan.FromTicks(Math.Min(Longest.Ticks, (long)(wait.Ticks * Factor)));
        }
    }
}

/// <summary>
/// Asynchronous work in Graph (an import that stays pending for minutes) polled with backoff inside the operation's
/// bounds, telling the person watching how far it is after every poll (the engine's ephemeral status messages).
/// </summary>
public static class Polling
{
    /// <summary>One poll's answer: whether the work is done, what is known, and a line of progress.</summary>
    public sealed record Poll<T>(bool Done, T Value, string Progress);

    /// <summary>How many polls in a row may fail with a server error or no answer before polling gives up: a poll is a read.</summary>
    public const int FailedPollsTolerated = 5;

    /// <summary>
    /// Polls until done. When the operation's token ends first, <see cref="PollingStopped{T}"/> carries the last
    /// answer, so the caller can say what was known.
    /// </summary>
    public static async Task<T> UntilDoneAsync<T>(Func<CancellationToken, Task<Poll<T>>> poll, Backoff backoff, Operation operation)
    {
        Poll<T>? last = null;
        var failedInARow = 0;
        using var waits = backoff.Waits().GetEnumerator();
        try
        {
            while (true)
            {
                try
                {
                    last = await poll(operation.Token);
                    failedInARow = 0;
                    await operation.StatusAsync(last.Progress);
                    if (last.Done)
                    {
                        return last.Value;
                    }
                }
                catch (Graph.GraphRequestException failed) when (failed.Kind != Graph.GraphFailureKind.Cancelled
                    && failed.Status is null or >= 500 && ++failedInARow < FailedPollsTolerated)
                {
                    // A poll changes nothing: a 5xx or a lost answer is read again after the next wait (issue #25).
                    await operation.StatusAsync($"a poll failed ({failed.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"}); polling again");
                }

                waits.MoveNext();
                await Task.Delay(waits.Current, operation.Token);
            }
        }
        catch (OperationCanceledException) when (operation.Token.IsCancellationRequested && last is not null)
        {
            throw new PollingStopped<T>(last.Value, last.Progress);
        }
    }
}

/// <summary>The operation's time ran out (or it was cancelled) while the work was still going on.</summary>
public sealed class PollingStopped<T>(T last, string progress) : Exception($"Stopped waiting while the work was still going on; last seen: {progress}")
{
    public T Last { get; } = last;
}
