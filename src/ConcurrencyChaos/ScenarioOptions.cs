using ConcurrencyChaos.Execution;

namespace ConcurrencyChaos;

/// <summary>How <see cref="Chaos.Verify"/> replays a scenario.</summary>
public sealed record ScenarioOptions
{
    /// <summary>Gets the default options: catalog patterns only, default run budgets.</summary>
    public static ScenarioOptions Default { get; } = new();

    /// <summary>Gets your own patterns by the id scenario files use for them in <c>expect</c>, next to the catalog ids.</summary>
    public IReadOnlyDictionary<string, Func<TimeProvider, Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task>>> Patterns { get; init; } =
        new Dictionary<string, Func<TimeProvider, Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task>>>(StringComparer.Ordinal);

    /// <summary>Gets the budgets of each replay, and the operations the scenario's leaves may run.</summary>
    public RunOptions Run { get; init; } = RunOptions.Default;
}
