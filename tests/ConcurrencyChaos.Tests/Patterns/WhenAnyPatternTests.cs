using static ConcurrencyChaos.Tests.Patterns.Children;

namespace ConcurrencyChaos.Tests.Patterns;

public sealed class WhenAnyPatternTests
{
    [Fact]
    public Task Returns_with_the_first_to_complete_and_abandons_the_rest() => OnThreadPool(async () =>
    {
        var (a, b, c) = (new Probe(honorsCancellation: true), new Probe(), new Probe(honorsCancellation: true));
        var task = Run("when-any", a.Child, b.Child, c.Child);
        await AllStarted(a, b, c);

        b.Succeed();
        await task.WaitAsync(Guard);
        Assert.True(task.IsCompletedSuccessfully);
        Assert.False(a.HasEnded);
        Assert.False(c.HasEnded);
        Assert.False(a.Token.IsCancellationRequested);
        Assert.False(c.Token.IsCancellationRequested);

        a.Fail(new InvalidOperationException("lost"));
        c.Succeed();
        Assert.True(task.IsCompletedSuccessfully);
    });

    [Fact]
    public Task Throws_when_the_first_to_complete_failed_while_the_others_run_on() => OnThreadPool(async () =>
    {
        var (a, b) = (new Probe(), new Probe(honorsCancellation: true));
        var error = new InvalidOperationException("first");
        var task = Run("when-any", a.Child, b.Child);
        await AllStarted(a, b);

        a.Fail(error);
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => task.WaitAsync(Guard));
        Assert.Same(error, thrown);
        Assert.False(b.HasEnded);
        Assert.False(b.Token.IsCancellationRequested);
        b.Succeed();
    });
}
