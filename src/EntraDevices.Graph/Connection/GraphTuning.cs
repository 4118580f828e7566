namespace EntraDevices.Graph.Connection;

/// <summary>Knobs of the SDK's retry handler; production keeps the SDK's defaults, tests shorten the waits.</summary>
public sealed record GraphTuning
{
    public int MaxRetries { get; init; } = 3;

    /// <summary>Base delay for exponential back-off when Graph sends no Retry-After header.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The longest Retry-After a write that must not be sent twice waits before it is sent again after a 429; a longer
    /// one fails the call with the 429.
    /// </summary>
    public TimeSpan MaxThrottleWait { get; init; } = TimeSpan.FromSeconds(60);

    public string ApiVersion { get; init; } = "v1.0";
}
