namespace ConcurrencyChaos.TeamPatterns;

/// <summary>How a team fetches pages without overloading the server: two at a time, declared so the harness judges it as a throttle.</summary>
public static class TwoAtATimeFetcher
{
    /// <summary>
    /// One group; its body takes one of two slots before starting each page, and a page gives its slot back the moment it
    /// ends. The first failure cancels the group, after which nothing more starts. Undeclared, a throttle stuck behind two
    /// hung pages while a third would fail is blamed for never ending; with <c>[MaxConcurrency(2)]</c> the ideal it is
    /// judged against is the same throttle.
    /// </summary>
    [ChaosPattern("fetch-two-at-a-time", Summary = "A TaskGroup that starts each page when one of two slots is free")]
    [MaxConcurrency(2)]
    public static Task FetchTwoAtATimeAsync(IReadOnlyList<Func<CancellationToken, Task>> pages, CancellationToken cancellationToken)
    {
        // WaitAsync without a token: with one, SemaphoreSlim waits through ConfigureAwait(false), off the runtime.
        var slots = new SemaphoreSlim(2);
        return TaskGroup.RunAsync(
            async group =>
            {
                foreach (var page in pages)
                {
                    await slots.WaitAsync();
                    if (group.Token.IsCancellationRequested)
                    {
                        return;
                    }

                    _ = group.Run(token => SlotGivenBackAtTheEnd(page, token, slots));
                }
            },
            cancellationToken);
    }

    private static Task SlotGivenBackAtTheEnd(Func<CancellationToken, Task> page, CancellationToken token, SemaphoreSlim slots)
    {
        Task task;
        try
        {
            task = page(token);
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
