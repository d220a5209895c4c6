using ConcurrencyChaos.Generation;
using ConcurrencyChaos.Model;
using FsCheck;
using FsCheck.Fluent;
using static ConcurrencyChaos.Tests.Invariants.Trees;

namespace ConcurrencyChaos.Tests.Invariants;

/// <summary>
/// The reference model on what issue 15 added: leaves that wait on an outer token, errors shaped like cancellations,
/// groups whose pattern declares a bound (the ideal throttle), and the shortcut that skips trees that cannot hang.
/// </summary>
public sealed class ReferenceModelBreadthTests
{
    private const NodeOutcome Ok = NodeOutcome.RanToCompletion;
    private const NodeOutcome Faulted = NodeOutcome.Faulted;
    private const NodeOutcome Canceled = NodeOutcome.Canceled;

    private static readonly ConcurrencyBounds Two = new(2, _ => null);

    private static void Node(ReferenceOutcome run, string id, long? start, long? cancelled, long? end, NodeOutcome? outcome) =>
        Assert.Equal((start, cancelled, end, outcome), (run[id].Start, run[id].TokenCancelledAt, run[id].End, run[id].Outcome));

    [Fact]
    public void A_leaf_waiting_on_the_callers_token_goes_on_after_its_group_is_cancelled_and_ends_when_the_caller_cancels()
    {
        // 0.1 fails at 10, which cancels 0.0's own token; 0.0 waits on the caller's, cancelled at 50.
        var run = ReferenceModel.Run(Tree(50, new Leaf { Then = LeafEnd.Hang, OuterToken = 1, Cleanup = 5 }, Fails(10)));
        Node(run, "0.0", 0, 10, 55, Canceled);
        Assert.True(run["0.0"].SawCancellation);
        Node(run, "0", 0, 50, 55, Faulted);
        Assert.False(run.HasTies);

        // Nobody cancels the caller's token: the ideal group waits forever.
        Assert.False(ReferenceModel.Run(Tree(new Leaf { Then = LeafEnd.Hang, OuterToken = 1 }, Fails(10))).Terminates);
    }

    [Fact]
    public void A_leaf_waiting_on_an_outer_token_does_all_its_work_when_only_its_group_is_cancelled()
    {
        var run = ReferenceModel.Run(Tree(new Leaf { Work = 30, OuterToken = 1 }, Fails(10)));
        Node(run, "0.0", 0, 10, 30, Ok);
        Assert.False(run["0.0"].SawCancellation);
        Node(run, "0", 0, null, 30, Faulted);
    }

    [Fact]
    public void Levels_count_groups_out_and_every_level_past_the_root_is_the_callers()
    {
        // 0.0.0 waits on the token group 0.0 was given, which the root cancels when 0.1 fails at 10;
        // 0.0.1 waits on the token the root was given: the caller's, cancelled at 40.
        static TaskTree Nested(int outer) => Tree(40, new Group(new Leaf { Then = LeafEnd.Hang, OuterToken = outer }), Fails(10));
        Node(ReferenceModel.Run(Nested(1)), "0.0.0", 0, 10, 10, Canceled);
        Node(ReferenceModel.Run(Nested(2)), "0.0.0", 0, 10, 40, Canceled);
        static IEnumerable<(string, long?, long?, long?, NodeOutcome?)> Figures(ReferenceOutcome run) =>
            run.Nodes.Select(n => (n.Id, n.Start, n.TokenCancelledAt, n.End, n.Outcome));
        Assert.Equal(Figures(ReferenceModel.Run(Nested(2))), Figures(ReferenceModel.Run(Nested(7))));
    }

    [Fact]
    public void An_outer_token_cancelled_in_the_instant_the_work_is_done_is_a_tie()
    {
        Assert.True(ReferenceModel.Run(Tree(20, new Leaf { Work = 20, OuterToken = 1 }, Fails(10))).HasTies);
        Assert.False(ReferenceModel.Run(Tree(21, new Leaf { Work = 20, OuterToken = 1 }, Fails(10))).HasTies);
    }

    [Theory]
    [InlineData(ErrorKind.OperationCanceledException)]
    [InlineData(ErrorKind.TaskCanceledException)]
    public void An_error_shaped_like_a_cancellation_faults_like_any_error(ErrorKind kind)
    {
        var run = ReferenceModel.Run(Tree(Fails(10, kind), Succeeds(20)));
        Node(run, "0.0", 0, null, 10, Faulted);
        Node(run, "0.1", 0, 10, 10, Canceled);
        Node(run, "0", 0, null, 10, Faulted);
        Assert.Equal([new InjectedError("0.0", kind, ErrorOrigin.Fail)], run.ThrownErrors);
    }

