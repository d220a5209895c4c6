using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Patterns;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Tests.Runtime;

/// <summary>
/// PCT (<see cref="PctStrategy"/>): each logical task gets a random priority, the highest-priority task runs on while it
/// has work, and at d − 1 change points, drawn from the seed, the task about to run drops below all others.
/// </summary>
public class PctStrategyTests
{
    private static readonly ThreadLocal<List<string>> Taken = new(() => []);

    [Fact]
    public void Without_change_points_one_task_runs_on_until_it_has_no_work()
    {
        // Depth 1: no change points. Two items of task a, two of task b.
        var a = new object();
        var b = new object();
        var strategy = new PctStrategy(seed: 4, depth: 1, estimatedDecisions: 10);
        strategy.Add(Item(a, "a1"));
        strategy.Add(Item(b, "b1"));
        strategy.Add(Item(a, "a2"));
        strategy.Add(Item(b, "b2"));

        var taken = Drain(strategy);

        Assert.True(taken is ["a1", "a2", "b1", "b2"] or ["b1", "b2", "a1", "a2"], string.Join(", ", taken));
    }

    [Fact]
    public void Depth_d_draws_d_minus_one_distinct_change_points_within_the_estimate()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var points = new PctStrategy(seed, depth: 4, estimatedDecisions: 6).ChangePointsForTesting;
            Assert.Equal(3, points.Count);
            Assert.Equal(points.Order().Distinct(), points);
            Assert.All(points, p => Assert.InRange(p, 0, 5));
        }

        Assert.Equal([0], new PctStrategy(1, depth: 3, estimatedDecisions: 1).ChangePointsForTesting);
    }

    [Fact]
    public void At_a_change_point_the_task_about_to_run_drops_below_the_others()
    {
        // One change point among two decisions: whichever task runs first loses the CPU at one of them.
        var orders = new HashSet<string>();
        for (var seed = 0; seed < 40; seed++)
        {
            var a = new object();
            var b = new object();
            var strategy = new PctStrategy(seed, depth: 2, estimatedDecisions: 2);
            strategy.Add(Item(a, "a1"));
            strategy.Add(Item(a, "a2"));
            strategy.Add(Item(b, "b1"));
            orders.Add(string.Join(" ", Drain(strategy)));
        }

        Assert.Contains("b1 a1 a2", orders); // a lowered at the first decision, or b ranked first and lowered at once
        Assert.Contains("a1 b1 a2", orders); // a preempted between its two items: what plain priorities never do
    }

    [Fact]
    public void The_same_tree_gives_the_same_trace_under_pct()
    {
        var trees = ChaosTrees.Arbitrary();
        var options = new RunOptions { Strategy = SchedulingStrategy.Pct };
        foreach (var pattern in PatternCatalog.All.Where(p => p.RunsControlled))
        {
            for (var index = 0; index < 30; index++)
            {
                var tree = ChaosSearch.TreeAt(trees.Generator, 11, index);
                Assert.Equal(Chaos.Run(tree, pattern.Id, options).Trace.ToText(), Chaos.Run(tree, pattern.Id, options).Trace.ToText());
            }
        }
    }

    [Fact]
    public void Pct_is_chosen_in_the_run_options_and_orders_interleavings_differently_from_random()
    {
        var trees = ChaosTrees.Arbitrary();
        var differ = Enumerable.Range(0, 100)
            .Select(index => ChaosSearch.TreeAt(trees.Generator, 5, index))
            .Count(tree => Chaos.Run(tree, "when-all").Trace.ToText() != Chaos.Run(tree, "when-all", new RunOptions { Strategy = SchedulingStrategy.Pct }).Trace.ToText());
        Assert.True(differ > 0);
    }

    [Fact]
    public void A_depth_below_one_is_refused_naming_it()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Chaos.Check("when-all", new ChaosOptions { Run = new RunOptions { Strategy = SchedulingStrategy.Pct, PctDepth = 0 } }));
        Assert.Equal("Run.PctDepth", error.ParamName);
    }

    /// <summary>A ready item of <paramref name="task"/> (its state, as a timer's owner is) that says its name when it runs.</summary>
    private static WorkItem Item(object task, string name) => WorkItem.Post(_ => Taken.Value!.Add(name), task);

    private static List<string> Drain(PctStrategy strategy)
    {
        Taken.Value = [];
        while (strategy.Count > 0)
        {
            var item = strategy.Take();
            item.Callback!(item.State);
        }

        return Taken.Value;
    }
}
