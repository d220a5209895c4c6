using static ConcurrencyChaos.Tests.Patterns.Children;

namespace ConcurrencyChaos.Tests.Patterns;

public sealed class AwaitInTurnPatternTests
{
    [Fact]
    public Task First_failure_in_list_order_abandons_the_rest() => OnThreadPool(async () =>
    {
        var (a, b, c) = (new Probe(), new Probe(honorsCancellation: true), new Probe());
        var (early, late) = (new InvalidOperationException("c fails first in time"), new InvalidOperationException("a fails later"));
        var task = Run("await-in-turn", a.Child, b.Child, c.Child);
        await AllStarted(a, b, c);

        c.Fail(early);
        Assert.False(task.IsCompleted); // still waiting for a, in list order

        a.Fail(late);
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => task.WaitAsync(Guard));
        Assert.Same(late, thrown);
        Assert.Equal([late], task.Exception!.InnerExceptions); // c's error is lost
        Assert.False(b.HasEnded); // orphan
        Assert.False(b.Token.IsCancellationRequested); // never cancelled
        b.Succeed();
    });
}
