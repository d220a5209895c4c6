using ConcurrencyChaos.Model;
using ConcurrencyChaos.Patterns;
using ConcurrencyChaos.Shrinking;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ConcurrencyChaos.Tests.Search;

/// <summary>Issue 4: Chaos.Check finds, shrinks and reproduces a counterexample for every naive pattern, and passes task-group.</summary>
public sealed class SearchAcceptanceTests
{
    /// <summary>Every catalog pattern that breaks an invariant: the naive ones and supervisor (not fail-fast).</summary>
    public static TheoryData<string> BrokenPatterns => [.. PatternCatalog.All.Where(p => p.Id != "task-group" && p.RunsControlled).Select(p => p.Id)];

    /// <summary>As <see cref="BrokenPatterns"/>, without parallel-foreach (see <see cref="Parallel_foreach_is_caught_with_its_two_node_counterexample"/>).</summary>
    /// <remarks>
    /// Also without when-each-break: Task.WhenEach awaits with ConfigureAwait(false), so it leaves the
    /// controlled runtime and is checked in real time (Patterns/RealCodePatternTests).
    /// </remarks>
    public static TheoryData<string> MinimallyShrunkPatterns => [.. PatternCatalog.All.Where(p => p.Id is not "task-group" and not "parallel-foreach" and not "when-each-break").Select(p => p.Id)];

    private static readonly int[] Seeds = [1, 2, 3, 4, 5];

    /// <summary>
    /// The fewest nodes (groups included) a tree needs for <paramref name="pattern"/> to break <paramref name="invariant"/>:
    /// a group and one leaf (2) suffice for an orphan, a dropped cancellation, an error thrown after the caller's
    /// await ended, or an error shaped like a cancellation that the pattern takes for one; otherwise a lost error of a
    /// pattern that awaits its children needs two errors (3); fail-fast needs a
    /// faulting child and a sibling (3); when-any only abandons a child when it has a second one (3).
    /// <see cref="TheMinimumTableIsRightForTwoNodeTrees"/> checks every 2-versus-3 entry by enumerating 2-node trees.
    /// </summary>
    internal static int MinimumNodes(string pattern, string invariant) => (pattern, invariant) switch
    {
        (_, "fail-fast") => 3,
        (_, "cancellation-propagated") => 2,
        ("fire-and-forget" or "async-void", "errors-observed" or "no-orphans") => 2,
        ("wait-async-timeout", "no-orphans" or "errors-observed") => 2, // the timeout hides an error thrown after it
        ("parallel-foreach", "errors-observed") => 2, // caller cancellation turns a cleanup error into a plain cancel
        ("polly-retry", "errors-observed") => 2, // caller cancellation during the retry delay drops the error that caused the retry
        ("swallow-cancel" or "supervisor", "errors-observed") => 2, // an error shaped like a cancellation is taken for one
        ("when-any" or "await-in-turn", "no-orphans") => 3, // await-in-turn abandons the rest only after an earlier child failed
        (_, "errors-observed") => 3,
        _ => throw new ArgumentException($"no minimum known for {pattern} breaking {invariant}"),
    };

    [Theory]
    [MemberData(nameof(MinimallyShrunkPatterns))]
    public void Every_broken_pattern_is_caught_with_a_minimal_counterexample(string pattern) => AssertCaughtMinimally(pattern);

    [Fact]
    public void Parallel_foreach_is_caught_with_its_two_node_counterexample() => AssertCaughtMinimally("parallel-foreach");

    private static void AssertCaughtMinimally(string pattern)
    {
        foreach (var seed in Seeds)
        {
            // Default options but for the seed, which makes the test repeatable.
            var result = Chaos.Check(pattern, ChaosOptions.Default with { Seed = seed });
            Assert.False(result.Passed, $"{pattern} passed with seed {seed}: {result}");
            var counterexample = result.Counterexample!;
            var first = counterexample.Violations[0].Invariant;
            Assert.True(
                counterexample.NodeCount == MinimumNodes(pattern, first),
                $"{pattern}, seed {seed}: {first} shown on {counterexample.NodeCount} nodes, minimum {MinimumNodes(pattern, first)}\n{counterexample}");
            Assert.True(counterexample.IsDeterministic);
            Assert.Equal(seed, result.Seed);

            // Replaying the reported tree shows the reported violations.
            Assert.Equal(counterexample.Violations, Chaos.Run(counterexample.Tree, pattern).Violations);
        }
    }

    [Fact]
    public void The_counterexample_names_its_scenario_as_the_scenario_file_does()
    {
        var counterexample = Chaos.Check("when-all", new ChaosOptions { Seed = 7 }).Counterexample!;
        Assert.Equal("found-when-all-seed-7", counterexample.ScenarioName);
        var scenario = ConcurrencyChaos.Scenarios.ScenarioReader.Parse(
            counterexample.ScenarioJson, "counterexample", Chaos.Vocabulary);
        Assert.Equal(scenario.Name, counterexample.ScenarioName);
    }

    [Theory]
    [MemberData(nameof(BrokenPatterns))]
    public void The_counterexample_is_one_minimal(string pattern)
    {
        foreach (var seed in Seeds)
        {
            // The search shrinks for what the first failing tree broke; a step may surface another invariant on the way
            // (trading a fault for a caller cancellation makes wait-async-timeout orphan the child it then waits for), so
            // 1-minimality is checked for the first reported violation (one the search shrank for, on these seeds).
            var counterexample = Chaos.Check(pattern, new ChaosOptions { Seed = seed }).Counterexample!;
            var broken = new HashSet<string>([counterexample.Violations[0].Invariant], StringComparer.Ordinal);
            foreach (var candidate in ChaosTrees.Arbitrary().Shrinker(counterexample.Tree))
            {
                var still = Chaos.Run(candidate, pattern).Violations.Where(v => broken.Contains(v.Invariant)).ToList();
                Assert.True(still.Count == 0, $"{pattern}, seed {seed}: a one-step shrink still breaks {string.Join(", ", still)}:\n{Chaos.Run(candidate, pattern)}");
            }
        }
    }

