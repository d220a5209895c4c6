namespace ConcurrencyChaos.Shims;

/// <summary>
/// Shims for <c>Parallel.ForEachAsync</c> over an <see cref="IEnumerable{T}"/> or <see cref="IAsyncEnumerable{T}"/>:
/// inside a run, its workers go to the runtime's scheduler (<see cref="ParallelOptions.TaskScheduler"/>), and an
/// unbounded degree of parallelism (-1, which .NET turns into <see cref="Environment.ProcessorCount"/>) is pinned to
/// <see cref="DefaultDegreeOfParallelism"/>, so a run is the same on every machine.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParallelShims
{
    /// <summary>The degree of parallelism of a controlled <c>ForEachAsync</c> given none.</summary>
    public const int DefaultDegreeOfParallelism = 4;

    /// <summary>Stands in for <see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, Func{TSource, CancellationToken, ValueTask})"/>.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <param name="source">The elements.</param>
    /// <param name="body">The work per element.</param>
    /// <returns>The loop's task.</returns>
    [Redirects(typeof(Parallel), nameof(Parallel.ForEachAsync))]
    public static Task ForEachAsync<TSource>(IEnumerable<TSource> source, Func<TSource, CancellationToken, ValueTask> body) =>
        ControlledRun.Current is null ? Parallel.ForEachAsync(source, body) : Parallel.ForEachAsync(source, Options(null, CancellationToken.None), body);

    /// <summary>Stands in for <see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, CancellationToken, Func{TSource, CancellationToken, ValueTask})"/>.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <param name="source">The elements.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="body">The work per element.</param>
    /// <returns>The loop's task.</returns>
    [Redirects(typeof(Parallel), nameof(Parallel.ForEachAsync))]
    public static Task ForEachAsync<TSource>(IEnumerable<TSource> source, CancellationToken cancellationToken, Func<TSource, CancellationToken, ValueTask> body) =>
        ControlledRun.Current is null ? Parallel.ForEachAsync(source, cancellationToken, body) : Parallel.ForEachAsync(source, Options(null, cancellationToken), body);

    /// <summary>Stands in for <see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <param name="source">The elements.</param>
    /// <param name="parallelOptions">The caller's options.</param>
    /// <param name="body">The work per element.</param>
    /// <returns>The loop's task.</returns>
    [Redirects(typeof(Parallel), nameof(Parallel.ForEachAsync))]
    public static Task ForEachAsync<TSource>(IEnumerable<TSource> source, ParallelOptions parallelOptions, Func<TSource, CancellationToken, ValueTask> body)
    {
        ArgumentNullException.ThrowIfNull(parallelOptions);
        return ControlledRun.Current is null
            ? Parallel.ForEachAsync(source, parallelOptions, body)
            : Parallel.ForEachAsync(source, Options(parallelOptions, parallelOptions.CancellationToken), body);
    }

    /// <summary>Stands in for <see cref="Parallel.ForEachAsync{TSource}(IAsyncEnumerable{TSource}, Func{TSource, CancellationToken, ValueTask})"/>.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <param name="source">The elements.</param>
    /// <param name="body">The work per element.</param>
    /// <returns>The loop's task.</returns>
    [Redirects(typeof(Parallel), nameof(Parallel.ForEachAsync))]
    public static Task ForEachAsync<TSource>(IAsyncEnumerable<TSource> source, Func<TSource, CancellationToken, ValueTask> body) =>
        ControlledRun.Current is null ? Parallel.ForEachAsync(source, body) : Parallel.ForEachAsync(source, Options(null, CancellationToken.None), body);

    /// <summary>Stands in for <see cref="Parallel.ForEachAsync{TSource}(IAsyncEnumerable{TSource}, CancellationToken, Func{TSource, CancellationToken, ValueTask})"/>.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <param name="source">The elements.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <param name="body">The work per element.</param>
    /// <returns>The loop's task.</returns>
    [Redirects(typeof(Parallel), nameof(Parallel.ForEachAsync))]
    public static Task ForEachAsync<TSource>(IAsyncEnumerable<TSource> source, CancellationToken cancellationToken, Func<TSource, CancellationToken, ValueTask> body) =>
        ControlledRun.Current is null ? Parallel.ForEachAsync(source, cancellationToken, body) : Parallel.ForEachAsync(source, Options(null, cancellationToken), body);

    /// <summary>Stands in for <see cref="Parallel.ForEachAsync{TSource}(IAsyncEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>.</summary>
    /// <typeparam name="TSource">The element type.</typeparam>
    /// <param name="source">The elements.</param>
    /// <param name="parallelOptions">The caller's options.</param>
    /// <param name="body">The work per element.</param>
    /// <returns>The loop's task.</returns>
    [Redirects(typeof(Parallel), nameof(Parallel.ForEachAsync))]
    public static Task ForEachAsync<TSource>(IAsyncEnumerable<TSource> source, ParallelOptions parallelOptions, Func<TSource, CancellationToken, ValueTask> body)
    {
        ArgumentNullException.ThrowIfNull(parallelOptions);
        return ControlledRun.Current is null
            ? Parallel.ForEachAsync(source, parallelOptions, body)
            : Parallel.ForEachAsync(source, Options(parallelOptions, parallelOptions.CancellationToken), body);
    }

    /// <summary>The caller's options (or the defaults the overload stands for) with the runtime's scheduler; only inside a run.</summary>
    private static ParallelOptions Options(ParallelOptions? given, CancellationToken cancellationToken)
    {
        var run = ControlledRun.Current!;
        if (given?.TaskScheduler is { } asked && asked != TaskScheduler.Default)
        {
            return given;
        }

        var degree = given?.MaxDegreeOfParallelism ?? -1;
        return new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = degree == -1 ? DefaultDegreeOfParallelism : degree,
            TaskScheduler = run.Scheduler,
        };
    }
}
