using EntraDevices.Provider.Lifecycle;

namespace EntraDevices.Provider.Tests.Lifecycle;

public class PollingTests
{
    private static readonly Backoff Short = new(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(4));

    [Fact]
    public void Backoff_grows_by_its_factor_and_never_passes_the_longest_wait()
    {
        var waits = new Backoff(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(60)).Waits().Take(5);

        Assert.Equal([15, 30, 60, 60, 60], waits.Select(w => w.TotalSeconds));
    }

    private static Graph.GraphRequestException Failure(int? status) =>
        new(new Graph.GraphOperation("GET", "/records", "list the import records", "P", "R"),
            status is null ? Graph.GraphFailureKind.NoAnswer : Graph.GraphFailureKind.Rejected, "failed")
        { Status = status };

    [Fact]
    public async Task A_poll_that_fails_with_a_server_error_is_read_again_but_not_forever()
    {
        var polls = 0;
        var recovered = await Polling.UntilDoneAsync(
            _ => ++polls < 3 ? throw Failure(polls == 1 ? 500 : null) : Task.FromResult(new Polling.Poll<int>(true, polls, "done")),
            Short, Operation.None);
        Assert.Equal(3, recovered);

        polls = 0;
        await Assert.ThrowsAsync<Graph.GraphRequestException>(() => Polling.UntilDoneAsync<int>(_ => { polls++; throw Failure(503); }, Short, Operation.None));
        Assert.Equal(Polling.FailedPollsTolerated, polls);
    }

    [Fact]
    public async Task A_refused_poll_is_not_read_again()
    {
        var polls = 0;

        await Assert.ThrowsAsync<Graph.GraphRequestException>(() => Polling.UntilDoneAsync<int>(_ => { polls++; throw Failure(403); }, Short, Operation.None));

        Assert.Equal(1, polls);
    }

    [Fact]
    public async Task Every_poll_tells_the_engine_how_far_the_work_is_until_it_is_done()
    {
        var statuses = new List<string>();
        var polls = 0;

        var result = await Polling.UntilDoneAsync(
            _ => Task.FromResult(new Polling.Poll<int>(++polls == 3, polls, $"{polls} of 3 devices imported")),
            Short, new Operation(CancellationToken.None, message => { statuses.Add(message); return Task.CompletedTask; }));

        Assert.Equal(3, result);
        Assert.Equal(["1 of 3 devices imported", "2 of 3 devices imported", "3 of 3 devices imported"], statuses);
    }

    [Fact]
    public async Task When_the_operation_ends_first_the_last_answer_is_kept()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var polls = 0;

        var stopped = await Assert.ThrowsAsync<PollingStopped<int>>(() => Polling.UntilDoneAsync(
            _ => Task.FromResult(new Polling.Poll<int>(false, ++polls, "still pending")), Short, new Operation(limit.Token)));

        Assert.True(stopped.Last >= 1);
        Assert.Contains("still pending", stopped.Message);
    }
}
