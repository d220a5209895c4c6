using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ConcurrencyChaos.Tests.Acceptance;

/// <summary>Issue 3: TaskGroup keeps every invariant on generated trees, and agrees with the reference model.</summary>
public sealed class TaskGroupAcceptanceTests
{
    [Property(Arbitrary = [typeof(GeneratedTrees)], MaxTest = 3000)]
    public Property Task_group_violates_nothing_on_generated_trees(TaskTree tree)
    {
        var report = Chaos.Run(tree, "task-group");
        return report.Passed.Label(report.ToString());
    }

    [Fact]
    public void The_same_check_catches_a_naive_pattern_on_the_same_trees()
    {
        // Guards the property above against holding vacuously.
        var failing = GeneratedTrees.Sample(300, 3).Count(t => !Chaos.Run(t, "when-all").Passed);
        Assert.InRange(failing, 30, 300);
    }

    [Property(Arbitrary = [typeof(GeneratedTrees)], MaxTest = 3000)]
    public Property Task_group_agrees_with_the_reference_model_node_by_node(TaskTree tree)
    {
        var model = ReferenceModel.Run(tree);
        if (model.HasTies)
        {
            return true.Classify(true, "tie (not compared)");
        }

        var report = Chaos.Run(tree, "task-group");
        var problems = Differential.Disagreements(tree, model, report.Trace);
        return (problems.Count == 0).Label(string.Join("\n", problems) + "\n" + report + report.Trace.ToText());
    }

    [Fact]
    public void The_differential_comparison_covers_most_trees_and_catches_a_naive_pattern()
    {
        var trees = GeneratedTrees.Sample(1000, 5);
        var compared = trees.Where(t => !ReferenceModel.Run(t).HasTies).ToList();
        Assert.True(compared.Count > 600, $"only {compared.Count} of 1000 trees have no ties");

        // The comparison must see a difference where there is one: when-all never cancels siblings and loses errors.
        var disagreeing = compared.Count(t => Differential.Disagreements(t, ReferenceModel.Run(t), Chaos.Run(t, "when-all").Trace).Count > 0);
        Assert.True(disagreeing > 50, $"only {disagreeing} when-all runs disagreed with the model");
    }

    [Fact]
    public void Exactly_what_agrees_on_a_hand_built_tree_with_nesting_faults_and_caller_cancel()
    {
        // 0.0 fails at 10 and cancels 0.1 (a nested group) and 0.2; the caller cancels at 30, after all of it.
        var tree = new TaskTree(
            new Group(
                new Leaf { Work = 10, Then = LeafEnd.Fail, Error = ErrorKind.IOException },
                new Group(new Leaf { Work = 50 }, new Leaf { Work = 40, OnCancel = CancelBehavior.Fail, Cleanup = 5, CleanupError = ErrorKind.TimeoutException }),
                new Leaf { Then = LeafEnd.Hang, OnCancel = CancelBehavior.Swallow, Cleanup = 3 }),
            CancelAfter: 30);
        var model = ReferenceModel.Run(tree);
        Assert.False(model.HasTies);
        var trace = Chaos.Run(tree, "task-group").Trace;
        Assert.Empty(Differential.Disagreements(tree, model, trace));

        // And the figures themselves, so a shared mistake of model and runtime shows up too.
        Assert.Equal(10, trace.Node("0.1.0").TokenCancelled!.Time);
        Assert.Equal(15, trace.Node("0.1.1").Ended!.Time);
        Assert.Equal(13, trace.Node("0.2").Ended!.Time);
        Assert.Equal(15, trace.Node("0").Ended!.Time);
        Assert.Equal(
            [new InjectedError("0.0", ErrorKind.IOException, ErrorOrigin.Fail), new InjectedError("0.1.1", ErrorKind.TimeoutException, ErrorOrigin.Cleanup)],
            trace.Root.ObservedErrors.OrderBy(e => e.NodeId, StringComparer.Ordinal));
    }

