using static ConcurrencyChaos.Tests.Patterns.Children;

namespace ConcurrencyChaos.Tests.Patterns;

public sealed class ParallelForEachPatternTests
{
    [Fact]
    public Task First_failure_cancels_the_rest_but_await_throws_only_it() => OnThreadPool(async () =>
    {
        var (a, b, c) = (new Probe(), new Probe(honorsCancellation: true), new Probe(honorsCancellation: true));
        var error = new InvalidOperationException("a");
        var task = Run("parallel-foreach", a.Child, b.Child, c.Child);
        await AllStarted(a, b, c);
        Assert.False(b.Token.IsCancellationRequested);

        a.Fail(error);
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => task.WaitAsync(Guard));
        Assert.Same(error, thrown);
        Assert.True(b.Token.IsCancellationRequested);
        Assert.True(c.Token.IsCancellationRequested);

        // ForEachAsync's own task held the error and the siblings' two cancellations; the await kept only the error.
        Assert.Equal([error], task.Exception!.InnerExceptions);
    });

    [Fact]
    public Task Children_get_an_internal_token_linked_to_the_callers() => OnThreadPool(async () =>
    {
        using var caller = new CancellationTokenSource();
        var a = new Probe(honorsCancellation: true);
        var task = Run("parallel-foreach", caller.Token, a.Child);
        await AllStarted(a);
        Assert.NotEqual(caller.Token, a.Token);

        await caller.CancelAsync();
        Assert.True(a.Token.IsCancellationRequested);
        await task.SettleAsync();
        Assert.True(task.IsCanceled);
    });

    [Fact]
    public Task At_most_four_children_run_at_once() => OnThreadPool(async () =>
    {
        var probes = Enumerable.Range(0, 6).Select(_ => new Probe()).ToArray();
        var task = Run("parallel-foreach", [.. probes.Select(p => p.Child)]);
        await AllStarted(probes[..4]);
        // No fifth worker exists: a fifth child can only start once one of the four has ended.
        Assert.False(probes[4].HasStarted);
        Assert.False(probes[5].HasStarted);

        probes[0].Succeed();
        await AllStarted(probes[4]);
        Assert.False(probes[5].HasStarted);

        foreach (var probe in probes)
        {
            probe.Succeed();
        }

        await task.WaitAsync(Guard);
        Assert.True(probes[5].HasStarted);
    });

    [Fact]
    public Task Caller_cancellation_drops_every_error_even_real_faults() => OnThreadPool(async () =>
    {
        using var caller = new CancellationTokenSource();
        var cleanupError = new InvalidOperationException("fault during cleanup");
        var (a, b) = (new Probe(failOnCancel: cleanupError), new Probe(honorsCancellation: true));
        var task = Run("parallel-foreach", caller.Token, a.Child, b.Child);
        await AllStarted(a, b);

        await caller.CancelAsync();
        await task.SettleAsync();
        Assert.True(task.IsCanceled);
        Assert.Null(task.Exception); // cleanupError is gone
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    });

    [Fact]
    public Task Under_a_synchronization_context_work_stays_on_it_four_at_a_time() => OnThreadPool(async () =>
    {
        var context = new CapturingSynchronizationContext();
        var probes = Enumerable.Range(0, 6).Select(_ => new Probe()).ToArray();

        Task task;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            task = Run("parallel-foreach", [.. probes.Select(p => p.Child)]);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        // TaskScheduler.FromCurrentSynchronizationContext() would have clamped the degree to 1.
        await AllStarted(probes[..4]);
        Assert.All(probes[..4], p => Assert.Same(context, p.ContextAtStart));
        Assert.False(probes[4].HasStarted);

        foreach (var probe in probes)
        {
            probe.Succeed();
        }

        await task.WaitAsync(Guard);
        Assert.Same(context, probes[5].ContextAtStart);
        Assert.Empty(context.Errors);
    });

    [Fact]
    public Task Already_cancelled_caller_starts_nothing() => OnThreadPool(async () =>
    {
        var a = new Probe();
        var task = Run("parallel-foreach", new CancellationToken(canceled: true), a.Child);
        await task.SettleAsync();
        Assert.True(task.IsCanceled);
        Assert.False(a.HasStarted);
    });
}
