using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Judging;

namespace ConcurrencyChaos;

/// <summary>How <see cref="Chaos.Verify"/> replays a scenario.</summary>
public sealed record ScenarioOptions
{
    /// <summary>Gets the default options: catalog patterns only, default run budgets.</summary>
    public static ScenarioOptions Default { get; } = new();

    /// <summary>Gets your own patterns by the id scenario files use for them in <c>expect</c>, next to the catalog ids.</summary>
    public IReadOnlyDictionary<string, Func<TimeProvider, Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task>>> Patterns { get; init; } =
        new Dictionary<string, Func<TimeProvider, Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task>>>(StringComparer.Ordinal);

    /// <summary>
    /// Gets how many children each of <see cref="Patterns"/> runs at once, at most, by id, for patterns whose factory
    /// cannot carry a <see cref="MaxConcurrencyAttribute"/> (a lambda around the method that does): the ideal each
    /// replay is judged against is bounded the same way. Unbounded when absent.
    /// </summary>
    public IReadOnlyDictionary<string, int> MaxConcurrency { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Gets the budgets of each replay, and the operations the scenario's leaves may run.</summary>
    public RunOptions Run { get; init; } = RunOptions.Default;

    /// <summary>
    /// Gets your own invariants, judged in every replay next to the built-in ones; a scenario's <c>expect</c> may name
    /// their ids when it is read with them in its vocabulary (<see cref="Scenarios.ScenarioVocabulary.WithInvariants"/>).
    /// </summary>
    public IReadOnlyList<ChaosInvariant> CustomInvariants { get; init; } = [];

    /// <summary>Gets a property of your own over every replay (see <see cref="ChaosOptions.Property"/>); a failed verdict breaks <c>property</c>.</summary>
    public Func<RunView, PropertyVerdict>? Property { get; init; }

    /// <summary>The invariants every replay is judged by.</summary>
    /// <exception cref="ArgumentException">A custom invariant is malformed.</exception>
    internal InvariantSet InvariantsToCheck() => InvariantSet.Select(CustomInvariants, Property, null, "invariants", nameof(CustomInvariants));
}
