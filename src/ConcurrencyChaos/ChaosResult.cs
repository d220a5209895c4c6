namespace ConcurrencyChaos;

/// <summary>What a search found.</summary>
public sealed class ChaosResult
{
    internal ChaosResult(string patternName, int seed, int treesRun, long nodesRun, TimeSpan elapsed, IReadOnlyList<Counterexample> counterexamples, string? stoppedEarly)
    {
        ArgumentNullException.ThrowIfNull(patternName);
        PatternName = patternName;
        Seed = seed;
        TreesRun = treesRun;
        NodesRun = nodesRun;
        Elapsed = elapsed;
        Counterexamples = counterexamples;
        StoppedEarly = stoppedEarly;
    }

    /// <summary>Whether every tree held every checked invariant (and no failure was seen that replays could not confirm).</summary>
    public bool Passed => Counterexample is null && Unreproduced is null;

    /// <summary>
    /// A run that broke an invariant once, when none of <see cref="ChaosOptions.Replays"/> replays of its tree (shrunk or
    /// not) showed it again: the code left the runtime's control (see <see cref="Diagnostics"/>), so thread timing
    /// decided. Never reported as a counterexample, never taken for "held"; null when there was none.
    /// </summary>
    public RunReport? Unreproduced { get; init; }

    /// <summary>
    /// What the search's runs did that the runtime does not control (thread pool, real timers, blocking waits,
    /// exceptions from async void methods), once per kind and node, in the order first seen. Empty for a fully controlled search.
    /// </summary>
    public IReadOnlyList<Model.RuntimeDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>How many of <see cref="TreesRun"/> ran fully controlled: on the deterministic runtime, with no escape from it.</summary>
    public int TreesControlled { get; init; }

    /// <summary>The pattern's catalog id, or the name of the consumer's delegate.</summary>
    public string PatternName { get; }

    /// <summary>The search seed used (given, or drawn at random): the same seed repeats the search exactly.</summary>
    public int Seed { get; }

    /// <summary>How many trees ran before the search ended (not counting shrinking).</summary>
    public int TreesRun { get; }

    /// <summary>How many nodes those trees held.</summary>
    public long NodesRun { get; }

    /// <summary>Real time the search took, shrinking included.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The minimal failing tree (the first found, when there are several), or null when the search passed.</summary>
    public Counterexample? Counterexample => Counterexamples.Count == 0 ? null : Counterexamples[0];

    /// <summary>
    /// Every counterexample found, in the order found: at most one without <see cref="ChaosOptions.AllFindings"/>;
    /// with it, one minimal counterexample per broken invariant (one may show several). Empty when the search passed.
    /// </summary>
    public IReadOnlyList<Counterexample> Counterexamples { get; }

    /// <summary>Real time from the start of the search to the first failing tree judged (the whole search when none failed). For benchmarks.</summary>
    internal TimeSpan SearchTime { get; init; }

    /// <summary>Real time spent shrinking the first failing tree and replaying the minimal one; zero when none failed. For benchmarks.</summary>
    internal TimeSpan ShrinkTime { get; init; }

    /// <summary>Why the search stopped before running every tree (time budget, cancellation), or null.</summary>
    public string? StoppedEarly { get; }

    /// <summary>Throws a <see cref="ChaosException"/> whose message is the rendered counterexample (every one, when there are several), if there is one.</summary>
    public void AssertHolds()
    {
        if (Counterexamples.Count > 0)
        {
            throw new ChaosException(string.Join("\n\n", Counterexamples.Select(c => c.ToString())));
        }

        if (Unreproduced is { } once)
        {
            throw new ChaosException(
                $"ConcurrencyChaos: pattern '{PatternName}' broke {string.Join(", ", once.Violations.Select(v => v.Invariant).Distinct())} once (search seed {Seed}), "
                + "but no replay of that tree showed it again: the code left the runtime's control, so thread timing decided. "
                + "Nothing is reported as a counterexample; these are the escapes:\n"
                + string.Join('\n', Diagnostics.Select(d => "  " + d)) + "\n\nThe run that broke it:\n" + once);
        }
    }

    /// <summary>One line: passed or not, with the figures and the seed.</summary>
    public override string ToString() => (Counterexample, Unreproduced) switch
    {
        ({ } c, _) when Counterexamples.Count == 1 => $"{PatternName}: FAILED after {TreesRun} trees (seed {Seed}): {Broke(c)}",
        ({ }, _) => $"{PatternName}: FAILED after {TreesRun} trees (seed {Seed}), {Counterexamples.Count} counterexamples: {string.Join(" | ", Counterexamples.Select(Broke))}",
        (_, { } once) => $"{PatternName}: INCONCLUSIVE after {TreesRun} trees (seed {Seed}): {string.Join("; ", once.Violations.Select(v => v.Invariant).Distinct())} seen once, never reproduced (the code escaped the runtime)",
        _ => $"{PatternName}: held on {TreesRun} trees, {NodesRun} nodes (seed {Seed}){Controlled()}{(StoppedEarly is null ? "" : $"; stopped early: {StoppedEarly}")}",
    };

    private static string Broke(Counterexample c) => $"{string.Join("; ", c.Violations.Select(v => v.Invariant))} on {c.NodeCount} nodes";

    private string Controlled() => TreesControlled == TreesRun ? "" : $"; only {TreesControlled} of them ran fully controlled";
}
