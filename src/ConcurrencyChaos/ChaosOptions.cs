using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos;

/// <summary>How <see cref="Chaos.Check(ChaosPattern, ChaosOptions?, CancellationToken)"/> searches.</summary>
public sealed record ChaosOptions
{
    /// <summary>The default options.</summary>
    public static ChaosOptions Default { get; } = new();

    /// <summary>How many trees to run before declaring the pattern sound. Default 1000.</summary>
    public int MaxTrees { get; init; } = 1000;

    /// <summary>The search seed; random when null. The seed used is always reported, and the same seed always finds the same counterexample.</summary>
    public int? Seed { get; init; }

    /// <summary>The invariant ids to check (built-in, <see cref="CustomInvariants"/>, or <c>property</c>); null for all of them.</summary>
    public IReadOnlyList<string>? Invariants { get; init; }

    /// <summary>
    /// Your own invariants, judged after every run next to the built-in ones and selected, reported, shrunk and kept
    /// by their ids like them. Each id must be kebab-case and new. None by default.
    /// </summary>
    public IReadOnlyList<ChaosInvariant> CustomInvariants { get; init; } = [];

    /// <summary>
    /// A property of your own over every finished run (its tree, each node's outcome, what the root gave its caller):
    /// a failed verdict breaks the invariant <c>property</c> with its message. None by default. For a property of
    /// the code itself, stated where it runs, use <see cref="Chaos.Assert"/>.
    /// </summary>
    public Func<RunView, PropertyVerdict>? Property { get; init; }

    /// <summary>
    /// Whether the search goes on after the first failure, up to <see cref="MaxTrees"/>, and reports one minimal
    /// counterexample per broken invariant (<see cref="ChaosResult.Counterexamples"/>, the first still being
    /// <see cref="ChaosResult.Counterexample"/>). False by default: the search stops at the first failing tree.
    /// </summary>
    public bool AllFindings { get; init; }

    /// <summary>
    /// The most nodes a generated tree may have, groups included. The bound grows over the search's first 100 trees
    /// and stays there; below it sizes spread so that small trees stay common. Default 16.
    /// </summary>
    public int MaxNodes { get; init; } = 16;

    /// <summary>How deep groups may nest (1: the root group only). Default 3.</summary>
    public int MaxDepth { get; init; } = 3;

    /// <summary>The most children a generated group may have (a tree's size permitting). Default 12.</summary>
    public int MaxChildren { get; init; } = 12;

    /// <summary>
    /// The longest delay of a generated tree: a leaf's work or cleanup, the caller's cancel time. Delays spread on a log
    /// scale from 0 to it, so timeouts of seconds and tens of seconds are reached. Null (the default): 5 virtual minutes
    /// in controlled mode, where virtual time costs nothing, and 50 ms in real-time mode, where every delay is waited out.
    /// </summary>
    public TimeSpan? MaxDelay { get; init; }

    /// <summary>Real time after which the search stops (reporting what it ran); null for no limit.</summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>How many candidate trees shrinking may run. Default 5000.</summary>
    public int MaxShrinkRuns { get; init; } = 5000;

    /// <summary>This search's shard: it runs tree numbers i with i mod <see cref="ShardCount"/> = <see cref="ShardIndex"/>. Default 0 of 1.</summary>
    public int ShardIndex { get; init; }

    /// <summary>How many shards the search is split into (CI jobs). Default 1.</summary>
    public int ShardCount { get; init; } = 1;

    /// <summary>
    /// How many times a counterexample's minimal tree is replayed when the search left the runtime's control (real-time
    /// mode, or an escape to the thread pool or a real timer): the counterexample says how many replays showed its
    /// violations, and one that no replay shows is not reported as a counterexample at all. Default 3.
    /// </summary>
    public int Replays { get; init; } = 3;

    /// <summary>Budgets of each single run.</summary>
    public RunOptions Run { get; init; } = RunOptions.Default;

    /// <summary>Told after every tree the search runs (not counting shrinking): for progress displays. None by default.</summary>
    public IProgress<ChaosProgress>? Progress { get; init; }

    /// <summary>The longest delay of a generated tree, in virtual ms (see <see cref="MaxDelay"/>).</summary>
    internal int MaxDelayMs => MaxDelay is { } delay
        ? (int)delay.TotalMilliseconds
        : Run.Mode == ExecutionMode.RealTime ? RealTimeMaxDelayMs : Generation.TreeGenerator.DefaultMaxDelay;

    /// <summary>The default longest delay in real-time mode, in ms: as short as the trees of controlled mode's early days.</summary>
    private const int RealTimeMaxDelayMs = 50;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTrees, 1, nameof(MaxTrees));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNodes, 2, nameof(MaxNodes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 1, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxChildren, 1, nameof(MaxChildren));
        if (MaxDelay is { } delay && (delay < TimeSpan.Zero || delay.TotalMilliseconds > int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDelay), delay, $"The longest delay must be from 0 to {int.MaxValue} ms.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(ShardCount, 1, nameof(ShardCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(Replays, 1, nameof(Replays));
        ArgumentOutOfRangeException.ThrowIfLessThan(Run.PctDepth, 1, "Run.PctDepth");
        if (ShardIndex < 0 || ShardIndex >= ShardCount)
        {
            throw new ArgumentOutOfRangeException(nameof(ShardIndex), ShardIndex, $"A shard index must be in [0, {ShardCount}).");
        }

        _ = InvariantsToCheck();
    }

    /// <summary>The invariants every run is judged by.</summary>
    /// <exception cref="ArgumentException">A custom invariant is malformed, or an id names no invariant.</exception>
    internal InvariantSet InvariantsToCheck() =>
        InvariantSet.Select(CustomInvariants, Property, Invariants, nameof(Invariants), nameof(CustomInvariants));
}
