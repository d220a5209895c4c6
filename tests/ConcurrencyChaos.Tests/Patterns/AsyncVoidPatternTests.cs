using static ConcurrencyChaos.Tests.Patterns.Children;

namespace ConcurrencyChaos.Tests.Patterns;

public sealed class AsyncVoidPatternTests
{
    [Fact]
    public Task Errors_reach_the_synchronization_context_not_the_awaiter() => OnThreadPool(async () =>
    {
        var context = new CapturingSynchronizationContext();
        var a = new Probe();
        var (asyncError, syncError) = (new InvalidOperationException("async"), new InvalidOperationException("sync"));

        Task task;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            task = Run("async-void", a.Child, ThrowingSync(syncError));
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
        }

        Assert.True(task.IsCompletedSuccessfully); // returned at once
        await AllStarted(a);
        Assert.False(a.HasEnded);

        a.Fail(asyncError);
        await context.WaitForErrorsAsync(2);
        Assert.Equal(2, context.Errors.Count);
        Assert.Contains(syncError, context.Errors);
        Assert.Contains(asyncError, context.Errors);
        Assert.True(task.IsCompletedSuccessfully); // the awaiter never sees them
    });
}
