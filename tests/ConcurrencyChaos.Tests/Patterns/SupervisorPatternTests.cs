using static ConcurrencyChaos.Tests.Patterns.Children;

namespace ConcurrencyChaos.Tests.Patterns;

public sealed class SupervisorPatternTests
{
    [Fact]
    public Task Throws_one_AggregateException_with_every_error_and_never_cancels_siblings() => OnThreadPool(async () =>
    {
        var (a, b, c) = (new Probe(), new Probe(honorsCancellation: true), new Probe());
        var (first, second) = (new InvalidOperationException("a"), new ArgumentException("c"));
        var task = Run("supervisor", a.Child, b.Child, c.Child);
        await AllStarted(a, b, c);

        c.Fail(second);
        a.Fail(first);
        Assert.False(task.IsCompleted); // waits for b

        b.Succeed();
        var thrown = await Assert.ThrowsAsync<AggregateException>(() => task.WaitAsync(Guard));
        Assert.Equal([first, second], thrown.InnerExceptions); // child order
        Assert.False(b.Token.IsCancellationRequested); // not fail-fast, by design
    });

    [Fact]
    public Task Synchronous_throw_is_a_failed_child_and_later_children_still_start() => OnThreadPool(async () =>
    {
        var (a, c) = (new Probe(), new Probe());
        var error = new InvalidOperationException("sync");
        var task = Run("supervisor", a.Child, ThrowingSync(error), c.Child);
        await AllStarted(a, c);
        Assert.False(task.IsCompleted);

        a.Succeed();
        c.Succeed();
        var thrown = await Assert.ThrowsAsync<AggregateException>(() => task.WaitAsync(Guard));
        Assert.Equal([error], thrown.InnerExceptions);
    });

    [Fact]
    public Task Ends_canceled_when_the_caller_cancels_and_nothing_faulted() => OnThreadPool(async () =>
    {
        using var caller = new CancellationTokenSource();
        var (a, b) = (new Probe(honorsCancellation: true), new Probe());
        var task = Run("supervisor", caller.Token, a.Child, b.Child);
        await AllStarted(a, b);
        Assert.Equal(caller.Token, a.Token);

        await caller.CancelAsync();
        Assert.False(task.IsCompleted); // waits for b, which ignores its token

        b.Succeed(); // even though b swallowed the cancellation
        await task.SettleAsync();
        Assert.True(task.IsCanceled);
    });

    [Fact]
    public Task Faults_win_over_cancellation() => OnThreadPool(async () =>
    {
        using var caller = new CancellationTokenSource();
        var cleanupError = new InvalidOperationException("fault during cleanup");
        var (a, b) = (new Probe(failOnCancel: cleanupError), new Probe(honorsCancellation: true));
        var task = Run("supervisor", caller.Token, a.Child, b.Child);
        await AllStarted(a, b);

        await caller.CancelAsync();
        var thrown = await Assert.ThrowsAsync<AggregateException>(() => task.WaitAsync(Guard));
        Assert.Equal([cleanupError], thrown.InnerExceptions);
    });
}
