using System.Diagnostics;
using System.Globalization;
using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;
using ConcurrencyChaos.Shrinking;
using FsCheck;
using FsCheck.Fluent;

namespace ConcurrencyChaos;

/// <summary>
/// The whole pipeline: Generate (tree i of the seed, growing in size), Execute and Judge each tree
/// until one fails, Shrink it to a 1-minimal tree, replay that to confirm it is deterministic, and
/// Report. Runs on one harness thread under the watchdog; a stuck tree ends the search as its own
/// counterexample.
/// </summary>
internal sealed class ChaosSearch
{
    private readonly ChaosPattern _pattern;
    private readonly ChaosOptions _options;
    private readonly Arbitrary<TaskTree> _trees;
    private bool _escaped;
    private TreeRunner? _current;
    private TaskTree? _currentTree;
    private long _finishedSteps;

    private ChaosSearch(ChaosPattern pattern, ChaosOptions options)
    {
        _pattern = pattern;
        _options = options;
        _trees = ChaosTrees.Arbitrary(options.MaxNodes, options.MaxDepth, options.Run.Operations.Keys);
    }

    public static ChaosResult Run(ChaosPattern pattern, ChaosOptions options, CancellationToken cancellationToken)
    {
        options.Validate();
        var search = new ChaosSearch(pattern, options);
        var seed = options.Seed ?? System.Random.Shared.Next();
        var clock = Stopwatch.StartNew();
        if (HarnessThread.TryInvoke(() => search.Search(seed, clock, cancellationToken), search.Steps, options.Run.StuckAfter, out var result))
        {
            return result;
        }

        // The watchdog abandoned the harness thread: the tree it was running is the counterexample.
        var stuck = SingleRun.Judged(search._currentTree!, pattern, search._current!.Abandon(options.Run.StuckAfter), options.Invariants);
        var counterexample = search.Describe(stuck, seed, 0, stuck.Tree.NodeCount, deterministic: false);
        return new ChaosResult(pattern.Name, seed, search.TreesRun, search.NodesRun, clock.Elapsed, counterexample, null);
    }

    /// <summary>Tree number <paramref name="index"/> of the search with <paramref name="seed"/>: a pure function of both.</summary>
    internal static TaskTree TreeAt(Gen<TaskTree> trees, int seed, int index)
    {
        var size = Math.Min(100, index);
        var rnd = new Rnd(unchecked(((ulong)(uint)seed << 32) ^ (ulong)(uint)index ^ 0x5DEECE66DUL));
        return Gen.Sample(trees, 1, rnd, size)[0];
    }

    private int TreesRun { get; set; }

    private long NodesRun { get; set; }

    private long Steps() => Volatile.Read(ref _finishedSteps) + (Volatile.Read(ref _current)?.Progress ?? 0);

    private ChaosResult Search(int seed, Stopwatch clock, CancellationToken cancellationToken)
    {
        string? stoppedEarly = null;
        RunReport? failing = null;
        for (var index = _options.ShardIndex; TreesRun < _options.MaxTrees; index += _options.ShardCount)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                stoppedEarly = "cancelled";
                break;
            }

            if (_options.TimeBudget is { } budget && clock.Elapsed >= budget)
            {
                stoppedEarly = string.Create(CultureInfo.InvariantCulture, $"time budget of {budget.TotalSeconds:0.#} s used");
                break;
            }

            var tree = TreeAt(_trees.Generator, seed, index);
            var report = Execute(tree);
            TreesRun++;
            NodesRun += tree.NodeCount;
            _options.Progress?.Report(new ChaosProgress(TreesRun, NodesRun));
            if (!report.Passed)
            {
                failing = report;
                break;
            }
        }

        var searchTime = clock.Elapsed;
        if (failing is null)
        {
            return new ChaosResult(_pattern.Name, seed, TreesRun, NodesRun, clock.Elapsed, null, stoppedEarly) { SearchTime = searchTime };
        }

        var broken = failing.Violations.Select(v => v.Invariant).ToHashSet(StringComparer.Ordinal);
        var shrunk = GreedyShrinker.Shrink(
            failing.Tree,
            _trees.Shrinker,
            candidate => Execute(candidate).Violations.Any(v => broken.Contains(v.Invariant)),
            _options.MaxShrinkRuns,
            cancellationToken);
        var minimal = Execute(shrunk.Tree);
        var replay = Execute(shrunk.Tree);
        // One equal replay proves nothing once any run of the search left the runtime: thread timing decided
        // which tree failed first and how it shrank, and may decide otherwise next time.
        var deterministic = _options.Run.Mode == ExecutionMode.Controlled && !_escaped && minimal.Trace.ToText() == replay.Trace.ToText();
        var counterexample = Describe(minimal, seed, shrunk.Steps, failing.Tree.NodeCount, deterministic);
        return new ChaosResult(_pattern.Name, seed, TreesRun, NodesRun, clock.Elapsed, counterexample, stoppedEarly)
        {
            SearchTime = searchTime,
            ShrinkTime = clock.Elapsed - searchTime,
        };
    }

    private RunReport Execute(TaskTree tree)
    {
        _currentTree = tree;
        var report = SingleRun.OnThisThread(tree, _pattern, _options.Run, _options.Invariants, runner => Volatile.Write(ref _current, runner));
        Interlocked.Add(ref _finishedSteps, report.Trace.Steps);
        _escaped |= Escaped(report.Trace);
        Volatile.Write(ref _current, null);
        return report;
    }

    private Counterexample Describe(RunReport minimal, int seed, int shrinkSteps, int originalNodes, bool deterministic)
    {
        var (name, json) = KeptScenario.Of(_pattern, minimal, seed, shrinkSteps, originalNodes);
        return new Counterexample(minimal, seed, shrinkSteps, originalNodes, deterministic, name, json);
    }

    /// <summary>Whether controlled code escaped the runtime (thread pool, real timers, a blocking wait, a stuck thread).</summary>
    private static bool Escaped(Model.Trace trace) =>
        trace.Diagnostics.Any(d => !d.IsHint && d.Kind.IsEscape());
}