    [Fact]
    public void A_consequence_of_the_cancellation_is_not_a_cause_of_it()
    {
        // 0.0 fails at 10 by its own work (it ignores its token); that cancels 0.1, which throws during a 0 ms cleanup, also at 10.
        // Only 0.0 caused the cancellation, and it had ended before it: its token is never cancelled while it runs.
        var tree = new TaskTree(new Group(
            new Leaf { Work = 10, Then = LeafEnd.Fail, OnCancel = CancelBehavior.Ignore },
            new Leaf { Work = 20, OnCancel = CancelBehavior.Fail }));
        var model = ReferenceModel.Run(tree);
        Assert.False(model.HasTies);
        Assert.Null(model["0.0"].TokenCancelledAt);
        Assert.Equal(10, model["0.1"].TokenCancelledAt);
        foreach (var seed in Enumerable.Range(0, 20))
        {
            var trace = Chaos.Run(tree with { Seed = seed }, "task-group").Trace;
            Assert.Null(trace.Node("0.0").TokenCancelled);
            Assert.Empty(Differential.Disagreements(tree, model, trace));
        }
    }

    [Fact]
    public void A_nested_group_whose_own_fault_cancels_its_parent_never_sees_that_cancellation_below()
    {
        // 0.0.0 fails at 10; that faults 0.0, which cancels the root group at 10, after the whole of 0.0 has ended.
        var tree = new TaskTree(new Group(
            new Group(new Leaf { Work = 10, Then = LeafEnd.Fail }),
            new Leaf { Then = LeafEnd.Hang }));
        var model = ReferenceModel.Run(tree);
        Assert.False(model.HasTies);
        Assert.Null(model["0.0"].TokenCancelledAt);
        Assert.Null(model["0.0.0"].TokenCancelledAt);
        foreach (var seed in Enumerable.Range(0, 20))
        {
            var trace = Chaos.Run(tree with { Seed = seed }, "task-group").Trace;
            Assert.Empty(Differential.Disagreements(tree, model, trace));
        }
    }

    [Fact]
    public void An_ignoring_leaf_that_ends_in_the_instant_its_group_is_cancelled_is_a_tie()
    {
        // 0.0 fails at 10; 0.1 ignores its token and succeeds at 10. Which runs first depends on the seed,
        // so whether 0.1 records its token cancelled depends on it too.
        var tree = new TaskTree(new Group(
            new Leaf { Work = 10, Then = LeafEnd.Fail },
            new Leaf { Work = 10, OnCancel = CancelBehavior.Ignore }));
        Assert.True(ReferenceModel.Run(tree).HasTies);
        var seen = Enumerable.Range(0, 40)
            .Select(seed => Chaos.Run(tree with { Seed = seed }, "task-group").Trace.Node("0.1").TokenCancelled is not null)
            .ToHashSet();
        Assert.Equal([false, true], seen.Order());
    }

    [Fact]
    public void A_root_that_faults_in_the_instant_the_caller_cancels_is_a_tie()
    {
        // 0.0 ignores its token and fails at 10, when the caller cancels: whether the root still runs when its
        // token is cancelled depends on the seed.
        var tree = new TaskTree(new Group(new Leaf { Work = 10, Then = LeafEnd.Fail, OnCancel = CancelBehavior.Ignore }), CancelAfter: 10);
        Assert.True(ReferenceModel.Run(tree).HasTies);
        var seen = Enumerable.Range(0, 40)
            .Select(seed => Chaos.Run(tree with { Seed = seed }, "task-group").Trace.Node("0").TokenCancelled is not null)
            .ToHashSet();
        Assert.Equal([false, true], seen.Order());
    }

    [Fact]
    public void A_group_whose_cleanup_ends_in_the_instant_the_caller_cancels_is_a_tie()
    {
        // 0.0.0 fails at 5 and cancels 0.0.1, whose 5 ms cleanup ends 0.0 (and so the root) at 10, when the caller cancels.
        var tree = new TaskTree(
            new Group(new Group(new Leaf { Work = 5, Then = LeafEnd.Fail }, new Leaf { Then = LeafEnd.Hang, Cleanup = 5 })),
            CancelAfter: 10);
        Assert.True(ReferenceModel.Run(tree).HasTies);
        var seen = Enumerable.Range(0, 40)
            .Select(seed => Chaos.Run(tree with { Seed = seed }, "task-group").Trace.Node("0").TokenCancelled is not null)
            .ToHashSet();
        Assert.Equal([false, true], seen.Order());
    }
}
