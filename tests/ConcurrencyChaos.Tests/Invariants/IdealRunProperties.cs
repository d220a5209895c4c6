using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ConcurrencyChaos.Tests.Invariants;

/// <summary>Ties the oracle and the judge together: the ideal run, written down as a trace, keeps every invariant.</summary>
public class IdealRunProperties
{
    [Property(Arbitrary = [typeof(SmallTrees)], MaxTest = 500)]
    public Property The_ideal_run_keeps_every_invariant(TaskTree tree)
    {
        var run = ReferenceModel.Run(tree);
        var trace = IdealTrace.Synthesize(tree, run);
        var violations = Judge.Check(tree, trace);
        return (violations.Count == 0).Label(string.Join("\n", violations) + "\n" + trace.ToText());
    }

    [Property(Arbitrary = [typeof(SmallTrees)], MaxTest = 300)]
    public bool The_reference_model_is_deterministic_and_covers_every_node(TaskTree tree)
    {
        var first = ReferenceModel.Run(tree);
        var second = ReferenceModel.Run(tree);
        return first.Nodes.SequenceEqual(second.Nodes, ReferenceNodeComparer.Instance)
            && first.Nodes.Select(n => n.Id).SequenceEqual(tree.Entries().Select(e => e.Id));
    }

    [Fact]
    public void A_broken_ideal_trace_is_caught()
    {
        // Guard against a property that holds vacuously: drop the root's token cancellations from an ideal run.
        var tree = new TaskTree(new Group(Trees.Fails(10), Trees.Hangs()));
        var trace = IdealTrace.Synthesize(tree, ReferenceModel.Run(tree));
        Assert.Empty(Judge.Check(tree, trace));
        var broken = new Model.Trace(
            [.. trace.Events.Where(e => e.Kind != Model.TraceEventKind.TokenCancelled)], trace.Root, trace.Status, [], trace.EndTime, trace.Steps);
        Assert.Equal(["fail-fast"], Judge.Check(tree, broken).Select(v => v.Invariant));
    }

    [Fact]
    public void The_generated_trees_reach_the_interesting_cases()
    {
        // Sampled with a fixed seed, so this is deterministic: the property above is not vacuous.
        var gen = SmallTrees.TaskTree().Generator;
        var trees = Enumerable.Range(0, 500).Select(seed => gen.Sample(1, new Rnd((ulong)seed * 7919UL + 1UL), 10)[0]).ToList();
        var runs = trees.Select(t => (Tree: t, Run: ReferenceModel.Run(t))).ToList();
        Assert.Contains(runs, r => r.Run.HasTies);
        Assert.Contains(runs, r => !r.Run.Terminates);
        Assert.Contains(runs, r => r.Run.RootOutcome == Model.NodeOutcome.Faulted && r.Run.ThrownErrors.Count > 1);
        Assert.Contains(runs, r => r.Run.RootOutcome == Model.NodeOutcome.Canceled && r.Run.RootEnd > 0);
        Assert.Contains(runs, r => r.Run.Nodes.Any(n => !n.Started) && r.Tree.CancelAfter is null);
        Assert.Contains(runs, r => r.Run.Nodes.Any(n => n.Id.Count(ch => ch == '.') == 2 && n.TokenCancelledAt is not null));
    }

    private sealed class ReferenceNodeComparer : IEqualityComparer<ReferenceNode>
    {
        public static readonly ReferenceNodeComparer Instance = new();

        public bool Equals(ReferenceNode? x, ReferenceNode? y) =>
            x is not null && y is not null && (x with { Errors = [] }) == (y with { Errors = [] }) && x.Errors.SequenceEqual(y.Errors);

        public int GetHashCode(ReferenceNode obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
