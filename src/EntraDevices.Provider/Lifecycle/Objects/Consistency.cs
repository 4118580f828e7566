namespace EntraDevices.Provider.Lifecycle.Objects;

/// <summary>
/// Intune's replicas lag behind a create: a new object can be missing from GETs for some seconds
/// (graph-autopilot-journey.md §0). A 404 is believed only after these waits, all within the operation's bounds.
/// </summary>
internal sealed record Consistency(IReadOnlyList<TimeSpan> Waits)
{
    public static readonly Consistency Intune = new([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)]);

    /// <summary>Reads until <paramref name="read"/> finds the object or the waits run out.</summary>
    public Task<T?> ReadAsync<T>(Func<CancellationToken, Task<T?>> read, CancellationToken cancellationToken)
        where T : class =>
        ReadUntilAsync(read, found => found is null ? "not found" : null, cancellationToken);

    /// <summary>
    /// Reads until <paramref name="lacking"/> finds nothing lacking in the answer (a list that lacks recorded items) or
    /// the waits run out; the last answer. Each wait is told through <paramref name="tell"/>, as a progress line.
    /// </summary>
    /// <param name="lacking">What the answer still lacks, in words; null when nothing.</param>
    public async Task<T> ReadUntilAsync<T>(Func<CancellationToken, Task<T>> read, Func<T, string?> lacking, CancellationToken cancellationToken,
        Func<string, Task>? tell = null)
    {
        var found = await read(cancellationToken);
        foreach (var wait in Waits)
        {
            if (lacking(found) is not { } what)
            {
                break;
            }

            if (tell is not null)
            {
                await tell($"{what}; reading again in {wait.TotalSeconds:0.#} s (Intune's replicas lag)");
            }

            await Task.Delay(wait, cancellationToken);
            found = await read(cancellationToken);
        }

        return found;
    }
}
