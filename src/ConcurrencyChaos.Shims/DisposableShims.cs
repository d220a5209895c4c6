namespace ConcurrencyChaos.Shims;

/// <summary>
/// Shims for disposing through the interfaces (<c>using</c>, <c>await using</c> call <see cref="IDisposable.Dispose"/>
/// and <see cref="IAsyncDisposable.DisposeAsync"/>): a <see cref="Timer"/> made inside a run also stops its
/// virtual timer. Everything else is disposed exactly as before.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DisposableShims
{
    /// <summary>Stands in for <see cref="IDisposable.Dispose"/>.</summary>
    /// <param name="disposable">What to dispose.</param>
    [Redirects(typeof(IDisposable), nameof(IDisposable.Dispose))]
    public static void Dispose(IDisposable disposable)
    {
        if (disposable is Timer timer)
        {
            Companions.Get<ITimer>(timer)?.Dispose();
        }

        disposable.Dispose();
    }

    /// <summary>Stands in for <see cref="IAsyncDisposable.DisposeAsync"/>.</summary>
    /// <param name="disposable">What to dispose.</param>
    /// <returns>The disposal.</returns>
    [Redirects(typeof(IAsyncDisposable), nameof(IAsyncDisposable.DisposeAsync))]
    public static ValueTask DisposeAsync(IAsyncDisposable disposable)
    {
        if (disposable is Timer timer)
        {
            Companions.Get<ITimer>(timer)?.Dispose();
        }

        return disposable.DisposeAsync();
    }
}
