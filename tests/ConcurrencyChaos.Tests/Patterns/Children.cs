namespace ConcurrencyChaos.Tests.Patterns;

/// <summary>Small helpers for pattern tests.</summary>
internal static class Children
{
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    /// <summary>A child delegate that throws synchronously, before returning a task.</summary>
    public static Func<CancellationToken, Task> ThrowingSync(Exception error) => _ => throw error;

    /// <summary>Runs the test body on the thread pool, with no SynchronizationContext (not xunit's).</summary>
    public static Task OnThreadPool(Func<Task> body) => Task.Run(body).WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Runs a catalog pattern.</summary>
    public static Task Run(string id, params Func<CancellationToken, Task>[] children) =>
        Run(id, CancellationToken.None, TimeProvider.System, children);

    /// <summary>Runs a catalog pattern.</summary>
    public static Task Run(string id, CancellationToken cancellationToken, params Func<CancellationToken, Task>[] children) =>
        Run(id, cancellationToken, TimeProvider.System, children);

    /// <summary>Runs a catalog pattern.</summary>
    public static Task Run(string id, CancellationToken cancellationToken, TimeProvider time, params Func<CancellationToken, Task>[] children) =>
        ConcurrencyChaos.Patterns.PatternCatalog.Get(id).Create(time)(children, cancellationToken);

    /// <summary>Waits (bounded) until the task ends, without throwing its error.</summary>
    public static async Task SettleAsync(this Task task)
    {
        await Task.WhenAny(task, Task.Delay(Guard));
        Assert.True(task.IsCompleted, "the pattern's task did not end within the guard time");
    }

    /// <summary>Waits (bounded) for all of the probes to start.</summary>
    public static Task AllStarted(params Probe[] probes) =>
        Task.WhenAll(probes.Select(p => p.Started)).WaitAsync(Guard);
}
