using ConcurrencyChaos.Generation;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Shrinking;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ConcurrencyChaos.Tests.Shrinking;

/// <summary>Every shrink step makes a tree strictly simpler; shrinking ends; the named steps exist.</summary>
public sealed class TreeShrinkerTests
{
    public static Arbitrary<TaskTree> Trees() => Arb.From(ChaosTrees.Arbitrary(operations: ["charge-card", "send-email"]).Generator);

    /// <summary>
    /// How complex a tree is, compared lexicographically: node count; then total virtual time (work, cleanup and
    /// the caller's cancel time); then how exotic its leaves and groups are (a leaf's end, cancel behaviour and
    /// error kinds off their defaults, an operation, its outer token's level, named group patterns, and having a caller
    /// cancel at all); then the seed.
    /// </summary>
    internal static (int Nodes, long Time, int Exotic, int Seed) Measure(TaskTree tree)
    {
        var nodes = tree.Entries().Select(e => e.Node).ToList();
        var leaves = nodes.OfType<Leaf>().ToList();
        var time = leaves.Sum(l => (long)l.Work + l.Cleanup) + (tree.CancelAfter ?? 0);
        var exotic = leaves.Sum(l =>
                (l.Then switch { LeafEnd.Succeed => 0, LeafEnd.ThrowSync => 2, _ => 1 })
                + (l.OnCancel == CancelBehavior.Throw ? 0 : 1)
                + (l.Error == ErrorKind.InvalidOperationException ? 0 : 1)
                + (l.CleanupError == ErrorKind.InvalidOperationException ? 0 : 1)
                + (l.Operation is null ? 0 : 1)
                + l.OuterToken)
            + nodes.OfType<Group>().Count(g => g.Pattern is not null)
            + (tree.CancelAfter is null ? 0 : 1);
        return (tree.NodeCount, time, exotic, tree.Seed);
    }

    [Property(Arbitrary = [typeof(TreeShrinkerTests)], MaxTest = 500)]
    public Property Every_candidate_is_strictly_simpler(TaskTree tree)
    {
        var measure = Measure(tree);
        var notSimpler = TreeShrinker.Shrink(tree).Where(c => Measure(c).CompareTo(measure) >= 0).ToList();
        return (notSimpler.Count == 0).Label($"{measure} -> {string.Join(", ", notSimpler.Select(Measure))}");
    }

    [Property(Arbitrary = [typeof(TreeShrinkerTests)], MaxTest = 300)]
    public Property Every_offered_candidate_terminates_under_ideal_semantics_and_keeps_a_child(TaskTree tree) =>
        ChaosTrees.Arbitrary().Shrinker(tree).All(c => Model.ReferenceModel.Run(c).Terminates && c.Root.Children.Count > 0).ToProperty();

    [Property(Arbitrary = [typeof(TreeShrinkerTests)], MaxTest = 200)]
    public Property Shrinking_always_terminates_even_when_everything_fails(TaskTree tree)
    {
        // "Always fails" walks the longest path: it must still reach a tree with no candidates.
        var result = GreedyShrinker.Shrink(tree, ChaosTrees.Arbitrary().Shrinker, _ => true, maxRuns: int.MaxValue);
        return (!result.Exhausted && !ChaosTrees.Arbitrary().Shrinker(result.Tree).Any() && result.Tree.NodeCount == 2)
            .Label($"{result.Steps} steps to {result.Tree}");
    }

    [Fact]
    public void Greedy_shrinking_is_deterministic_and_one_minimal()
    {
        var tree = Gen.Sample(ChaosTrees.Arbitrary().Generator, 1, new Rnd(5UL), 100)[0];
        static bool Fails(TaskTree t) => t.Entries().Count(e => e.Node is Leaf { Then: LeafEnd.Fail or LeafEnd.ThrowSync }) >= 2 || t.NodeCount > 6;
        var first = GreedyShrinker.Shrink(tree, ChaosTrees.Arbitrary().Shrinker, Fails, 100_000);
        var second = GreedyShrinker.Shrink(tree, ChaosTrees.Arbitrary().Shrinker, Fails, 100_000);
        Assert.Equal(first, second);
        Assert.DoesNotContain(ChaosTrees.Arbitrary().Shrinker(first.Tree), Fails);
    }

