using static ConcurrencyChaos.Tests.Patterns.Children;

namespace ConcurrencyChaos.Tests.Patterns;

public sealed class SwallowCancelPatternTests
{
    [Fact]
    public Task Reports_success_after_the_caller_cancelled() => OnThreadPool(async () =>
    {
        using var caller = new CancellationTokenSource();
        var (a, b) = (new Probe(honorsCancellation: true), new Probe(honorsCancellation: true));
        var task = Run("swallow-cancel", caller.Token, a.Child, b.Child);
        await AllStarted(a, b);

        await caller.CancelAsync();
        await task.SettleAsync();
        Assert.Equal(TaskStatus.RanToCompletion, task.Status);
    });

    [Fact]
    public Task A_real_fault_still_escapes() => OnThreadPool(async () =>
    {
        var (a, b) = (new Probe(), new Probe());
        var error = new InvalidOperationException("fault");
        var task = Run("swallow-cancel", a.Child, b.Child);
        await AllStarted(a, b);

        a.Fail(error);
        b.Succeed();
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => task.WaitAsync(Guard));
        Assert.Same(error, thrown);
    });
}
