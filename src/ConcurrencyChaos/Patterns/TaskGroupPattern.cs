namespace ConcurrencyChaos.Patterns;

/// <summary>
/// <c>task-group</c>: our structured pattern, <see cref="TaskGroup.WhenAll"/>. The first fault
/// cancels the siblings, the group waits for every child, every error reaches the caller in one
/// <see cref="TaskGroupException"/>, and caller cancellation ends it canceled even when children
/// swallow it. It should break no invariant.
/// </summary>
internal static class TaskGroupPattern
{
    /// <summary>The catalog entry.</summary>
    internal static CatalogPattern Entry { get; } = new(
        "task-group",
        "TaskGroup.WhenAll: fail-fast, waits for every child, aggregates every error, honours cancellation (structured).",
        """
        await TaskGroup.RunAsync(async group =>
        {
            foreach (var work in items)
                group.Run(ct => ProcessAsync(work, ct));
        }, cancellationToken);
        """,
        isStructured: true,
        _ => TaskGroup.WhenAll);
}
