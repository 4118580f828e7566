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
    /// <param name="secrets">The request's secret values: cut out of every message, and outputs holding one wrapped again.</param>
    public static RpcException From(Exception error, string prefix, SecretText? secrets = null)
    {
        secrets ??= SecretText.None;
        return error switch
        {
            CleanFailure clean => new RpcException(new Status(CodeOf(clean.Reason), secrets.Redact(prefix + clean.Message))),
            PartialFailure partial => InitFailed(partial.Id, partial.Outputs, partial.Inputs, partial.Reasons, prefix, secrets),
            StateUnknown unknown => new RpcException(new Status(StatusCode.Unknown, secrets.Redact(prefix + unknown.Message))),
            RpcException rpc => rpc,
            _ => new RpcException(new Status(StatusCode.Internal, secrets.Redact(prefix + $"Unexpected provider error: {error.GetType().Name}: {error.Message}"))),
        };
    }

    /// <summary>For Create, a lost outcome still records the resource, so the settings found at adoption are kept.</summary>
    public static RpcException CreateUnknown(string id, StateUnknown unknown, string prefix, SecretText? secrets = null) =>
        InitFailed(id, unknown.LastKnownOutputs, null, [prefix + unknown.Message], "", secrets ?? SecretText.None);

    private static RpcException InitFailed(
        string id, Values.ObjectValue outputs, Values.ObjectValue? inputs, IEnumerable<string> reasons, string prefix, SecretText secrets)
    {
        var detail = new ErrorResourceInitFailed { Id = id, Properties = StructConversion.ToStruct(secrets.Wrap(outputs)) };
        detail.Reasons.AddRange(reasons.Select(r => secrets.Redact(prefix + r)));
        if (inputs is not null)
        {
            detail.Inputs = StructConversion.ToStruct(secrets.Wrap(inputs));
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
