using static ConcurrencyChaos.Tests.Patterns.Children;

namespace ConcurrencyChaos.Tests.Patterns;

public sealed class UnlinkedTokenPatternTests
{
    [Fact]
    public Task Caller_cancellation_never_reaches_the_children() => OnThreadPool(async () =>
    {
        var time = new ManualTimeProvider();
        using var caller = new CancellationTokenSource();
        var a = new Probe(honorsCancellation: true);
        var task = Run("unlinked-token", caller.Token, time, a.Child);
        await AllStarted(a);

        await caller.CancelAsync();
        Assert.False(a.Token.IsCancellationRequested);
        Assert.False(task.IsCompleted);

        a.Succeed();
        await task.WaitAsync(Guard);
        Assert.True(task.IsCompletedSuccessfully); // success after the caller cancelled
    });

    [Fact]
    public Task Its_own_five_minute_timeout_comes_from_the_time_provider_and_is_disposed() => OnThreadPool(async () =>
    {
        var time = new ManualTimeProvider();
        var a = new Probe(honorsCancellation: true);
        var task = Run("unlinked-token", CancellationToken.None, time, a.Child);
        await AllStarted(a);

        var timer = Assert.Single(time.Timers);
        Assert.Equal(TimeSpan.FromMinutes(5), timer.DueTime);
        Assert.NotEqual(CancellationToken.None, a.Token);

        timer.Fire();
        Assert.True(a.Token.IsCancellationRequested);
        await task.SettleAsync();
        Assert.True(task.IsCanceled);
        Assert.True(timer.IsDisposed); // `using var cts` disposed it
    });
}
