namespace ConcurrencyChaos.Tests.Search;

/// <summary>
/// All findings in one search (<see cref="ChaosOptions.AllFindings"/>): after the first failure the search goes on and
/// keeps one minimal counterexample per broken invariant, so fixing a pattern does not take one round per invariant.
/// The first counterexample is the one a search that stops at the first failure reports.
/// </summary>
public sealed class AllFindingsTests
{
    [Fact]
    public void One_search_reports_a_minimal_counterexample_for_every_invariant_it_saw_broken()
    {
        var result = Chaos.Check("when-all", new ChaosOptions { Seed = 2, AllFindings = true });

        var broken = result.Counterexamples.SelectMany(c => c.Violations).Select(v => v.Invariant).Distinct().Order().ToList();
        Assert.Equal(["cancellation-propagated", "errors-observed", "fail-fast", "no-orphans", "terminates"], broken);
        Assert.Equal(1000, result.TreesRun);
        Assert.All(result.Counterexamples, c => Assert.True(c.NodeCount <= 4, c.ToString()));
    }

    [Fact]
    public void Every_counterexample_shows_an_invariant_no_earlier_one_showed()
    {
        var result = Chaos.Check("when-any", new ChaosOptions { Seed = 5, AllFindings = true });

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var counterexample in result.Counterexamples)
        {
            var shown = counterexample.Violations.Select(v => v.Invariant).ToList();
            Assert.True(shown.Any(seen.Add), $"a counterexample that shows nothing new:\n{counterexample}");
            seen.UnionWith(shown);
        }
    }

    [Fact]
    public void The_first_counterexample_is_the_one_the_first_failure_gives()
    {
        var first = Chaos.Check("await-in-turn", new ChaosOptions { Seed = 3 });
        var all = Chaos.Check("await-in-turn", new ChaosOptions { Seed = 3, AllFindings = true });

        Assert.Equal(first.Counterexample!.ScenarioJson, all.Counterexample!.ScenarioJson);
        Assert.Same(all.Counterexamples[0], all.Counterexample);
        Assert.Single(first.Counterexamples);
        Assert.True(all.Counterexamples.Count > 1);
        Assert.Contains($"{all.Counterexamples.Count} counterexamples", all.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void On_ten_thousand_trees_task_group_holds_and_the_supervisor_breaks_only_what_not_failing_fast_costs()
    {
        var taskGroup = Chaos.Check("task-group", new ChaosOptions { Seed = 20261124, MaxTrees = 10_000, AllFindings = true });
        Assert.True(taskGroup.Passed, taskGroup.Counterexample?.ToString());

        // Not fail-fast by design: a hung sibling nobody cancels after a failure also keeps the supervisor from ending.
        // And it takes every OperationCanceledException for a cancellation, so a child's own TaskCanceledException (an
        // HttpClient timeout, say) is lost: errors-observed.
        var supervisor = Chaos.Check("supervisor", new ChaosOptions { Seed = 20261124, MaxTrees = 10_000, AllFindings = true });
        Assert.Equal(
            ["errors-observed", "fail-fast", "terminates"],
            supervisor.Counterexamples.SelectMany(c => c.Violations).Select(v => v.Invariant).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(10_000, supervisor.TreesRun);
    }
}
