using System.Diagnostics;
using System.Globalization;
using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Judging;
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
    private readonly InvariantSet _invariants;
    private readonly SearchTrees _trees;
    private Arbitrary<TaskTree>? _shrinkable;
    private readonly List<Counterexample> _found = [];
    private readonly HashSet<string> _covered = new(StringComparer.Ordinal);
    private HashSet<string>? _nameAfter;
    private readonly List<RuntimeDiagnostic> _diagnostics = [];
    private readonly HashSet<(DiagnosticKind, string?)> _diagnosed = [];
    private bool _escaped;
    private int _treesControlled;
    private TreeRunner? _current;
    private TaskTree? _currentTree;
    private long _finishedSteps;
    private readonly Action<TreeRunner> _started;

    private ChaosSearch(ChaosPattern pattern, ChaosOptions options)
    {
        _pattern = pattern;
        _options = options;
        _invariants = options.InvariantsToCheck();
        _trees = SearchTrees.For(pattern, options);
        _started = runner => Volatile.Write(ref _current, runner); // one delegate per search, not one per tree
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

        // The watchdog abandoned the harness thread: the tree it was running is a counterexample (after any found before it).
        var stuck = SingleRun.Judged(search._currentTree!, pattern, search._current!.Abandon(options.Run.StuckAfter), search._invariants);
        search.Note(stuck.Trace);
        search._found.Add(search.Describe(stuck, seed, 0, stuck.Tree.NodeCount, deterministic: false, reproduced: 1, replays: 1));
        return search.Result(seed, clock, null);
    }

    /// <summary>
    /// Tree number <paramref name="index"/> of a search with <paramref name="seed"/> that draws from <paramref name="trees"/>:
    /// a pure function of both. The search itself draws the same trees without FsCheck (<see cref="SearchTrees"/>).
    /// </summary>
    internal static TaskTree TreeAt(Gen<TaskTree> trees, int seed, int index) =>
        Gen.Sample(trees, 1, new Rnd(SearchTrees.StartSeed(seed, index)), SearchTrees.Size(index))[0];

    /// <summary>The search's trees as an FsCheck arbitrary, for its shrinker: made when a tree first fails.</summary>
    private Arbitrary<TaskTree> Shrinkable => _shrinkable ??= ChaosTrees.For(_pattern, _options);

    private int TreesRun { get; set; }

    private long NodesRun { get; set; }

    private long Steps() => Volatile.Read(ref _finishedSteps) + (Volatile.Read(ref _current)?.Progress ?? 0);

    private ChaosResult Search(int seed, Stopwatch clock, CancellationToken cancellationToken)
    {
        string? stoppedEarly = null;
        TimeSpan? searchTime = null;
        RunReport? unreproduced = null;
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

            var tree = _trees.At(seed, index);
            RunReport report;
            try
            {
                report = Execute(tree, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                stoppedEarly = "cancelled";
                break;
            }

            _treesControlled += _options.Run.Mode == ExecutionMode.Controlled && !Escaped(report.Trace) ? 1 : 0;
            TreesRun++;
            NodesRun += tree.NodeCount;
            _options.Progress?.Report(new ChaosProgress(TreesRun, NodesRun));
            if (report.Violations.Count == 0)
            {
                continue; // held
            }

            var broken = report.Violations.Select(v => v.Invariant).Where(id => !_covered.Contains(id)).ToHashSet(StringComparer.Ordinal);
            if (broken.Count == 0)
            {
                continue; // held, or (all findings) broke only what a counterexample already shows
            }

            searchTime ??= clock.Elapsed;
            if (!Conclude(report, broken, seed, cancellationToken))
            {
                unreproduced ??= report;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                stoppedEarly = "cancelled";
                break;
            }

            if (!_options.AllFindings)
            {
                break;
            }
        }

        return Result(seed, clock, stoppedEarly, searchTime, unreproduced);
    }

    /// <summary>
    /// Turns a failing run into counterexamples of the invariants in <paramref name="broken"/>: shrinks its tree to a
    /// 1-minimal one that still breaks one of them, confirms it by replays, and keeps it; with
    /// <see cref="ChaosOptions.AllFindings"/>, shrinks the same tree again for those the kept one does not show, until
    /// each has one. Returns false when no replay showed the failure again (it is then unreproduced, never a counterexample).
    /// </summary>
    private bool Conclude(RunReport failing, HashSet<string> broken, int seed, CancellationToken cancellationToken)
    {
        while (broken.Count > 0)
        {
            var target = broken.ToHashSet(StringComparer.Ordinal);
            bool Shows(RunReport run) => run.Violations.Any(v => target.Contains(v.Invariant));
            _nameAfter = _found.Count == 0 ? null : target; // later counterexamples of one search get names of their own
            var shrunk = GreedyShrinker.Shrink(
                failing.Tree,
                Shrinkable.Shrinker,
                candidate => StillFails(candidate, Shows, cancellationToken),
                _options.MaxShrinkRuns,
                cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                // Cancelled while shrinking: the tree that failed in the search is the counterexample, unconfirmed by a replay.
                _found.Add(Describe(failing, seed, 0, failing.Tree.NodeCount, deterministic: false, reproduced: 1, replays: 1));
                return true;
            }

            if (Confirm(failing, shrunk, Shows, seed) is not { } counterexample)
            {
                _covered.UnionWith(target); // not shrunk for again: it would not reproduce again
                return false;
            }

            // The counterexample shows at least one of the target (the shrinker and the replays made sure), so each
            // round leaves fewer: what it does not show is shrunk for again, from the same tree.
            _found.Add(counterexample);
            _covered.UnionWith(counterexample.Violations.Select(v => v.Invariant));
            if (!_options.AllFindings)
            {
                break;
            }

            broken.ExceptWith(_covered);
        }

        return true;
    }

    /// <summary>
    /// The counterexample of a shrunk tree, from replays: controlled and never escaped, one equal replay proves the trace
    /// a pure function of the tree. Otherwise thread timing decided which tree failed first and how it shrank, so only
    /// what replays show is reported, and how often: the minimal tree first, else the tree that failed in the search;
    /// null when no replay of either shows it.
    /// </summary>
    private Counterexample? Confirm(RunReport failing, GreedyShrinker.Result shrunk, Func<RunReport, bool> shows, int seed)
    {
        var minimal = Execute(shrunk.Tree);
        var replay = Execute(shrunk.Tree);
        if (_options.Run.Mode == ExecutionMode.Controlled && !_escaped && shows(minimal) && minimal.Trace.ToText() == replay.Trace.ToText())
        {
            return Describe(minimal, seed, shrunk.Steps, failing.Tree.NodeCount, deterministic: true, reproduced: 2, replays: 2);
        }

        return Confirmed(shrunk.Tree, [minimal, replay], shows, seed, shrunk.Steps, failing.Tree.NodeCount)
            ?? Confirmed(failing.Tree, [], shows, seed, 0, failing.Tree.NodeCount);
    }

    /// <summary>
    /// Runs <paramref name="tree"/> until <see cref="ChaosOptions.Replays"/> runs (counting <paramref name="done"/>) and
    /// describes the first that shows the violations, with how many did; null when none did.
    /// </summary>
    private Counterexample? Confirmed(TaskTree tree, IReadOnlyList<RunReport> done, Func<RunReport, bool> shows, int seed, int shrinkSteps, int originalNodes)
    {
        var runs = done.Take(_options.Replays).ToList();
        while (runs.Count < _options.Replays)
        {
            runs.Add(Execute(tree));
        }

        var reproducing = runs.Where(shows).ToList();
        return reproducing.Count == 0
            ? null
            : Describe(reproducing[0], seed, shrinkSteps, originalNodes, deterministic: false, reproduced: reproducing.Count, replays: runs.Count);
    }

    /// <summary>The result so far; <paramref name="searchTime"/> (to the first failing tree) splits the elapsed time into searching and shrinking.</summary>
    private ChaosResult Result(int seed, Stopwatch clock, string? stoppedEarly, TimeSpan? searchTime = null, RunReport? unreproduced = null)
    {
        var elapsed = clock.Elapsed;
        return new(_pattern.Name, seed, TreesRun, NodesRun, elapsed, [.. _found], stoppedEarly)
        {
            Diagnostics = [.. _diagnostics],
            TreesControlled = _treesControlled,
            Unreproduced = unreproduced,
            SearchTime = searchTime ?? elapsed,
            ShrinkTime = _found.Count == 0 && unreproduced is null ? TimeSpan.Zero : elapsed - (searchTime ?? elapsed),
        };
    }

    /// <summary>Whether a shrink candidate still breaks what the search found; a run cancelled half-way does not.</summary>
    private bool StillFails(TaskTree candidate, Func<RunReport, bool> shows, CancellationToken cancellationToken)
    {
        try
        {
            return shows(Execute(candidate, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private RunReport Execute(TaskTree tree, CancellationToken cancellationToken = default)
    {
        _currentTree = tree;
        RunReport report;
        try
        {
            report = SingleRun.OnThisThread(tree, _pattern, _options.Run, _invariants, _started, cancellationToken);
        }
        finally
        {
            Volatile.Write(ref _current, null);
        }

        Interlocked.Add(ref _finishedSteps, report.Trace.Steps);
        _escaped |= Escaped(report.Trace);
        Note(report.Trace);
        return report;
    }

    private Counterexample Describe(RunReport minimal, int seed, int shrinkSteps, int originalNodes, bool deterministic, int reproduced, int replays)
    {
        var namedAfter = _nameAfter is null ? null : minimal.Violations.FirstOrDefault(v => _nameAfter.Contains(v.Invariant))?.Invariant;
        var (name, json) = KeptScenario.Of(_pattern, minimal, seed, shrinkSteps, originalNodes, _options.Run, namedAfter);
        return new Counterexample(minimal, seed, shrinkSteps, originalNodes, deterministic, name, json, reproduced, replays);
    }

    /// <summary>Keeps the run's diagnostics the search has not seen yet (once per kind and node).</summary>
    private void Note(Model.Trace trace)
    {
        foreach (var diagnostic in trace.Diagnostics)
        {
            if (_diagnosed.Add((diagnostic.Kind, diagnostic.NodeId)))
            {
                _diagnostics.Add(diagnostic);
            }
        }
    }

    /// <summary>Whether controlled code escaped the runtime (thread pool, real timers, a blocking wait, a stuck thread).</summary>
    private static bool Escaped(Model.Trace trace) =>
        trace.Diagnostics.Any(d => !d.IsHint && d.Kind.IsEscape());
}
