using static ConcurrencyChaos.Tests.Patterns.Children;

namespace ConcurrencyChaos.Tests.Patterns;

public sealed class FireAndForgetPatternTests
{
    [Fact]
    public Task Returns_before_the_children_end_and_loses_their_errors() => OnThreadPool(async () =>
    {
        var (a, b) = (new Probe(), new Probe());
        var task = Run("fire-and-forget", a.Child, b.Child);

        Assert.True(task.IsCompletedSuccessfully);
        await AllStarted(a, b);
        Assert.False(a.HasEnded);
        Assert.False(b.HasEnded);

        a.Fail(new InvalidOperationException("lost"));
        b.Succeed();
        Assert.True(task.IsCompletedSuccessfully);
    });

    [Fact]
    public Task Synchronous_throw_escapes_the_call_and_later_children_never_start() => OnThreadPool(() =>
    {
        var (a, c) = (new Probe(), new Probe());
        var error = new InvalidOperationException("sync");

        var thrown = Assert.Throws<InvalidOperationException>(() => { _ = Run("fire-and-forget", a.Child, ThrowingSync(error), c.Child); });
        Assert.Same(error, thrown);
        Assert.True(a.HasStarted);
        Assert.False(c.HasStarted);
        a.Succeed();
        return Task.CompletedTask;
    });
}
