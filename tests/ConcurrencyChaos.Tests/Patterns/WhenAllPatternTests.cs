using static ConcurrencyChaos.Tests.Patterns.Children;

namespace ConcurrencyChaos.Tests.Patterns;

public sealed class WhenAllPatternTests
{
    [Fact]
    public Task Two_failures_await_throws_the_first_the_other_is_lost_sibling_not_cancelled() => OnThreadPool(async () =>
    {
        var (a, b, c) = (new Probe(), new Probe(), new Probe(honorsCancellation: true));
        var (first, second) = (new InvalidOperationException("a"), new InvalidOperationException("b"));
        var task = Run("when-all", a.Child, b.Child, c.Child);
        await AllStarted(a, b, c);

        a.Fail(first);
        b.Fail(second);
        Assert.False(task.IsCompleted); // it waits for c

        c.Succeed();
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => task.WaitAsync(Guard));
        Assert.Same(first, thrown);
        // The inner WhenAll task held both, but the async method's await kept only the first: b's error is gone.
        Assert.Equal([first], task.Exception!.InnerExceptions);
        // A fail-fast pattern would have cancelled c's token before it could end.
        Assert.False(c.Token.IsCancellationRequested);
    });

    [Fact]
    public Task Synchronous_throw_orphans_started_children_and_never_starts_later_ones() => OnThreadPool(async () =>
    {
        var (a, c) = (new Probe(), new Probe());
        var error = new InvalidOperationException("sync");
        var task = Run("when-all", a.Child, ThrowingSync(error), c.Child);

        await task.SettleAsync();
        Assert.Same(error, task.Exception!.InnerException);
        Assert.True(a.HasStarted);
        Assert.False(a.HasEnded);
        Assert.False(c.HasStarted);
        a.Succeed();
    });
}
