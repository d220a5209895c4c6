namespace ConcurrencyChaos.Shims;

/// <summary>
/// <c>Task.WhenEach</c> inside a run. The original's enumerator awaits its own signal with
/// <c>ConfigureAwait(false)</c>, so each element is produced on the thread pool; this one yields the tasks in the
/// order they complete while staying on the runtime (its awaits keep the caller's context).
/// </summary>
internal static class ControlledWhenEach
{
    /// <summary>The tasks of <paramref name="tasks"/>, checked as the original checks them.</summary>
    public static T[] ToArray<T>(IEnumerable<T> tasks)
        where T : Task
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return [.. tasks];
    }

    /// <summary>Yields <paramref name="tasks"/> in completion order.</summary>
    public static IAsyncEnumerable<T> Of<T>(T[] tasks)
        where T : Task
    {
        ArgumentNullException.ThrowIfNull(tasks);
        foreach (var task in tasks)
        {
            if (task is null)
            {
                throw new ArgumentException("The tasks argument included a null value.", nameof(tasks));
            }
        }

        return IterateAsync(tasks);
    }

    private static async IAsyncEnumerable<T> IterateAsync<T>(T[] tasks, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : Task
    {
        var completed = new Queue<T>(tasks.Length);
        TaskCompletionSource? signal = null;
        foreach (var task in tasks)
        {
            _ = task.ContinueWith(
                (done, _) =>
                {
                    lock (completed)
                    {
                        completed.Enqueue((T)done);
                        signal?.TrySetResult();
                    }
                },
                null,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        for (var i = 0; i < tasks.Length; i++)
        {
            Task? wait = null;
            lock (completed)
            {
                if (completed.Count == 0)
                {
                    signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    wait = signal.Task;
                }
            }

            if (wait is not null)
            {
                await wait.WaitAsync(cancellationToken);
            }

            T next;
            lock (completed)
            {
                signal = null;
                next = completed.Dequeue();
            }

            yield return next;
        }
    }
}
