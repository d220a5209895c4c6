using System.Collections.Concurrent;
using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Patterns;

namespace ConcurrencyChaos.Tests.Search;

/// <summary>
/// A verdict we print must be true: no search returns a counterexample whose own run shows no violation, every
/// counterexample says how many replays showed it, and a failure no replay confirms is reported as such —
/// never as a counterexample, never as "held".
/// </summary>
public sealed class HonestVerdictTests
{
    private const int Seeds = 20;

    [Fact]
    public void No_controlled_search_of_the_catalog_returns_a_counterexample_without_violations()
    {
        foreach (var pattern in PatternCatalog.All)
        {
            for (var seed = 1; seed <= Seeds; seed++)
            {
                AssertHonest(Chaos.Check(pattern.Id, new ChaosOptions { Seed = seed }), pattern.Id, seed);
            }
        }
    }

    [Fact]
    public void No_real_time_search_of_the_catalog_returns_a_counterexample_without_violations()
    {
        // Real time waits on real timers, so searches run side by side; few trees, at a twentieth of the tree's time.
        var options = new ChaosOptions
        {
            MaxTrees = 8,
            MaxShrinkRuns = 8,
            Run = new RunOptions { Mode = ExecutionMode.RealTime, TimeScale = 0.05 },
        };
        var failures = new ConcurrentBag<string>();
        Parallel.ForEach(
            PatternCatalog.All.SelectMany(p => Enumerable.Range(1, Seeds).Select(seed => (p.Id, Seed: seed))),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            run =>
            {
                var result = Chaos.Check(run.Id, options with { Seed = run.Seed });
                try
                {
                    AssertHonest(result, run.Id, run.Seed);
                }
                catch (Exception e) when (e is global::Xunit.Sdk.XunitException)
                {
                    failures.Add(e.Message);
                }
            });

        Assert.Empty(failures);
    }

    [Fact]
    public void A_controlled_search_that_never_escaped_says_every_tree_ran_controlled()
    {
        var result = Chaos.Check("task-group", new ChaosOptions { Seed = 1, MaxTrees = 200 });

        Assert.True(result.Passed);
        Assert.Equal(result.TreesRun, result.TreesControlled);
        Assert.Empty(result.Diagnostics);
        Assert.DoesNotContain("controlled", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_search_whose_code_escapes_counts_the_trees_that_did_not_run_controlled_and_keeps_the_diagnostics()
    {
        static Task OnThePool(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken ct) =>
            Task.Run(() => Task.WhenAll(children.Select(child => child(ct))), CancellationToken.None);

        var result = Chaos.Check(OnThePool, new ChaosOptions { Seed = 2, MaxTrees = 20, Invariants = ["no-orphans"] });

        Assert.True(result.TreesControlled < result.TreesRun);
        Assert.Contains(result.Diagnostics, d => d.Kind == DiagnosticKind.ThreadPool);
    }

    [Fact]
    public void A_failure_that_no_replay_shows_is_inconclusive_not_a_counterexample_and_not_held()
    {
        // Breaks work-done once: the first run returns at once without starting a child; every other run (the replays
        // of that tree included) starts and awaits every child and holds. Skipping is not a matter of thread timing, so
        // the one broken run is judged broken whatever the load (no tie can hide it).
        var broke = 0;
        Task OnceOnly(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken ct) =>
            Interlocked.Exchange(ref broke, 1) == 0
                ? Task.CompletedTask
                : Task.WhenAll(children.Select(async child => await child(ct).ConfigureAwait(true)));

        var realTime = new RunOptions { Mode = ExecutionMode.RealTime, TimeScale = 0.05 };
        var result = Chaos.Check(OnceOnly, new ChaosOptions { Seed = 1, MaxTrees = 200, Invariants = ["work-done"], Run = realTime });

        Assert.Equal(1, broke);
        Assert.Null(result.Counterexample);
        Assert.NotNull(result.Unreproduced);
        Assert.False(result.Passed);
        Assert.Contains("INCONCLUSIVE", result.ToString(), StringComparison.Ordinal);
        var error = Assert.Throws<ChaosException>(result.AssertHolds);
        Assert.Contains("no replay of that tree showed it again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_that_must_go_on_without_work_it_sent_to_the_thread_pool_gives_no_verdict()
    {
        // The pattern's work waits on the pool until the run is over, so it is queued or running whenever the runtime
        // is idle; with no grace at all, the runtime cannot wait for it, and a verdict would be about other code.
        using var release = new ManualResetEventSlim();
        Task OnThePool(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken ct) =>
            Task.Run(() => release.Wait(CancellationToken.None)).ContinueWith(_ => Task.WhenAll(children.Select(child => child(ct))), TaskScheduler.Default).Unwrap();

        try
        {
            var error = Assert.Throws<ChaosException>(() => Chaos.Run(new TaskTree(new Group(new Leaf { Work = 5 })), OnThePool, new RunOptions { ForeignWorkGrace = TimeSpan.Zero }));

            Assert.Contains("when the runtime's grace of 0 s of real time ended", error.Message, StringComparison.Ordinal);
            Assert.Contains("No verdict is given", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            release.Set();
        }
    }

    private static void AssertHonest(ChaosResult result, string pattern, int seed)
    {
        var where = $"{pattern}, seed {seed}";
        if (result.Counterexample is { } found)
        {
            Assert.True(found.Violations.Count > 0, $"{where}: a counterexample with no violation");
            Assert.InRange(found.Reproduced, 1, found.Replays);
            Assert.DoesNotContain("Every invariant held", found.ToString(), StringComparison.Ordinal);
        }

        if (result.Unreproduced is { } once)
        {
            Assert.True(once.Violations.Count > 0, $"{where}: an unreproduced failure with no violation");
            Assert.Null(result.Counterexample);
        }
    }
}
