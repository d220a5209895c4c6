using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;
using static ConcurrencyChaos.Tests.Invariants.Trees;

namespace ConcurrencyChaos.Tests.Invariants;

public class ReferenceModelTests
{
    private const NodeOutcome Ok = NodeOutcome.RanToCompletion;
    private const NodeOutcome Faulted = NodeOutcome.Faulted;
    private const NodeOutcome Canceled = NodeOutcome.Canceled;

    /// <summary>Asserts what the ideal run does with one node: (start, token cancelled, end, outcome).</summary>
    private static void Node(ReferenceOutcome run, string id, long? start, long? cancelled, long? end, NodeOutcome? outcome) =>
        Assert.Equal((start, cancelled, end, outcome), (run[id].Start, run[id].TokenCancelledAt, run[id].End, run[id].Outcome));

    [Fact]
    public void Leaves_that_nobody_cancels_do_their_work_and_end_as_then_says()
    {
        var run = ReferenceModel.Run(Tree(Succeeds(10), Fails(30, ErrorKind.TimeoutException)));
        Node(run, "0.0", 0, null, 10, Ok);
        Node(run, "0.1", 0, null, 30, Faulted);
        Node(run, "0", 0, null, 30, Faulted);
        Assert.Equal([new InjectedError("0.1", ErrorKind.TimeoutException, ErrorOrigin.Fail)], run.ThrownErrors);
        Assert.True(run.Terminates);
        Assert.False(run.HasTies);
    }

    [Fact]
    public void ThrowSync_faults_at_its_start_synchronously_whatever_the_token()
    {
        var run = ReferenceModel.Run(Tree(ThrowsSync()));
        Node(run, "0.0", 0, null, 0, Faulted);
        Assert.True(run["0.0"].Synchronous);
        Assert.Equal([new InjectedError("0.0", ErrorKind.IOException, ErrorOrigin.ThrowSync)], run["0.0"].Errors);
        Assert.Equal(Faulted, run.RootOutcome);
        Assert.Equal(0, run.RootEnd);
    }

    [Theory]
    [InlineData(LeafEnd.Succeed, NodeOutcome.RanToCompletion)]
    [InlineData(LeafEnd.Fail, NodeOutcome.Faulted)]
    public void A_leaf_that_ignores_its_token_does_all_its_work(LeafEnd then, NodeOutcome outcome)
    {
        var run = ReferenceModel.Run(Tree(20, new Leaf { Work = 50, Then = then, OnCancel = CancelBehavior.Ignore, Cleanup = 7 }));
        Node(run, "0.0", 0, 20, 50, outcome);
        Node(run, "0", 0, 20, 50, outcome == Ok ? Canceled : Faulted);
    }

    [Theory]
    [InlineData(CancelBehavior.Throw, NodeOutcome.Canceled)]
    [InlineData(CancelBehavior.Swallow, NodeOutcome.RanToCompletion)]
    [InlineData(CancelBehavior.Fail, NodeOutcome.Faulted)]
    public void A_leaf_cancelled_during_its_work_cleans_up_then_ends_as_OnCancel_says(CancelBehavior onCancel, NodeOutcome outcome)
    {
        var leaf = new Leaf { Work = 50, Then = LeafEnd.Fail, OnCancel = onCancel, Cleanup = 5, CleanupError = ErrorKind.HttpRequestException };
        var run = ReferenceModel.Run(Tree(20, leaf));
        Node(run, "0.0", 0, 20, 25, outcome);
        Assert.True(run["0.0"].SawCancellation);
        Assert.Equal(
            onCancel == CancelBehavior.Fail ? [new InjectedError("0.0", ErrorKind.HttpRequestException, ErrorOrigin.Cleanup)] : [],
            run.ThrownErrors);

        // Outer cancellation ends the group canceled even if the child swallowed it; faults win.
        Node(run, "0", 0, 20, 25, outcome == Faulted ? Faulted : Canceled);
    }

    [Fact]
    public void A_leaf_whose_token_is_cancelled_after_its_work_is_not_affected()
    {
        var run = ReferenceModel.Run(Tree(60, Succeeds(50)));
        Node(run, "0.0", 0, null, 50, Ok);
        Node(run, "0", 0, null, 50, Ok);
        Assert.False(run.HasTies);
    }

    [Fact]
    public void A_hang_ends_only_when_cancelled()
    {
        var run = ReferenceModel.Run(Tree(20, Hangs(cleanup: 5, onCancel: CancelBehavior.Swallow)));
        Node(run, "0.0", 0, 20, 25, Ok);
        Node(run, "0", 0, 20, 25, Canceled);
    }

    [Fact]
    public void Work_ending_in_the_instant_its_token_is_cancelled_is_a_tie_resolved_as_work_first()
    {
        var run = ReferenceModel.Run(Tree(50, Fails(50)));
        Node(run, "0.0", 0, 50, 50, Faulted);
        Assert.Equal(ErrorOrigin.Fail, Assert.Single(run.ThrownErrors).Origin);
        Assert.True(run.HasTies);
    }

    [Fact]
    public void A_sibling_fault_in_the_instant_another_leaf_finishes_is_a_tie()
    {
        var run = ReferenceModel.Run(Tree(Fails(10), Succeeds(10)));
        Node(run, "0.1", 0, 10, 10, Ok);
        Assert.True(run.HasTies);
    }

