using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;
using static ConcurrencyChaos.Tests.Invariants.Trees;

namespace ConcurrencyChaos.Tests.Invariants;

public class NoOrphansTests
{
    private const string Id = "no-orphans";
    private static readonly TaskTree TwoLeaves = Tree(Succeeds(10), Succeeds(30));

    [Fact]
    public void Holds_when_every_child_ends_before_its_group()
    {
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
            .Ended("0.0", 10).Ended("0.1", 30).Ended("0", 30)
            .Build();
        Assert.Empty(Judging.Messages(Id, TwoLeaves, trace));
    }

    [Fact]
    public void A_child_that_ended_after_its_group_is_an_orphan()
    {
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
            .Ended("0.0", 10).Ended("0", 10).Ended("0.1", 30)
            .Build();
        Assert.Equal(["0.1 was still running when its group 0 ended at 10 ms (it ended at 30 ms)"], Judging.Messages(Id, TwoLeaves, trace));
    }

    [Fact]
    public void Order_counts_even_in_the_same_instant()
    {
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
            .Ended("0.0", 10).Ended("0", 10).Ended("0.1", 10)
            .Build();
        Assert.Equal(["0.1 was still running when its group 0 ended at 10 ms (it ended at 10 ms)"], Judging.Messages(Id, TwoLeaves, trace));
    }

    [Fact]
    public void A_child_that_never_ended_is_an_orphan()
    {
        var tree = Tree(Succeeds(10), Hangs());
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
            .Ended("0.0", 10).Ended("0", 10)
            .Build();
        Assert.Equal(["0.1 never ended, though its group 0 ended at 10 ms"], Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void A_child_started_after_its_group_ended_is_an_orphan()
    {
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0)
            .Ended("0.0", 10).Ended("0", 10)
            .Started("0.1", 10).Ended("0.1", 40)
            .Build();
        Assert.Equal(["0.1 started at 10 ms, after its group 0 ended at 10 ms (it ended at 40 ms)"], Judging.Messages(Id, TwoLeaves, trace));
    }

    [Fact]
    public void Orphans_are_judged_against_their_own_group()
    {
        var tree = Tree(Succeeds(10), new Group(Succeeds(5), Succeeds(20)));
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0).Started("0.1.0", 0).Started("0.1.1", 0)
            .Ended("0.1.0", 5).Ended("0.1", 5).Ended("0.0", 10).Ended("0.1.1", 20).Ended("0", 20)
            .Build();
        Assert.Equal(["0.1.1 was still running when its group 0.1 ended at 5 ms (it ended at 20 ms)"], Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void A_group_that_never_ended_makes_no_orphan_claim()
    {
        var tree = Tree(Succeeds(10), Hangs());
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
            .Ended("0.0", 10)
            .Build();
        Assert.Empty(Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void Orphans_are_reported_in_tree_order()
    {
        var tree = Tree(Hangs(), new Group(Hangs()), Hangs());
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0).Started("0.1.0", 0).Started("0.2", 0)
            .Ended("0.1", 0).Ended("0", 0)
            .Build();
        Assert.Equal(
            [
                "0.0 never ended, though its group 0 ended at 0 ms",
                "0.1.0 never ended, though its group 0.1 ended at 0 ms",
                "0.2 never ended, though its group 0 ended at 0 ms",
            ],
            Judging.Messages(Id, tree, trace));
    }

    [Fact]
    public void The_finding_names_the_orphan_its_group_and_when_each_ended()
    {
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
            .Ended("0.0", 10).Ended("0", 10).Ended("0.1", 30)
            .Build();
        var orphan = Assert.Single(Judging.Findings<OrphanFinding>(Id, TwoLeaves, trace));
        Assert.Equal(("0.1", "0", 10L, 30L, OrphanKind.EndedAfterGroup), (orphan.NodeId, orphan.GroupId, orphan.GroupEnded.Time, orphan.Ended?.Time, orphan.Kind));
        Assert.Same(trace.Node("0").Ended, orphan.GroupEnded);
    }
}
