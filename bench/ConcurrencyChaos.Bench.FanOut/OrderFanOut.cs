namespace ConcurrencyChaos.Bench.FanOut;

/// <summary>
/// One structured fan-out, in two spellings: every child under one token linked to the caller's, the first failure
/// cancels the others, every failure reaches the caller, and the caller's cancellation ends it canceled.
/// </summary>
public static class OrderFanOut
{
    /// <summary>Written for the harness's runtime: plain awaits, each child started where it is called.</summary>
    /// <param name="children">The children.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that ends when every child has.</returns>
    public static async Task HandWrittenAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(children);
        using var group = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var errors = new List<Exception>();
        await Task.WhenAll(children.Select(child => ChildAsync(child, group, errors)));
        Finish(errors, cancellationToken);
    }

    /// <summary>The same fan-out as production code writes it: each child on the thread pool, <c>ConfigureAwait(false)</c> on every await.</summary>
    /// <param name="children">The children.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that ends when every child has.</returns>
    public static async Task ProductionAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(children);
        using var group = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var errors = new List<Exception>();
        await Task.WhenAll(children.Select(child => Task.Run(() => ChildOnThePoolAsync(child, group, errors)))).ConfigureAwait(false);
        Finish(errors, cancellationToken);
    }

    private static async Task ChildAsync(Func<CancellationToken, Task> child, CancellationTokenSource group, List<Exception> errors)
    {
        if (group.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await child(group.Token);
        }
        catch (Exception e)
        {
            Fail(e, group, errors);
        }
    }

    private static async Task ChildOnThePoolAsync(Func<CancellationToken, Task> child, CancellationTokenSource group, List<Exception> errors)
    {
        if (group.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await child(group.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Fail(e, group, errors);
        }
    }

    /// <summary>Records a child's failure and cancels the group; a cancellation the group asked for is not a failure.</summary>
    private static void Fail(Exception error, CancellationTokenSource group, List<Exception> errors)
    {
        if (error is OperationCanceledException && group.IsCancellationRequested)
        {
            return;
        }

        lock (errors)
        {
            errors.Add(error);
        }

        group.Cancel();
    }

    private static void Finish(List<Exception> errors, CancellationToken cancellationToken)
    {
        if (errors.Count > 0)
        {
            throw new AggregateException(errors);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