    [Fact]
    public void A_synchronous_fault_stops_later_siblings_from_starting()
    {
        var run = ReferenceModel.Run(Tree(Succeeds(0), Succeeds(10), ThrowsSync(), Succeeds(10)));
        Node(run, "0.0", 0, null, 0, Ok); // done synchronously before the fault
        Node(run, "0.1", 0, 0, 0, Canceled); // running: cancelled by the fault at once
        Node(run, "0.2", 0, null, 0, Faulted);
        Node(run, "0.3", null, null, null, null); // never started
        Assert.False(run["0.3"].Started);
        Node(run, "0", 0, null, 0, Faulted);
        Assert.False(run.Root.Synchronous);
    }

    [Fact]
    public void A_nested_group_that_faults_synchronously_counts_as_a_synchronous_fault()
    {
        var run = ReferenceModel.Run(Tree(new Group(Succeeds(0), ThrowsSync()), Succeeds(5)));
        Assert.True(run["0.0"].Synchronous);
        Node(run, "0.0", 0, null, 0, Faulted);
        Assert.False(run["0.1"].Started);
        Assert.True(run.Root.Synchronous);
    }

    [Fact]
    public void A_nested_group_that_faults_at_its_start_but_not_synchronously_lets_later_siblings_start()
    {
        var run = ReferenceModel.Run(Tree(new Group(Hangs(), ThrowsSync()), Succeeds(5)));
        Node(run, "0.0.0", 0, 0, 0, Canceled);
        Node(run, "0.0", 0, null, 0, Faulted);
        Node(run, "0.1", 0, 0, 0, Canceled);
    }

    [Fact]
    public void A_group_done_synchronously_before_a_later_sibling_faults_ran_to_completion()
    {
        var run = ReferenceModel.Run(Tree(new Group(Succeeds(0)), ThrowsSync()));
        Node(run, "0.0", 0, null, 0, Ok);
        Node(run, "0", 0, null, 0, Faulted);
    }

    [Fact]
    public void A_fault_in_a_nested_group_cancels_its_siblings_and_then_the_outer_group()
    {
        var run = ReferenceModel.Run(Tree(new Group(Fails(10), Hangs(cleanup: 5)), Hangs()));
        Node(run, "0.0.0", 0, null, 10, Faulted);
        Node(run, "0.0.1", 0, 10, 15, Canceled);
        Node(run, "0.0", 0, null, 15, Faulted); // its own fault cancelled the outer group, after it ended
        Node(run, "0.1", 0, 15, 15, Canceled);
        Node(run, "0", 0, null, 15, Faulted);
        Assert.True(run.Terminates);
    }

    [Fact]
    public void Caller_cancellation_reaches_every_level_and_the_root_ends_canceled()
    {
        var run = ReferenceModel.Run(Tree(20, new Group(Hangs(), Succeeds(5)), Hangs(cleanup: 3, onCancel: CancelBehavior.Swallow)));
        Node(run, "0.0.0", 0, 20, 20, Canceled);
        Node(run, "0.0.1", 0, null, 5, Ok);
        Node(run, "0.0", 0, 20, 20, Canceled);
        Node(run, "0.1", 0, 20, 23, Ok);
        Node(run, "0", 0, 20, 23, Canceled);
        Assert.False(run.HasTies);
    }

    [Fact]
    public void A_caller_that_cancels_at_once_starts_no_child()
    {
        var run = ReferenceModel.Run(Tree(0, Fails(10), Hangs()));
        Node(run, "0", 0, 0, 0, Canceled);
        Assert.False(run["0.0"].Started);
        Assert.False(run["0.1"].Started);
    }

    [Fact]
    public void A_hang_that_nobody_cancels_never_terminates()
    {
        var run = ReferenceModel.Run(Tree(Succeeds(10), new Group(Hangs())));
        Assert.False(run.Terminates);
        Assert.Null(run.RootEnd);
        Assert.Null(run.RootOutcome);
        Node(run, "0.0", 0, null, 10, Ok);
        Node(run, "0.1.0", 0, null, null, null);
        Node(run, "0.1", 0, null, null, null);
    }

    [Fact]
    public void A_hang_rescued_by_a_sibling_fault_terminates()
    {
        var run = ReferenceModel.Run(Tree(Hangs(onCancel: CancelBehavior.Fail), Fails(10)));
        Assert.True(run.Terminates);
        Node(run, "0.0", 0, 10, 10, Faulted);
        Assert.Equal(
            [
                new InjectedError("0.0", ErrorKind.InvalidOperationException, ErrorOrigin.Cleanup),
                new InjectedError("0.1", ErrorKind.IOException, ErrorOrigin.Fail),
            ],
            run.ThrownErrors);
    }

    [Fact]
    public void A_hang_that_ignores_its_token_is_never_rescued()
    {
        var run = ReferenceModel.Run(Tree(Fails(10), new Leaf { Then = LeafEnd.Hang, OnCancel = CancelBehavior.Ignore }));
        Assert.False(run.Terminates);
        Node(run, "0.1", 0, 10, null, null);
    }

    [Fact]
    public void Two_faults_in_one_instant_are_a_tie_and_both_are_thrown()
    {
        var run = ReferenceModel.Run(Tree(Fails(10, ErrorKind.IOException), Fails(10, ErrorKind.TimeoutException), Hangs()));
        Assert.True(run.HasTies);
        Assert.Equal(2, run.ThrownErrors.Count);
        Node(run, "0.2", 0, 10, 10, Canceled);
    }
}