    [Fact]
    public void Shrinking_stops_at_its_run_budget()
    {
        var tree = Gen.Sample(ChaosTrees.Arbitrary().Generator, 1, new Rnd(9UL), 100)[0];
        var result = GreedyShrinker.Shrink(tree, ChaosTrees.Arbitrary().Shrinker, _ => false, maxRuns: 1);
        Assert.True(result.Exhausted || !ChaosTrees.Arbitrary().Shrinker(tree).Skip(1).Any());
        Assert.Equal(1, result.Runs);
        Assert.Equal(tree, result.Tree);
    }

    private static readonly Leaf FailAt10 = new() { Work = 10, Then = LeafEnd.Fail };
    private static readonly Leaf Plain = new();

    [Fact]
    public void A_subtree_can_be_removed()
    {
        var tree = new TaskTree(new Group(FailAt10, new Group(Plain, Plain), Plain));
        var candidates = TreeShrinker.Shrink(tree).ToList();
        Assert.Contains(tree with { Root = new Group(FailAt10, Plain) }, candidates); // the nested group, whole
        Assert.Contains(tree with { Root = new Group(new Group(Plain, Plain), Plain) }, candidates);
        Assert.Contains(tree with { Root = new Group(FailAt10, new Group(Plain), Plain) }, candidates);

        // The last child of a group is never removed (a group has at least one child).
        Assert.DoesNotContain(candidates, c => c.Entries().Any(e => e.Node is Group { Children.Count: 0 }));
    }

    [Fact]
    public void A_child_can_be_hoisted_over_its_group()
    {
        var nested = new Group(FailAt10, Plain);
        var tree = new TaskTree(new Group(nested, Plain));
        var candidates = TreeShrinker.Shrink(tree).ToList();
        Assert.Contains(tree with { Root = new Group(FailAt10, Plain) }, candidates); // one child replaces the group
        Assert.Contains(tree with { Root = new Group(Plain, Plain) }, candidates);
        Assert.Contains(tree with { Root = new Group(FailAt10, Plain, Plain) }, candidates); // the group dissolves into its parent
    }

    [Fact]
    public void A_faulting_leaf_can_be_traded_for_a_caller_cancellation()
    {
        // First with the sibling left alone, cancelled at the removed leaf's fault instant; then, after every such
        // trade, with the sibling failing during cleanup with the removed leaf's error.
        var tree = new TaskTree(new Group(new Leaf { Work = 6 }, new Leaf { Work = 5, Then = LeafEnd.Fail, Error = ErrorKind.TimeoutException }));
        var candidates = TreeShrinker.Shrink(tree).ToList();
        var plain = candidates.IndexOf(new TaskTree(new Group(new Leaf { Work = 6 }), CancelAfter: 5));
        var rewritten = candidates.IndexOf(
            new TaskTree(new Group(new Leaf { Work = 6, OnCancel = CancelBehavior.Fail, CleanupError = ErrorKind.TimeoutException }), CancelAfter: 5));
        Assert.InRange(plain, 0, rewritten - 1);

        // A fault alone in its group goes with that group (and any above it that hold nothing else).
        var nested = new TaskTree(new Group(new Group(new Group(new Leaf { Work = 4, Then = LeafEnd.Fail })), new Leaf { Work = 6 }));
        var traded = TreeShrinker.Shrink(nested).ToList();
        Assert.Contains(new TaskTree(new Group(new Leaf { Work = 6 }), CancelAfter: 4), traded);
        Assert.Contains(new TaskTree(new Group(new Leaf { Work = 6, OnCancel = CancelBehavior.Fail }), CancelAfter: 4), traded);

        // A trade that would only remove the leaf (the caller already cancels by then) is the removal step, offered once.
        var cancelled = new TaskTree(new Group(new Leaf { Work = 6 }, new Leaf { Work = 5, Then = LeafEnd.Fail }), CancelAfter: 3);
        Assert.Single(TreeShrinker.Shrink(cancelled), c => c == new TaskTree(new Group(new Leaf { Work = 6 }), CancelAfter: 3));

        // A synchronous fault: the caller cancels at 1 ms (at 0 nothing would start), and the sibling works past it.
        var sync = new TaskTree(new Group(new Leaf { Work = 1 }, new Leaf { Then = LeafEnd.ThrowSync }), CancelAfter: 7);
        Assert.Contains(
            new TaskTree(new Group(new Leaf { Work = 2, OnCancel = CancelBehavior.Fail, CleanupError = ErrorKind.InvalidOperationException }), CancelAfter: 1),
            TreeShrinker.Shrink(sync));
    }

