using EntraDevices.Graph;
using EntraDevices.Provider.Values;

namespace EntraDevices.Provider.Lifecycle;

/// <summary>
/// One write whose failure never leaves the user guessing: a refused write changed nothing; a write whose
/// outcome the answer does not tell (no answer, a server error, an answer that is not the object) is followed by
/// a re-read that reports what the tenant really holds.
/// </summary>
internal sealed record GuardedWrite<T>(
    string Id,
    string What,
    T Before,
    T Desired,
    Func<T, T, bool> Same,
    Func<T, ObjectValue> Outputs)
{
    public async Task<T> RunAsync(Func<T, CancellationToken, Task<T>> write, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await write(Desired, cancellationToken);
        }
        catch (GraphRequestException error) when (!error.OutcomeUnknown)
        {
            throw GraphFailures.Clean(error, What);
        }
        catch (GraphRequestException error)
        {
            return await Confirm(Sentences.End(error.Message), error.Kind == GraphFailureKind.Cancelled, error, read);
        }
        catch (PartlyAppliedException partly)
        {
            return await Confirm(Sentences.End(partly.Message), cancelled: false, partly, read);
        }
        catch (UnexpectedPolicyShapeException odd)
        {
            return await Confirm($"Microsoft Graph answered the request to {What}, but not with what was written: {odd.Message.TrimEnd('.')}.",
                cancelled: false, odd, read);
        }
    }

    private async Task<T> Confirm(string failure, bool cancelled, Exception error, Func<CancellationToken, Task<T>> read)
    {
        var after = await Reread.AfterFailureAsync(read, reread => new StateUnknown(
            $"{failure} The write may or may not have been applied, and re-reading it failed too ({reread.Message.TrimEnd('.')}). "
            + $"Run `pulumi refresh` to record what the tenant holds before trying again. Left undone: confirming that Pulumi could {What}.",
            Outputs(Before), error, Id));

        if (Same(after, Desired))
        {
            return after;
        }

        if (Same(after, Before))
        {
            throw new CleanFailure(cancelled ? CleanFailureReason.Cancelled : CleanFailureReason.Unavailable,
                $"{failure} A re-read shows the write was not applied. Nothing was changed: {What}.", error);
        }

        throw new PartialFailure(Id, Outputs(after),
            [$"{failure} A re-read shows the tenant differs both from before and from what was asked; its real state is recorded. Run `pulumi up` again to {What}."]);
    }
}
