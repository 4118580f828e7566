using EntraDevices.Graph;
using EntraDevices.Graph.Connection;
using EntraDevices.Graph.Transport;

namespace EntraDevices.Provider.Lifecycle;

/// <summary>Graph failures that happened before anything was written become clean failures.</summary>
internal static class GraphFailures
{
    /// <summary>Runs a step that writes nothing; any failure means nothing changed.</summary>
    public static async Task<T> BeforeWrite<T>(Func<Task<T>> step, string undone)
    {
        try
        {
            return await step();
        }
        catch (GraphRequestException error)
        {
            throw Clean(error, undone);
        }
        catch (InvalidIdException error)
        {
            // An id from state or an import that no Graph object can have (e.g. ../other-id): nothing was sent.
            throw new CleanFailure(CleanFailureReason.InvalidInput, $"{Sentences.End(error.Message)} Nothing was changed: {undone}.", error);
        }
        catch (PersonRequiredException error)
        {
            throw new CleanFailure(CleanFailureReason.PermissionDenied, $"{Sentences.End(error.Message)} Nothing was changed: {undone}.", error);
        }
        catch (Exception error) when (error is UnexpectedPolicyShapeException or ConnectionSettingsException)
        {
            throw new CleanFailure(CleanFailureReason.Refused, $"{Sentences.End(error.Message)} Nothing was changed: {undone}.", error);
        }
    }

    /// <summary>The operation was stopped (its timeout, Cancel, the call gone): there is no answer to read, only what was done to record.</summary>
    public static bool Stopped(Exception error) => error is OperationCanceledException or GraphRequestException { Kind: GraphFailureKind.Cancelled };

    /// <summary>Graph refused a step, answered it in a shape it should not, or lost its answer, while the operation goes on.</summary>
    public static bool StepFailed(Exception error) => error is GraphRequestException or UnexpectedPolicyShapeException && !Stopped(error);

    public static CleanFailure Clean(GraphRequestException error, string undone) =>
        new(ReasonOf(error), $"{Sentences.End(error.Message)} Nothing was changed: {undone}.", error);

    private static CleanFailureReason ReasonOf(GraphRequestException error) => error switch
    {
        { Kind: GraphFailureKind.Cancelled } => CleanFailureReason.Cancelled,
        { Status: 401 or 403 } => CleanFailureReason.PermissionDenied,
        { Status: 400 or 404 or 405 or 409 or 412 } => CleanFailureReason.Refused,
        _ => CleanFailureReason.Unavailable,
    };
}