    [Fact]
    public void A_bounded_group_starts_each_later_child_in_the_slot_of_the_first_to_end()
    {
        var run = ReferenceModel.Run(Tree(Succeeds(10), Succeeds(30), Succeeds(5), Succeeds(40), Succeeds(0)), Two);
        Node(run, "0.0", 0, null, 10, Ok);
        Node(run, "0.1", 0, null, 30, Ok);
        Node(run, "0.2", 10, null, 15, Ok);
        Node(run, "0.3", 15, null, 55, Ok);
        Node(run, "0.4", 30, null, 30, Ok);
        Node(run, "0", 0, null, 55, Ok);
        Assert.False(run["0"].Synchronous);

        // Unbounded, as before.
        Node(ReferenceModel.Run(Tree(Succeeds(10), Succeeds(30), Succeeds(5))), "0.2", 0, null, 5, Ok);
    }

    [Fact]
    public void A_bounded_group_behind_hung_children_never_starts_the_rest()
    {
        var tree = Tree(Hangs(), Hangs(), Fails(10));
        var bounded = ReferenceModel.Run(tree, Two);
        Assert.False(bounded.Terminates);
        Assert.Null(bounded["0.2"].Start);
        Assert.True(ReferenceModel.Run(tree).Terminates);

        // The caller's cancellation frees the slots, but a cancelled group starts nothing more.
        var cancelled = ReferenceModel.Run(tree with { CancelAfter = 50 }, Two);
        Assert.True(cancelled.Terminates);
        Node(cancelled, "0.0", 0, 50, 50, Canceled);
        Assert.Null(cancelled["0.2"].Start);
        Node(cancelled, "0", 0, 50, 50, Canceled);
    }

    [Fact]
    public void A_fault_frees_its_slot_but_starts_nothing_in_it()
    {
        var run = ReferenceModel.Run(Tree(Fails(10), Succeeds(30), Succeeds(5)), Two);
        Node(run, "0.1", 0, 10, 10, Canceled);
        Assert.Null(run["0.2"].Start);
        Node(run, "0", 0, null, 10, Faulted);
        Assert.False(run.HasTies);
    }

    [Fact]
    public void A_slot_that_frees_in_the_instant_the_caller_cancels_races_the_refill()
    {
        var run = ReferenceModel.Run(Tree(10, Succeeds(10), Succeeds(30), Succeeds(5)), Two);
        Assert.True(run.HasTies);
        Node(run, "0.2", 10, 10, 10, Canceled);
    }

    [Fact]
    public void A_child_that_fails_in_the_slot_it_is_given_cancels_after_the_refill_not_before_it()
    {
        // One at a time: 0.0 (a group) ends at 10 by its own work, and 0.1 throws synchronously in the slot it frees. That
        // fault cancels the group at 10 but cannot come before the refill it comes from (seeing it as first made the
        // simulation undo the fault, then redo it, forever).
        var run = ReferenceModel.Run(Tree(new Group(Succeeds(10)), ThrowsSync()), new ConcurrencyBounds(1, _ => null));
        Node(run, "0.1", 10, null, 10, Faulted);
        Node(run, "0", 0, null, 10, Faulted);
        Assert.True(run.HasTies);
    }

