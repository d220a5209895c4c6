namespace ConcurrencyChaos.SampleConsumer.Tests;

/// <summary>
/// The team's own fan-out helper: process every order's work concurrently. Each method has the shape the
/// harness checks: run these children under this token.
/// </summary>
public static class OrderFanOut
{
    /// <summary>
    /// The first version: start everything, await Task.WhenAll. A failed order does not cancel its siblings,
    /// and the await rethrows only the first error.
    /// </summary>
    public static async Task ProcessAllNaiveAsync(IReadOnlyList<Func<CancellationToken, Task>> orders, CancellationToken cancellationToken)
    {
        var tasks = new List<Task>(orders.Count);
        foreach (var order in orders)
        {
            tasks.Add(order(cancellationToken));
        }

        await Task.WhenAll(tasks);
    }

    /// <summary>
    /// The fixed version: every order runs in one TaskGroup, so the first failure cancels the rest, every
    /// order ends before this returns, and every error reaches the caller.
    /// </summary>
    public static Task ProcessAllAsync(IReadOnlyList<Func<CancellationToken, Task>> orders, CancellationToken cancellationToken) =>
        TaskGroup.RunAsync(
            group =>
            {
                foreach (var order in orders)
                {
                    _ = group.Run(order);
                }

                return Task.CompletedTask;
            },
            cancellationToken);
}
