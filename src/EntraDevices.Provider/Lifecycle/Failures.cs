using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Lifecycle;

/// <summary>Why an operation failed without changing anything; decides the gRPC status the engine sees.</summary>
public enum CleanFailureReason
{
    InvalidInput,
    PermissionDenied,
    Unavailable,
    TimedOut,
    Cancelled,
    Refused,
}

/// <summary>The operation failed and nothing in the tenant changed.</summary>
public sealed class CleanFailure(CleanFailureReason reason, string message, Exception? inner = null) : Exception(message, inner)
{
    public CleanFailureReason Reason { get; } = reason;
}

/// <summary>The operation failed, but the resource exists with these (re-read) properties.</summary>
public sealed class PartialFailure(string id, ObjectValue outputs, IReadOnlyList<string> reasons, ObjectValue? inputs = null)
    : Exception(string.Join(" ", reasons))
{
    public string Id { get; } = id;
    public ObjectValue Outputs { get; } = outputs;
    public IReadOnlyList<string> Reasons { get; } = reasons;
    public ObjectValue? Inputs { get; } = inputs;
}

/// <summary>
/// A write may or may not have been applied and a re-read could not tell. <see cref="Id"/> is the object it
/// concerns, when known: a create that ends so still records the resource with <see cref="LastKnownOutputs"/>.
/// </summary>
public sealed class StateUnknown(string message, ObjectValue lastKnownOutputs, Exception? inner = null, string? id = null) : Exception(message, inner)
{
    public ObjectValue LastKnownOutputs { get; } = lastKnownOutputs;

    public string? Id { get; } = id;
}
