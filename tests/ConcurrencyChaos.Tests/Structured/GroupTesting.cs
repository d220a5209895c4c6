using System.Runtime.CompilerServices;

namespace ConcurrencyChaos.Tests.Structured;

/// <summary>What the TaskGroup tests share: a hang guard, gates, and assertions on how a group ended.</summary>
internal static class GroupTesting
{
    /// <summary>How long any single wait in these tests may take before it counts as a hang.</summary>
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    /// <summary>A task that never completes: what a child waits on when only cancellation can end it.</summary>
    public static Task Forever { get; } = new TaskCompletionSource().Task;

    /// <summary>A gate a test opens by hand; continuations never run inside <c>SetResult</c>.</summary>
    public static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits (with the hang guard) for a task to complete, without throwing its outcome.</summary>
    public static async Task SettleAsync(Task task)
    {
        await task.WaitAsync(Guard).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
        Assert.True(task.IsCompleted, "hang guard expired");
    }

    /// <summary>Waits for a group and returns the <see cref="TaskGroupException"/> it ended with.</summary>
    public static async Task<TaskGroupException> GroupFaultAsync(Task group)
    {
        await SettleAsync(group);
        return await Assert.ThrowsAsync<TaskGroupException>(() => group);
    }

    /// <summary>Waits for a group and asserts it ended canceled; if not, the message shows what it ended with.</summary>
    public static async Task<OperationCanceledException> GroupCanceledAsync(Task group)
    {
        await SettleAsync(group);
        Assert.True(group.IsCanceled, $"expected Canceled, got {group.Status}: {group.Exception?.InnerException}");
        return await Assert.ThrowsAnyAsync<OperationCanceledException>(() => group);
    }

    /// <summary>Waits for a group and asserts it ran to completion; if not, the message shows what it ended with.</summary>
    public static async Task GroupSucceededAsync(Task group)
    {
        await SettleAsync(group);
        Assert.True(group.IsCompletedSuccessfully, $"expected RanToCompletion, got {group.Status}: {group.Exception?.InnerException}");
    }

    /// <summary>The set of error types in a group's exception, like CPython's <c>get_error_types</c>.</summary>
    public static ISet<Type> ErrorTypes(AggregateException exception) =>
        exception.InnerExceptions.Select(inner => inner.GetType()).ToHashSet();

    /// <summary>Waits for a task to end, whatever way it ends (a child the test awaits without caring how it ended).</summary>
    public static ConfiguredTaskAwaitable Ended(Task task) =>
        task.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);

    /// <summary>Fails with <paramref name="error"/> soon (after a yield), whatever any token says.</summary>
    public static async Task FailSoonAsync(Exception error)
    {
        await Task.Yield();
        throw error;
    }
}
