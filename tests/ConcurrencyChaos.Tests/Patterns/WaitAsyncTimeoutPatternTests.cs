using static ConcurrencyChaos.Tests.Patterns.Children;

namespace ConcurrencyChaos.Tests.Patterns;

public sealed class WaitAsyncTimeoutPatternTests
{
    [Fact]
    public Task Timeout_returns_while_children_run_and_hides_their_errors() => OnThreadPool(async () =>
    {
        var time = new ManualTimeProvider();
        var (a, b) = (new Probe(), new Probe(honorsCancellation: true));
        var error = new InvalidOperationException("a failed before the timeout");
        var task = Run("wait-async-timeout", CancellationToken.None, time, a.Child, b.Child);
        await AllStarted(a, b);
        a.Fail(error);

        var timer = Assert.Single(time.Timers);
        Assert.Equal(TimeSpan.FromSeconds(1), timer.DueTime);
        timer.Fire();

        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => task.WaitAsync(Guard));
        Assert.Null(thrown.InnerException);
        Assert.Equal([thrown], task.Exception!.InnerExceptions); // a's error is nowhere
        Assert.False(b.HasEnded); // orphan
        Assert.False(b.Token.IsCancellationRequested); // nobody cancels it
        b.Succeed();
    });

    [Fact]
    public Task Caller_cancellation_returns_while_a_child_ignoring_it_runs_on() => OnThreadPool(async () =>
    {
        var time = new ManualTimeProvider();
        using var caller = new CancellationTokenSource();
        var a = new Probe(); // ignores its token
        var task = Run("wait-async-timeout", caller.Token, time, a.Child);
        await AllStarted(a);

        await caller.CancelAsync();
        await task.SettleAsync();
        Assert.True(task.IsCanceled);
        Assert.False(a.HasEnded);
        a.Succeed();
    });

    [Fact]
    public Task Children_ending_in_time_end_the_pattern_before_the_timer_fires() => OnThreadPool(async () =>
    {
        var time = new ManualTimeProvider();
        var a = new Probe();
        var task = Run("wait-async-timeout", CancellationToken.None, time, a.Child);
        await AllStarted(a);

        Assert.False(Assert.Single(time.Timers).IsDisposed);
        a.Succeed();
        await task.WaitAsync(Guard);
        Assert.True(task.IsCompletedSuccessfully);
        // WaitAsync disposes its timer too, but only after its continuations ran: not observable here.
    });
}
