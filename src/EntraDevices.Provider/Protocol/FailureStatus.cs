using EntraDevices.Provider.Lifecycle;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Pulumirpc;

namespace EntraDevices.Provider.Protocol;

/// <summary>
/// Maps failures to the gRPC statuses the engine reads: any code but INTERNAL, UNKNOWN and DATA_LOSS means
/// "nothing changed"; UNKNOWN means "state unknown"; an ErrorResourceInitFailed detail means "exists, partly applied".
/// </summary>
internal static class FailureStatus
{
    public static RpcException From(Exception error, string prefix) => error switch
    {
        CleanFailure clean => new RpcException(new Status(CodeOf(clean.Reason), prefix + clean.Message)),
        PartialFailure partial => InitFailed(partial.Id, partial.Outputs, partial.Inputs, partial.Reasons, prefix),
        StateUnknown unknown => new RpcException(new Status(StatusCode.Unknown, prefix + unknown.Message)),
        RpcException rpc => rpc,
        _ => new RpcException(new Status(StatusCode.Internal, prefix + $"Unexpected provider error: {error.GetType().Name}: {error.Message}")),
    };

    /// <summary>For Create, a lost outcome still records the resource, so the settings found at adoption are kept.</summary>
    public static RpcException CreateUnknown(string id, StateUnknown unknown, string prefix) =>
        InitFailed(id, unknown.LastKnownOutputs, null, [prefix + unknown.Message], "");

    private static RpcException InitFailed(string id, Values.ObjectValue outputs, Values.ObjectValue? inputs, IEnumerable<string> reasons, string prefix)
    {
        var detail = new ErrorResourceInitFailed { Id = id, Properties = StructConversion.ToStruct(outputs) };
        detail.Reasons.AddRange(reasons.Select(r => prefix + r));
        if (inputs is not null)
        {
            detail.Inputs = StructConversion.ToStruct(inputs);
        }

        var status = new Google.Rpc.Status
        {
            Code = (int)StatusCode.Unknown,
            Message = string.Join(" ", detail.Reasons),
            Details = { Any.Pack(detail) },
        };
        return status.ToRpcException();
    }

    private static StatusCode CodeOf(CleanFailureReason reason) => reason switch
    {
        CleanFailureReason.InvalidInput => StatusCode.InvalidArgument,
        CleanFailureReason.PermissionDenied => StatusCode.PermissionDenied,
        CleanFailureReason.Unavailable => StatusCode.Unavailable,
        CleanFailureReason.TimedOut => StatusCode.DeadlineExceeded,
        CleanFailureReason.Cancelled => StatusCode.Cancelled,
        _ => StatusCode.FailedPrecondition,
    };
}
