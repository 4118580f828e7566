namespace EntraDevices.GraphEmulator;

/// <summary>
/// A misbehaviour injected before normal handling: delay first, then drop, then answer with a status;
/// without either, the request is handled normally (and dropped afterwards with <see cref="ApplyThenDrop"/>).
/// </summary>
public sealed record Fault
{
    /// <summary>HTTP method to match; null matches any.</summary>
    public string? Method { get; init; }

    /// <summary>Text the URL path must contain (case-insensitive); null matches any.</summary>
    public string? PathContains { get; init; }

    /// <summary>Answer with this status and a Graph error body; state is not touched.</summary>
    public int? Status { get; init; }

    /// <summary>Adds a Retry-After header (seconds) to a status answer.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Wait this long before answering; a request abort ends the wait.</summary>
    public int DelayMilliseconds { get; init; }

    /// <summary>Abort the connection without a response and without touching state.</summary>
    public bool DropConnection { get; init; }

    /// <summary>Handle the request normally, then abort the connection instead of answering.</summary>
    public bool ApplyThenDrop { get; init; }

    /// <summary>Handle the request normally (state changes), then wait this long before answering (a client's timeout runs out first).</summary>
    public int ApplyThenDelayMilliseconds { get; init; }

    /// <summary>Handle the request normally (state changes), then answer with this status and a Graph error body.</summary>
    public int? ApplyThenStatus { get; init; }

    /// <summary>Handle the request normally (state changes), then answer 200 with this body (as given, JSON or not) instead of the object.</summary>
    public string? ApplyThenBody { get; init; }

    /// <summary>
    /// Replica lag after a write: the object at <see cref="StalePath"/> (default: the request's path) is read as it was
    /// before this request, for this many GETs of that path after it, as Graph's replicas lag behind a write.
    /// </summary>
    public int StaleReads { get; init; }

    /// <summary>With <see cref="StaleReads"/>: the path of the object whose reads lag (e.g. the parent of a child written).</summary>
    public string? StalePath { get; init; }

    /// <summary>Answer with a redirect to this URL (status <see cref="Status"/>, default 307); state is not touched.</summary>
    public string? RedirectTo { get; init; }

    /// <summary>With <see cref="Status"/>: the error message echoes the request's Authorization header, as a hostile endpoint might.</summary>
    public bool EchoAuthorization { get; init; }

    /// <summary>Let this many matching requests through untouched before the fault applies (e.g. 1: spare the first GET).</summary>
    public int Skip { get; init; }

    /// <summary>How many matching requests this fault affects.</summary>
    public int Times { get; init; } = 1;

    internal bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (PathContains is null || path.Contains(PathContains, StringComparison.OrdinalIgnoreCase));
}
