using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Patterns;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ConcurrencyChaos.Tests.Invariants;

/// <summary>
/// Judging is linear in the tree (n log n where it sorts): fail-fast gathers each group's faults once
/// instead of going through a node's siblings again for every node. These check that the fast judge finds
/// what <see cref="FailFastSpec"/>, the rule written the slow way, finds: on generated trees run under
/// every controlled catalog pattern, on those traces scrambled (times out of order, cancellations dropped,
/// events swapped), and on two groups of 2000 leaves. How fast it is lives in the benchmark, not here.
/// </summary>
public class LinearJudgingTests
{
    private static readonly string[] Patterns = [.. PatternCatalog.All.Where(p => p.RunsControlled).Select(p => p.Id)];

    [Property(Arbitrary = [typeof(SmallTrees)], MaxTest = 300)]
    public Property Fail_fast_finds_what_the_slow_rule_finds_on_generated_runs(TaskTree tree, NonNegativeInt pattern, int scramble)
    {
        var trace = Chaos.Run(tree, Patterns[pattern.Get % Patterns.Length]).Trace;
        var plain = Compare(tree, trace);
        var scrambled = Compare(tree, Scrambled(trace, scramble));
        return plain.Holds.Label(plain.Why).And(scrambled.Holds.Label("scrambled: " + scrambled.Why));
    }

    [Fact]
    public void Fail_fast_finds_what_the_slow_rule_finds_on_two_groups_of_2000_leaves()
    {
        // In the first group a leaf fails at once, before its siblings start; in the second, leaves fail later on.
        var tree = new TaskTree(new Group(new Group(Leaves(work: i => i % 11)), new Group(Leaves(work: i => 1 + (i % 11)))), CancelAfter: 15);
        var lapses = new HashSet<FailFastLapse>();
        foreach (var pattern in new[] { "when-all", "task-group", "channel-worker-pool" })
        {
            var trace = Chaos.Run(tree, pattern).Trace;
            var verdict = Compare(tree, trace);
            Assert.True(verdict.Holds, $"{pattern}: {verdict.Why}");
            var scrambled = Compare(tree, Scrambled(trace, 17));
            Assert.True(scrambled.Holds, $"{pattern}, scrambled: {scrambled.Why}");
            lapses.UnionWith(FailFastSpec.Catches(tree, trace).Select(c => c.Lapse));
        }

        Assert.Equal(Enum.GetValues<FailFastLapse>().Order(), lapses.Order()); // not vacuous: every way to escape fail-fast occurs

        static IEnumerable<TreeNode> Leaves(Func<int, int> work) => Enumerable.Range(0, 2000).Select(TreeNode (i) => (i % 7) switch
        {
            0 => new Leaf { Work = work(i), Then = LeafEnd.Fail, Error = ErrorKind.IOException },
            1 => new Leaf { Then = LeafEnd.Hang },
            2 => new Leaf { Work = i % 13, OnCancel = CancelBehavior.Swallow, Cleanup = 5 },
            3 => new Leaf { Work = 20, OnCancel = CancelBehavior.Ignore },
            _ => new Leaf { Work = i % 17 },
        });
    }

    /// <summary>Whether the judge's fail-fast findings are the rule's, and what each said when they differ.</summary>
    private static (bool Holds, string Why) Compare(TaskTree tree, Trace trace)
    {
        var judged = Judge.Check(tree, trace, ["fail-fast"])
            .Select(v => Assert.IsType<FailFastFinding>(v.Finding))
            .Select(f => (f.NodeId, f.Fault, f.Lapse))
            .ToList();
        var spec = FailFastSpec.Catches(tree, trace);
        return (judged.SequenceEqual(spec), $"judged [{string.Join("; ", judged)}] but the rule says [{string.Join("; ", spec)}]\n{trace.ToText()}");
    }

    /// <summary>The trace with some times changed (out of order), some token cancellations dropped and some neighbours swapped.</summary>
    private static Trace Scrambled(Trace trace, int seed)
    {
        var random = new Random(seed);
        var events = trace.Events
            .Where(e => e.Kind != TraceEventKind.TokenCancelled || random.Next(5) > 0)
            .Select(e => random.Next(3) == 0 ? e with { Time = random.Next(30) } : e with { })
            .ToList();
        for (var i = 1; i < events.Count; i++)
        {
            if (random.Next(10) == 0)
            {
                (events[i - 1], events[i]) = (events[i], events[i - 1]);
            }
        }

        return new Trace(events, trace.Root, trace.Status, trace.Diagnostics, trace.EndTime, trace.Steps);
    }
}
