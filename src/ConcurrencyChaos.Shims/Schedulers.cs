namespace ConcurrencyChaos.Shims;

/// <summary>Where the shims queue tasks and continuations: the runtime's scheduler instead of the thread pool's, inside a run.</summary>
internal static class Schedulers
{
    /// <summary>Inside a run, the runtime's scheduler when <paramref name="scheduler"/> is the thread pool's; else <paramref name="scheduler"/> as it is.</summary>
    public static TaskScheduler Controlled(TaskScheduler scheduler) =>
        ControlledRun.Current is { } run && scheduler == TaskScheduler.Default ? run.Scheduler : scheduler;

    /// <summary>The scheduler a <see cref="TaskFactory"/> call without one uses: the factory's, else the current one.</summary>
    public static TaskScheduler Requested(TaskFactory factory) => factory.Scheduler ?? TaskScheduler.Current;

    /// <summary>As <see cref="Requested(TaskFactory)"/>, for a <see cref="TaskFactory{TResult}"/>.</summary>
    public static TaskScheduler Requested<TResult>(TaskFactory<TResult> factory) => factory.Scheduler ?? TaskScheduler.Current;
}
