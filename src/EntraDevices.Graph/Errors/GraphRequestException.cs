namespace EntraDevices.Graph;

/// <summary>How far a failed Graph call got, which decides whether anything may have changed.</summary>
public enum GraphFailureKind
{
    /// <summary>Graph answered with an error: the request was not applied.</summary>
    Rejected,

    /// <summary>No answer arrived (connection dropped, client time-out): a write may or may not have been applied.</summary>
    NoAnswer,

    /// <summary>The caller cancelled or its time limit ran out while the request was in flight.</summary>
    Cancelled,
}

/// <summary>A failed Graph call, with Graph's error code, message and request-id, and never a credential.</summary>
public sealed class GraphRequestException(
    GraphOperation operation,
    GraphFailureKind kind,
    string message,
    Exception? inner = null) : Exception(message, inner)
{
    public GraphOperation Operation { get; } = operation;

    public GraphFailureKind Kind { get; } = kind;

    public int? Status { get; init; }

    public string? Code { get; init; }

    public string? RequestId { get; init; }

    /// <summary>
    /// True when Graph may have applied a write although the caller saw a failure: no answer, or a server error
    /// (5xx, 408), which Graph also sends after a write it applied.
    /// </summary>
    public bool OutcomeUnknown => Kind != GraphFailureKind.Rejected || Status is >= 500 or 408;
}
