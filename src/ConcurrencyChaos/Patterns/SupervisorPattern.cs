namespace ConcurrencyChaos.Patterns;

/// <summary>
/// <c>supervisor</c> (structured): starts every child with the caller's token, waits for all of them,
/// and reports every error at once, without cancelling siblings (Erlang's <c>one_for_none</c>).
/// </summary>
/// <remarks>
/// Stands for the careful hand-written version:
/// <code>
/// public async Task ProcessAllAsync(IEnumerable&lt;Item&gt; items, CancellationToken ct)
/// {
///     var tasks = items.Select(item =&gt; ProcessAsync(item, ct)).ToList();
///     try { await Task.WhenAll(tasks); } catch { /* read every task below */ }
///     var errors = tasks.Where(t =&gt; t.IsFaulted).SelectMany(t =&gt; t.Exception!.InnerExceptions).ToList();
///     if (errors.Count &gt; 0) throw new AggregateException(errors);
///     ct.ThrowIfCancellationRequested();
/// }
/// </code>
/// It loses no error and leaves no orphan, and passes the caller's cancellation on. By design it is
/// not fail-fast: one child's failure does not cancel its siblings, which run to their end.
/// Details:
/// <list type="bullet">
/// <item><description>A child delegate that throws synchronously counts as a child that failed (or
/// was canceled, for an <see cref="OperationCanceledException"/>); the later children still start.</description></item>
/// <item><description>Faults win: if any child faulted, the pattern throws one
/// <see cref="AggregateException"/> holding every faulted child's
/// <see cref="AggregateException.InnerExceptions"/>, in child order.</description></item>
/// <item><description>Otherwise, if the caller's token is cancelled or a child ended canceled, it
/// ends <see cref="TaskStatus.Canceled"/> (never reporting success for work that did not happen);
/// else it ends <see cref="TaskStatus.RanToCompletion"/>.</description></item>
/// </list>
/// </remarks>
internal static class SupervisorPattern
{
    /// <summary>The catalog entry.</summary>
    internal static CatalogPattern Entry { get; } = new(
        "supervisor",
        "Start all with the caller's token, wait for all, throw one AggregateException holding every error; siblings are never cancelled on failure (one_for_none, not fail-fast).",
        """
        public async Task ProcessAllAsync(IEnumerable<Item> items, CancellationToken ct)
        {
            var tasks = items.Select(item => ProcessAsync(item, ct)).ToList();
            try { await Task.WhenAll(tasks); } catch { /* read every task below */ }
            var errors = tasks.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).ToList();
            if (errors.Count > 0) throw new AggregateException(errors);
            ct.ThrowIfCancellationRequested();
        }
        """,
        isStructured: true,
        _ => RunAsync);

    /// <summary>Runs the children under supervision.</summary>
    /// <param name="children">The children to run.</param>
    /// <param name="cancellationToken">The caller's token, passed to every child.</param>
    /// <returns>A task that ends after every child has ended: faulted with all errors, canceled, or successful.</returns>
    public static async Task RunAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        var tasks = new Task[children.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = StartAsync(children[i], cancellationToken);
        }

        // Waits for every child without throwing (each task is read below), keeping the caller's context.
        await Task.WhenAll(tasks).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);

        List<Exception>? errors = null;
        var anyCanceled = false;
        foreach (var task in tasks)
        {
            if (task.Exception is { } exception)
            {
                (errors ??= []).AddRange(exception.InnerExceptions);
            }
            else if (task.IsCanceled)
            {
                anyCanceled = true;
            }
        }

        if (errors is not null)
        {
            throw new AggregateException(errors);
        }

        if (cancellationToken.IsCancellationRequested || anyCanceled)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    /// <summary>Starts a child, turning a synchronous throw into the task an async method would return.</summary>
    private static Task StartAsync(Func<CancellationToken, Task> child, CancellationToken cancellationToken)
    {
        try
        {
            return child(cancellationToken);
        }
        catch (OperationCanceledException canceled)
        {
            var source = new TaskCompletionSource();
            source.SetCanceled(canceled.CancellationToken);
            return source.Task;
        }
        catch (Exception error)
        {
            return Task.FromException(error);
        }
    }
}
