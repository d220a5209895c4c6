namespace ConcurrencyChaos.Shims;

/// <summary>Shims for <c>ConfigureAwait</c> on async streams and async disposables (<c>await foreach</c>, <c>await using</c>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AsyncEnumerableShims
{
    /// <summary>Stands in for <see cref="TaskAsyncEnumerableExtensions.ConfigureAwait{T}(IAsyncEnumerable{T}, bool)"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The stream.</param>
    /// <param name="continueOnCapturedContext">The caller's choice, kept outside a run.</param>
    /// <returns>The configured stream.</returns>
    [Redirects(typeof(TaskAsyncEnumerableExtensions), nameof(TaskAsyncEnumerableExtensions.ConfigureAwait))]
    public static ConfiguredCancelableAsyncEnumerable<T> ConfigureAwait<T>(IAsyncEnumerable<T> source, bool continueOnCapturedContext) =>
        source.ConfigureAwait(continueOnCapturedContext || ControlledRun.Current is not null);

    /// <summary>Stands in for <see cref="TaskAsyncEnumerableExtensions.ConfigureAwait(IAsyncDisposable, bool)"/>.</summary>
    /// <param name="source">The disposable.</param>
    /// <param name="continueOnCapturedContext">The caller's choice, kept outside a run.</param>
    /// <returns>The configured disposable.</returns>
    [Redirects(typeof(TaskAsyncEnumerableExtensions), nameof(TaskAsyncEnumerableExtensions.ConfigureAwait))]
    public static ConfiguredAsyncDisposable ConfigureAwait(IAsyncDisposable source, bool continueOnCapturedContext) =>
        source.ConfigureAwait(continueOnCapturedContext || ControlledRun.Current is not null);

    /// <summary>Stands in for <see cref="ConfiguredCancelableAsyncEnumerable{T}.ConfigureAwait(bool)"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The configured stream (the call's receiver, by reference).</param>
    /// <param name="continueOnCapturedContext">The caller's choice, kept outside a run.</param>
    /// <returns>The configured stream.</returns>
    [Redirects(typeof(ConfiguredCancelableAsyncEnumerable<>), nameof(ConfiguredCancelableAsyncEnumerable<int>.ConfigureAwait))]
    public static ConfiguredCancelableAsyncEnumerable<T> ConfigureAwait<T>(in ConfiguredCancelableAsyncEnumerable<T> source, bool continueOnCapturedContext) =>
        source.ConfigureAwait(continueOnCapturedContext || ControlledRun.Current is not null);
}
