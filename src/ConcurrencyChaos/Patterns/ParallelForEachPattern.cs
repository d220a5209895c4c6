namespace ConcurrencyChaos.Patterns;

/// <summary>
/// <c>parallel-foreach</c>: <see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>
/// with the caller's token and a maximum degree of parallelism of 4.
/// </summary>
/// <remarks>
/// Stands for:
/// <code>
/// public async Task ProcessAllAsync(IEnumerable&lt;Item&gt; items, CancellationToken ct)
/// {
///     var options = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = 4 };
///     await Parallel.ForEachAsync(items, options, async (item, token) =&gt; await ProcessAsync(item, token));
/// }
/// </code>
/// The degree of parallelism is fixed at 4 (never <see cref="Environment.ProcessorCount"/>, the
/// default) so that a run is the same on every machine. The <see cref="ParallelOptions.TaskScheduler"/>
/// keeps the work on the caller's context: a <see cref="SynchronizationContextPostingScheduler"/> when
/// there is a <see cref="SynchronizationContext"/>, else <see cref="TaskScheduler.Current"/>. Not
/// <see cref="TaskScheduler.FromCurrentSynchronizationContext"/>: its maximum concurrency level is 1,
/// and <c>ForEachAsync</c> silently clamps the degree of parallelism to the scheduler's level
/// (<see cref="ParallelOptions"/>' effective level), which would run the children one at a time.
/// <para>How <c>Parallel.ForEachAsync</c> really behaves (.NET 10 source), which is better than the
/// other naive patterns in some ways and surprising in others:</para>
/// <list type="bullet">
/// <item><description>It is not fan-out: at most 4 children run at once, and a fifth starts only when
/// one of the four ends. Workers start one at a time, each queued to the scheduler by the previous
/// one, so not even the first child starts before <c>ForEachAsync</c> returns its task.</description></item>
/// <item><description>Children get an internal token, linked to the caller's one, not the caller's
/// token itself.</description></item>
/// <item><description>On the first exception of a child (synchronous or not) it cancels that internal
/// token: running siblings see cancellation and children not yet started never start (fail-fast,
/// but only as fast as the workers notice). It waits for every child that started (no orphans).</description></item>
/// <item><description>Every exception is recorded, including the
/// <see cref="OperationCanceledException"/>s that siblings throw in response (they count as
/// errors, not as cancellation): <c>ForEachAsync</c>'s task is faulted with all of them, first
/// error first (checked on .NET 10: <c>[error, TaskCanceledException, TaskCanceledException]</c>), but
/// <c>await</c> throws only the first, so this async method's own task keeps only that one. The
/// other genuine errors (e.g. a sibling failing during its cleanup) are lost.</description></item>
/// <item><description>Surprise: if the caller's token is cancelled by the time the loop ends, the
/// task ends <see cref="TaskStatus.Canceled"/> and every recorded exception, genuine faults
/// included, is dropped ("assume that any exceptions then are due to that").</description></item>
/// <item><description>If the caller's token is already cancelled, it returns a canceled task without
/// starting any child.</description></item>
/// </list>
/// </remarks>
internal static class ParallelForEachPattern
{
    /// <summary>The fixed maximum degree of parallelism, for determinism.</summary>
    internal const int MaxDegreeOfParallelism = 4;

    /// <summary>The catalog entry.</summary>
    internal static CatalogPattern Entry { get; } = new(
        "parallel-foreach",
        "await Parallel.ForEachAsync(children, { CancellationToken = ct, MaxDegreeOfParallelism = 4 }, ...): cancels the rest on the first failure, but await surfaces only one error and caller cancellation drops them all.",
        """
        public async Task ProcessAllAsync(IEnumerable<Item> items, CancellationToken ct)
        {
            var options = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = 4 };
            await Parallel.ForEachAsync(items, options, async (item, token) => await ProcessAsync(item, token));
        }
        """,
        isStructured: false,
        _ => RunAsync,
        maxConcurrency: MaxDegreeOfParallelism);

    /// <summary>Runs the children as the real-world code does.</summary>
    /// <param name="children">The children to run, at most four at a time.</param>
    /// <param name="cancellationToken">The caller's token, linked into the token each child gets.</param>
    /// <returns>The task of <c>Parallel.ForEachAsync</c>, awaited.</returns>
    public static async Task RunAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = MaxDegreeOfParallelism,
            TaskScheduler = SynchronizationContext.Current is { } context
                ? new SynchronizationContextPostingScheduler(context)
                : TaskScheduler.Current,
        };
        await Parallel.ForEachAsync(children, options, (child, token) => new ValueTask(child(token)));
    }
}
