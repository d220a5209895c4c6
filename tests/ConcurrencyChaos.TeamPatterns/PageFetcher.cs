namespace ConcurrencyChaos.TeamPatterns;

/// <summary>How a team fetches every page of a listing at once: two buggy ways and a correct one.</summary>
public static class PageFetcher
{
    /// <summary>
    /// The bug: <c>Task.WhenAll</c> over the pages. When one page fails, the others go on with the caller's token,
    /// nobody cancels them, and only the first error reaches the caller.
    /// </summary>
    [ChaosPattern("fetch-all", Summary = "Task.WhenAll over every page: a failed page cancels nothing, and one error hides the rest")]
    public static Task FetchAllAsync(IReadOnlyList<Func<CancellationToken, Task>> pages, CancellationToken cancellationToken) =>
        Task.WhenAll(pages.Select(page => page(cancellationToken)));

    /// <summary>
    /// The fix: the pages share a token linked to the caller's, the first failure cancels it, every page is
    /// awaited (none starts after a failure), and every error reaches the caller in one <see cref="AggregateException"/>,
    /// a page's own <see cref="TaskCanceledException"/> too; a caller that cancelled sees the cancellation even when every page finished.
    /// </summary>
    [ChaosPattern("fetch-all-safely", Summary = "A linked token cancelled by the first failure; waits for every page and throws every error")]
    public static async Task FetchAllSafelyAsync(IReadOnlyList<Func<CancellationToken, Task>> pages, CancellationToken cancellationToken)
    {
        using var shared = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var all = Task.WhenAll(pages.Select(page => FetchOneAsync(page, shared)));
        try
        {
            await all;
        }
        catch (Exception) when (all.Exception is { } errors)
        {
            throw errors.Flatten();
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// A factory: the clock to time out with comes from chaos (virtual time in its runs). The bug: <c>WaitAsync</c>
    /// gives up waiting after a minute, but the pages it walked away from go on running.
    /// </summary>
    [ChaosPattern("fetch-all-with-deadline", Summary = "Task.WhenAll(...).WaitAsync(1 min): walks away from pages still running")]
    public static Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task> FetchAllWithDeadline(TimeProvider time) =>
        (pages, cancellationToken) => Task.WhenAll(pages.Select(page => page(cancellationToken))).WaitAsync(TimeSpan.FromMinutes(1), time, cancellationToken);

    private static async Task FetchOneAsync(Func<CancellationToken, Task> page, CancellationTokenSource shared)
    {
        if (shared.IsCancellationRequested)
        {
            return; // a page failed (or the caller cancelled) before this one started: do not start it
        }

        try
        {
            await page(shared.Token);
        }
        catch (Exception e) when (!IsCancellation(e, shared))
        {
            // Cancel synchronously, on this thread: CancelAsync would run the other pages' callbacks on the thread pool.
            shared.Cancel();
            if (e is OperationCanceledException)
            {
                // A page's own timeout is an error. Rethrown as is, it would make this async method canceled, and
                // Task.WhenAll drops what canceled tasks threw; wrapped, it faults it (Flatten unwraps it again).
                throw new AggregateException(e);
            }

            throw;
        }
    }

    /// <summary>
    /// Whether the page ended because the pages were cancelled: an <see cref="OperationCanceledException"/> while the
    /// shared token is, unless it carries a token of its own that nobody cancelled (HttpClient's timeout).
    /// </summary>
    private static bool IsCancellation(Exception e, CancellationTokenSource shared) =>
        e is OperationCanceledException cancellation
        && shared.IsCancellationRequested
        && cancellation.CancellationToken is not { CanBeCanceled: true, IsCancellationRequested: false };
}
