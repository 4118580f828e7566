namespace EntraDevices.Provider.Lifecycle.Objects;

/// <summary>
/// Intune's replicas lag behind a create: a new object can be missing from GETs for some seconds
/// (graph-autopilot-journey.md §0). A 404 is believed only after these waits, all within the operation's bounds.
/// </summary>
internal sealed record Consistency(IReadOnlyList<TimeSpan> Waits)
{
    public static readonly Consistency Intune = new([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)]);

    /// <summary>Reads until <paramref name="read"/> finds the object or the waits run out.</summary>
    public async Task<T?> ReadAsync<T>(Func<CancellationToken, Task<T?>> read, CancellationToken cancellationToken)
        where T : class
    {
        var found = await read(cancellationToken);
        foreach (var wait in Waits)
        {
            if (found is not null)
            {
                break;
            }

            await Task.Delay(wait, cancellationToken);
            found = await read(cancellationToken);
        }

        return found;
    }
}
