namespace ConcurrencyChaos;

/// <summary>What a search found.</summary>
public sealed class ChaosResult
{
    internal ChaosResult(string patternName, int seed, int treesRun, long nodesRun, TimeSpan elapsed, Counterexample? counterexample, string? stoppedEarly)
    {
        PatternName = patternName;
        Seed = seed;
        TreesRun = treesRun;
        NodesRun = nodesRun;
        Elapsed = elapsed;
        Counterexample = counterexample;
        StoppedEarly = stoppedEarly;
    }

    /// <summary>Whether every tree held every checked invariant.</summary>
    public bool Passed => Counterexample is null;

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

    /// <summary>The minimal failing tree, or null when the search passed.</summary>
    public Counterexample? Counterexample { get; }

    /// <summary>Real time from the start of the search to the first failing tree judged (the whole search when none failed). For benchmarks.</summary>
    internal TimeSpan SearchTime { get; init; }

    /// <summary>Real time spent shrinking the first failing tree and replaying the minimal one; zero when none failed. For benchmarks.</summary>
    internal TimeSpan ShrinkTime { get; init; }

    /// <summary>Why the search stopped before running every tree (time budget, cancellation), or null.</summary>
    public string? StoppedEarly { get; }

    /// <summary>Throws a <see cref="ChaosException"/> whose message is the rendered counterexample, if there is one.</summary>
    public void AssertHolds()
    {
        if (Counterexample is { } counterexample)
        {
            throw new ChaosException(counterexample.ToString());
        }
    }

    /// <summary>One line: passed or not, with the figures and the seed.</summary>
    public override string ToString() => Counterexample is { } c
        ? $"{PatternName}: FAILED after {TreesRun} trees (seed {Seed}): {string.Join("; ", c.Violations.Select(v => v.Invariant))} on {c.NodeCount} nodes"
        : $"{PatternName}: held on {TreesRun} trees, {NodesRun} nodes (seed {Seed}){(StoppedEarly is null ? "" : $"; stopped early: {StoppedEarly}")}";
}