    [Fact]
    public void A_leaf_is_simplified_step_by_step()
    {
        var leaf = new Leaf { Work = 20, Then = LeafEnd.ThrowSync, Error = ErrorKind.TimeoutException, OnCancel = CancelBehavior.Swallow, Cleanup = 6, CleanupError = ErrorKind.IOException };
        var tree = new TaskTree(new Group(leaf), CancelAfter: 7, Seed: 5);
        var leaves = TreeShrinker.Shrink(tree).Where(c => c.CancelAfter == 7 && c.Seed == 5).Select(c => (Leaf)c.Root.Children[0]).ToList();
        Assert.Contains(leaf with { Then = LeafEnd.Fail }, leaves);
        Assert.Contains(leaf with { OnCancel = CancelBehavior.Throw }, leaves);
        Assert.Contains(leaf with { Error = ErrorKind.InvalidOperationException }, leaves);
        Assert.Contains(leaf with { CleanupError = ErrorKind.InvalidOperationException }, leaves);
        Assert.Contains(leaf with { Cleanup = 0 }, leaves);
        Assert.Contains(leaf with { Cleanup = 3 }, leaves);
        Assert.Contains(leaf with { Work = 0 }, leaves);
        Assert.Contains(leaf with { Work = 19 }, leaves);
        Assert.Contains(leaf with { Work = 15 }, leaves); // a quarter less

        var outer = new Leaf { Then = LeafEnd.Hang, OuterToken = 3 };
        var outerLeaves = TreeShrinker.Shrink(new TaskTree(new Group(outer), CancelAfter: 7)).Select(c => c.Root.Children[0]).ToList();
        Assert.Contains(outer with { OuterToken = 0 }, outerLeaves);
        Assert.Contains(outer with { OuterToken = 1 }, outerLeaves);
        Assert.Contains(outer with { OuterToken = 2 }, outerLeaves);

        var rest = TreeShrinker.Shrink(tree).Where(c => c.Root.Children[0] == leaf).ToList();
        Assert.Contains(tree with { CancelAfter = null }, rest);
        Assert.Contains(tree with { CancelAfter = 0 }, rest);
        Assert.Contains(tree with { CancelAfter = 6 }, rest);
        Assert.Contains(tree with { Seed = 0 }, rest);

        var hang = new TaskTree(new Group(new Leaf { Then = LeafEnd.Hang }), CancelAfter: 5);
        Assert.Contains(hang with { Root = new Group(new Leaf()) }, TreeShrinker.Shrink(hang));
    }

    [Fact]
    public void A_wide_group_loses_half_of_its_children_at_once()
    {
        Leaf[] leaves = [.. Enumerable.Range(0, 5).Select(i => new Leaf { Work = i })];
        var tree = new TaskTree(new Group(leaves));
        var candidates = TreeShrinker.Shrink(tree).Take(2).ToList();
        Assert.Equal([tree with { Root = new Group(leaves[2..]) }, tree with { Root = new Group(leaves[..3]) }], candidates);
    }

    [Fact]
    public void A_delay_of_minutes_shrinks_to_a_threshold_in_a_few_dozen_runs()
    {
        // A 30 s deadline: only work past it fails. Greedy shrinking must reach 30001 exactly, without a run per ms.
        var tree = new TaskTree(new Group(new Leaf { Work = 287_000 }));
        var result = GreedyShrinker.Shrink(tree, TreeShrinker.Shrink, t => ((Leaf)t.Root.Children[0]).Work > 30_000, maxRuns: 1000);
        Assert.False(result.Exhausted);
        Assert.Equal(30_001, ((Leaf)result.Tree.Root.Children[0]).Work);
        Assert.InRange(result.Runs, 1, 400);
    }

    [Fact]
    public void A_fully_simple_tree_has_no_candidates()
    {
        Assert.Empty(TreeShrinker.Shrink(new TaskTree(new Group(new Leaf()))));
    }
}
