namespace ConcurrencyChaos.Tests.Acceptance;

/// <summary>
/// A correct throttle: a <see cref="TaskGroup"/> whose body takes a slot of a <c>SemaphoreSlim(2)</c> before starting each
/// child; the slot is released the moment the child ends, and once the group is cancelled nothing more starts.
/// </summary>
internal static class Throttle
{
    /// <summary>How many children run at once.</summary>
    public const int Slots = 2;

    /// <summary>Runs the children, at most <see cref="Slots"/> at once, in one group.</summary>
    public static Task RunAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken ct)
    {
        // WaitAsync without a token: with one, SemaphoreSlim waits through ConfigureAwait(false), off the runtime.
        var slots = new SemaphoreSlim(Slots);
        return TaskGroup.RunAsync(
            async group =>
            {
                foreach (var child in children)
                {
                    await slots.WaitAsync();
                    if (group.Token.IsCancellationRequested)
                    {
                        return;
                    }

                    _ = group.Run(token => ReleasedWhenDone(child, token, slots));
                }
            },
            ct);
    }

    /// <summary>Starts the child and releases its slot in the instant it ends (inline: no step between its end and the release).</summary>
    private static Task ReleasedWhenDone(Func<CancellationToken, Task> child, CancellationToken token, SemaphoreSlim slots)
    {
        Task task;
        try
        {
            task = child(token);
        }
        catch
        {
            slots.Release();
            throw;
        }

        _ = task.ContinueWith(_ => slots.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }
}