    [Fact]
    public void Bounds_follow_the_pattern_that_runs_each_group()
    {
        // The root runs the pattern under test (unbounded here); the nested group names a catalog pattern bounded to 1.
        var bounds = new ConcurrencyBounds(null, id => id == "one-at-a-time" ? 1 : null);
        var tree = Tree(Succeeds(5), new Group(Succeeds(10), Succeeds(10)) { Pattern = "one-at-a-time" });
        var run = ReferenceModel.Run(tree, bounds);
        Node(run, "0.1.1", 10, null, 20, Ok);
        Node(run, "0", 0, null, 20, Ok);
        Assert.Equal(1, bounds.Of(new Group(new Leaf()) { Pattern = "one-at-a-time" }));
        Assert.Null(bounds.Of(new Group(new Leaf())));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConcurrencyBounds(0, _ => null));
    }

    [Fact]
    public void A_tree_that_finishes_only_if_a_synchronous_fault_starts_before_a_sibling_hung_on_the_callers_token_is_no_search_tree()
    {
        // In order, 0.0 faults before 0.1 starts; started first (children may start in any order), 0.1 waits forever.
        var tree = Tree(Fails(0), new Leaf { Then = LeafEnd.Hang, OuterToken = 1 });
        Assert.True(ReferenceModel.Run(tree).Terminates);
        Assert.False(ReferenceModel.TerminatesInAnyStartOrder(tree, ConcurrencyBounds.None));
        Assert.False(ChaosTrees.CanFinish(tree));

        // The caller cancelling, its own token, or a fault that is not synchronous: the order does not decide.
        Assert.True(ReferenceModel.Finishes(tree with { CancelAfter = 50 }, ConcurrencyBounds.None));
        Assert.True(ReferenceModel.Finishes(Tree(Fails(0), Hangs()), ConcurrencyBounds.None));
        Assert.False(ReferenceModel.Run(Tree(Fails(1), new Leaf { Then = LeafEnd.Hang, OuterToken = 1 })).Terminates);
    }

    [Fact]
    public void When_the_caller_cancels_only_a_hang_that_ignores_its_token_can_keep_a_tree_from_ending()
    {
        // Every token is then cancelled in time: hangs on their own token or an outer one see it and end.
        var hangs = Tree(Hangs(), new Leaf { Then = LeafEnd.Hang, OuterToken = 1 }) with { CancelAfter = 50 };
        Assert.True(ReferenceModel.Finishes(hangs, ConcurrencyBounds.None));
        Assert.True(ReferenceModel.Finishes(hangs, Two));

        // One that ignores it (never generated, but a tree may say so) waits forever: the full run decides.
        var ignores = Tree(new Leaf { Then = LeafEnd.Hang, OnCancel = CancelBehavior.Ignore }) with { CancelAfter = 50 };
        Assert.False(ReferenceModel.Run(ignores).Terminates);
        Assert.False(ReferenceModel.Terminates(ignores, ConcurrencyBounds.None));
        Assert.False(ReferenceModel.Finishes(ignores, ConcurrencyBounds.None));
    }

    [Fact]
    public void A_hang_beside_a_failing_or_throwing_leaf_ends_unless_a_bounded_group_never_starts_that_leaf()
    {
        // The group's token is cancelled by the fault, so the hang on it ends, and so does one a group further in.
        Assert.True(ReferenceModel.Finishes(Tree(Hangs(), Fails(30)), ConcurrencyBounds.None));
        Assert.True(ReferenceModel.Finishes(Tree(new Group(Hangs(), Succeeds(5)), new Leaf { Then = LeafEnd.ThrowSync }), ConcurrencyBounds.None));
        Assert.True(ReferenceModel.Finishes(Tree(new Group(new Leaf { Then = LeafEnd.Hang, OuterToken = 1 }), Fails(30)), ConcurrencyBounds.None));

        // Not a token further out: the caller's never is.
        Assert.False(ReferenceModel.Finishes(Tree(new Group(new Leaf { Then = LeafEnd.Hang, OuterToken = 2 }), Fails(30)), ConcurrencyBounds.None));

        // Two at a time behind two hangs, the failing leaf never starts.
        var throttled = Tree(Hangs(), Hangs(), Fails(30));
        Assert.True(ReferenceModel.Finishes(throttled, ConcurrencyBounds.None));
        Assert.False(ReferenceModel.Finishes(throttled, Two));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_termination_shortcut_agrees_with_the_full_run_on_generated_trees(int? bound)
    {
        var bounds = bound is null ? ConcurrencyBounds.None : new ConcurrencyBounds(bound, _ => bound);
        // Unfiltered: the shortcut must say "no" exactly where the full run does.
        var unfiltered = Enumerable.Range(0, 3000).Select(i => Gen.Sample(TreeGenerator.Trees(24, 4), 1, new Rnd(12UL + (ulong)i), i % 101)[0]);
        foreach (var tree in unfiltered)
        {
            Assert.Equal(ReferenceModel.Run(tree, bounds).Terminates, ReferenceModel.Terminates(tree, bounds));

            // The filter's ends-only simulation (no ids, errors or records below a subtree's own node) says what the full run does.
            Assert.Equal(ReferenceModel.Run(tree, bounds).Terminates, ReferenceModel.Ends(tree, bounds));
            Assert.Equal(ReferenceModel.RunInAnyStartOrder(tree, bounds).Terminates, ReferenceModel.EndsInAnyStartOrder(tree, bounds));

            // In any start order, it looks only at hangs on outer tokens: a tree another hang keeps from ending fails Terminates.
            var ends = ReferenceModel.Run(tree, bounds).Terminates && ReferenceModel.EndsInAnyStartOrder(tree, bounds);
            Assert.Equal(ends, ReferenceModel.Finishes(tree, bounds));
        }
    }
}
