using ConcurrencyChaos.Model;
using static ConcurrencyChaos.Tests.Invariants.Trees;

namespace ConcurrencyChaos.Tests.Invariants;

/// <summary>
/// work-done: a root that ends successfully, with no cancellation by the caller before it, has started every node of
/// its tree. Work a group never started, while the caller is told everything went well, was skipped silently.
/// </summary>
public class WorkDoneTests
{
    private const string Id = "work-done";
    private static readonly TaskTree TwoLeaves = Tree(Succeeds(10), Succeeds(30));

    [Fact]
    public void Holds_on_the_ideal_run_which_starts_every_node()
    {
        Assert.Empty(Judging.Messages(Id, TwoLeaves, IdealTrace.Synthesize(TwoLeaves, ReferenceModel.Run(TwoLeaves))));
    }

    [Fact]
    public void A_child_never_started_under_a_successful_root_was_skipped()
    {
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0)
            .Ended("0.0", 10).Ended("0", 10)
            .Build();
        Assert.Equal(
            ["0.1 never started, though its group 0 ran and the root ended successfully at 10 ms with no cancellation by the caller"],
            Judging.Messages(Id, TwoLeaves, trace));
    }

    [Fact]
    public void A_pattern_that_runs_only_its_first_child_is_caught_in_a_real_run()
    {
        var report = Chaos.Run(TwoLeaves, (children, ct) => children[0](ct), invariants: [Id]);

        var skipped = Assert.IsType<SkippedWorkFinding>(Assert.Single(report.Violations).Finding);
        Assert.Equal(("0.1", "0", 10L), (skipped.NodeId, skipped.GroupId, skipped.RootEnded.Time));
    }

    [Fact]
    public void Skipping_is_no_violation_when_the_root_tells_the_caller_something_went_wrong()
    {
        var tree = Tree(Fails(10), Succeeds(30));
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0)
            .Fails("0.0", 10, ErrorKind.IOException).Ended("0", 10, NodeOutcome.Faulted)
            .Build();
        Assert.Empty(Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void Skipping_is_what_a_pattern_should_do_once_the_caller_cancelled()
    {
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0)
            .CallerCancelled(5).Cancelled("0.0", 5).Cancelled("0", 5)
            .Ended("0.0", 5).Ended("0", 5)
            .Build();
        Assert.Empty(Judging.Messages(Id, Tree(5, Succeeds(10), Succeeds(30)), trace));
    }

    [Fact]
    public void A_node_whose_group_never_started_is_reported_as_its_group()
    {
        var tree = Tree(Succeeds(10), new Group(Succeeds(5), Succeeds(5)));
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0)
            .Ended("0.0", 10).Ended("0", 10)
            .Build();
        Assert.Equal(["0.1"], Judging.Findings<SkippedWorkFinding>(Id, tree, trace).Select(f => f.NodeId));
    }
}