    [Fact]
    public void TheMinimumTableIsRightForTwoNodeTrees()
    {
        // Every 2-node tree over a grid of leaves and caller cancellations: which (pattern, invariant) pairs it can show.
        var shown = new HashSet<(string, string)>();
        foreach (var tree in TwoNodeTrees())
        {
            foreach (var pattern in PatternCatalog.All.Where(p => p.RunsControlled))
            {
                foreach (var v in Chaos.Run(tree, pattern.Id).Violations)
                {
                    shown.Add((pattern.Id, v.Invariant));
                }
            }
        }

        Assert.DoesNotContain(shown, s => s.Item1 == "task-group");
        string[] invariants = ["errors-observed", "no-orphans", "cancellation-propagated", "fail-fast"];
        var wrong = PatternCatalog.All.Where(p => p.Id != "task-group" && p.RunsControlled).Select(p => p.Id)
            .SelectMany(p => invariants.Select(i => (Pattern: p, Invariant: i)))
            // A pair shown on 2 nodes must have minimum 2, and a minimum of 3 must never be shown on 2 nodes.
            // (A minimum of 2 for a pair the pattern never breaks is moot; the search test checks what it reports.)
            .Where(x => shown.Contains(x) && Table(x.Pattern, x.Invariant) != 2)
            .ToList();
        Assert.True(wrong.Count == 0, "wrong table entries: " + string.Join(", ", wrong));

        // And the 2-node entries the searches report really are shown on 2 nodes.
        (string, string)[] twos =
        [
            ("fire-and-forget", "no-orphans"), ("fire-and-forget", "errors-observed"), ("async-void", "no-orphans"), ("async-void", "errors-observed"),
            ("wait-async-timeout", "no-orphans"), ("wait-async-timeout", "errors-observed"), ("parallel-foreach", "errors-observed"),
            ("polly-retry", "errors-observed"), ("swallow-cancel", "errors-observed"), ("supervisor", "errors-observed"),
            ("when-all", "cancellation-propagated"), ("when-any", "cancellation-propagated"), ("await-in-turn", "cancellation-propagated"),
            ("unlinked-token", "cancellation-propagated"), ("swallow-cancel", "cancellation-propagated"),
        ];
        Assert.All(twos, pair => Assert.Contains(pair, shown));

        static int? Table(string pattern, string invariant)
        {
            try
            {
                return MinimumNodes(pattern, invariant);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }

    private static IEnumerable<TaskTree> TwoNodeTrees() =>
        from then in Enum.GetValues<LeafEnd>()
        from onCancel in Enum.GetValues<CancelBehavior>()
        where !(then == LeafEnd.Hang && onCancel == CancelBehavior.Ignore)
        from work in new[] { 0, 5, 10, 2000 }
        from cleanup in new[] { 0, 5 }
        from cancelAfter in new int?[] { null, 0, 5, 10 }
        from error in new[] { ErrorKind.InvalidOperationException, ErrorKind.TaskCanceledException }
        let tree = new TaskTree(new Group(new Leaf { Then = then, OnCancel = onCancel, Work = then == LeafEnd.Hang ? 0 : work, Cleanup = cleanup, Error = error, CleanupError = error }), cancelAfter)
        where Model.ReferenceModel.Run(tree).Terminates
        select tree;

    [Fact]
    public void Task_group_passes_ten_thousand_trees()
    {
        var result = Chaos.Check("task-group", new ChaosOptions { MaxTrees = 10_000, Seed = 20261124 });
        Assert.True(result.Passed, result.Counterexample?.ToString());
        Assert.Equal(10_000, result.TreesRun);
        Assert.Null(result.StoppedEarly);
        Assert.True(result.NodesRun > 30_000, $"only {result.NodesRun} nodes");
    }

    public static Arbitrary<(int Seed, string Pattern)> SeedsAndPatterns() =>
        Arb.From(
            from seed in Gen.Choose(0, int.MaxValue)
            from pattern in Gen.Elements("when-all", "fire-and-forget", "parallel-foreach", "supervisor", "unlinked-token")
            select (seed, pattern));

    [Property(Arbitrary = [typeof(SearchAcceptanceTests)], MaxTest = 40)]
    public Property The_same_seed_gives_the_same_scenario((int Seed, string Pattern) input)
    {
        var options = new ChaosOptions { Seed = input.Seed };
        var first = Chaos.Check(input.Pattern, options);
        var second = Chaos.Check(input.Pattern, options);
        return (first.Counterexample is { } a && second.Counterexample is { } b
                && a.ScenarioJson == b.ScenarioJson && a.Tree == b.Tree && first.TreesRun == second.TreesRun)
            .Label($"{first}\n{second}");
    }

    [Fact]
    public void Different_seeds_find_different_first_trees()
    {
        // Guards the property above: the seed really drives the search.
        var scenarios = Enumerable.Range(1, 10)
            .Select(seed => Chaos.Check("when-all", new ChaosOptions { Seed = seed }).Counterexample!)
            .Select(c => (c.OriginalNodeCount, c.ShrinkSteps, c.Tree))
            .ToHashSet();
        Assert.True(scenarios.Count > 3);
    }
}
