using ConcurrencyChaos.Model;
using static ConcurrencyChaos.Tests.Invariants.Trees;

namespace ConcurrencyChaos.Tests.Invariants;

/// <summary>
/// assertion: your own property of your code, stated where it runs with <c>Chaos.Assert</c>. A false condition during a
/// run is recorded in the trace and breaks <c>assertion</c> with its message; a true one leaves no trace at all.
/// </summary>
public class AssertionTests
{
    private const string Id = "assertion";
    private static readonly TaskTree TwoLeaves = Tree(Succeeds(10), Succeeds(20));

    [Fact]
    public void A_false_assertion_in_the_wrapper_after_the_fan_out_is_a_violation_of_the_root()
    {
        var report = Chaos.Run(TwoLeaves, async (children, ct) =>
        {
            await Task.WhenAll(children.Select(child => child(ct)));
            Chaos.Assert(children.Count == 3, "expected three children");
        });

        var violation = Assert.Single(report.Violations);
        Assert.Equal(("assertion", "expected three children (Chaos.Assert in 0 at 20 ms)"), (violation.Invariant, violation.Message));
        var finding = Assert.IsType<AssertionFinding>(violation.Finding);
        Assert.Equal(("0", "expected three children", TraceEventKind.AssertionFailed), (finding.NodeId, finding.Message, finding.Failed.Kind));
    }

    [Fact]
    public void A_true_assertion_leaves_no_trace()
    {
        var report = Chaos.Run(TwoLeaves, async (children, ct) =>
        {
            await Task.WhenAll(children.Select(child => child(ct)));
            Chaos.Assert(children.Count == 2, "expected two children");
        });

        Assert.True(report.Passed);
        Assert.DoesNotContain(report.Trace.Events, e => e.Kind == TraceEventKind.AssertionFailed);
    }

    [Fact]
    public void The_violation_names_the_innermost_group_whose_pattern_asserted()
    {
        var tree = Tree(Succeeds(5), new Group(Succeeds(5)));
        var report = Chaos.Run(tree, async (children, ct) =>
        {
            await Task.WhenAll(children.Select(child => child(ct)));
            Chaos.Assert(children.Count == 2, $"a group of {children.Count}");
        });

        Assert.Equal(["a group of 1 (Chaos.Assert in 0.1 at 5 ms)"], report.Violations.Select(v => v.Message));
    }

    [Fact]
    public void Code_that_escaped_to_the_thread_pool_with_the_run_still_asserts_into_it()
    {
        var report = Chaos.Run(Tree(Succeeds(0)), async (children, ct) =>
        {
            await Task.Run(() => Chaos.Assert(false, "checked on a pool thread"), ct);
            await children[0](ct);
        });

        Assert.Contains(report.Violations, v => v.Invariant == Id && v.Message.StartsWith("checked on a pool thread", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_failed_assertion_of_one_node_is_reported_once()
    {
        var report = Chaos.Run(TwoLeaves, async (children, ct) =>
        {
            foreach (var child in children)
            {
                await child(ct);
                Chaos.Assert(false, "never true");
            }
        });

        Assert.Equal(["never true (Chaos.Assert in 0 at 10 ms)"], report.Violations.Select(v => v.Message));
    }

    [Fact]
    public void Outside_a_run_a_false_assertion_throws_and_a_true_one_does_nothing()
    {
        Chaos.Assert(true, "fine");
        var error = Assert.Throws<InvalidOperationException>(() => Chaos.Assert(false, "counter is 1"));
        Assert.StartsWith("Chaos.Assert failed outside a ConcurrencyChaos run: counter is 1.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Violations_are_judged_off_the_trace_in_tree_order()
    {
        var trace = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0).Started("0.1", 0)
            .Add(new TraceEvent(4, 10, TraceEventKind.AssertionFailed, "0.1", Detail: "second child's check"))
            .Ended("0.0", 10).Ended("0.1", 20)
            .Add(new TraceEvent(7, 20, TraceEventKind.AssertionFailed, "0", Detail: "root's check"))
            .Ended("0", 20)
            .Build();

        Assert.Equal(
            ["root's check (Chaos.Assert in 0 at 20 ms)", "second child's check (Chaos.Assert in 0.1 at 10 ms)"],
            Judging.Messages(Id, TwoLeaves, trace));
        Assert.Null(trace.Node("0.1").Ended?.Detail); // an assertion is about the run, not a step in the node's life
    }
}
