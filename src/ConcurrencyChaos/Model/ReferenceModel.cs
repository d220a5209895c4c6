using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Model;

/// <summary>
/// The oracle: what a tree does under ideal structured semantics, where every group behaves like
/// <c>TaskGroup.WhenAll</c>. A small pure simulation in virtual ms: no tasks, no threads, no clock.
/// </summary>
/// <remarks>
/// <para>
/// <b>Tokens.</b> A node is given a token that is cancelled at some virtual time (or never). Since every
/// group starts all of its children at its own start, every started node starts at 0. "Already cancelled"
/// means cancelled before the node started (only the root can be, when the caller cancels after 0 ms).
/// A token cancelled at the node's start instant but after it started (by a sibling that faulted
/// synchronously) is not "already cancelled": a leaf that completes synchronously has ended by then.
/// </para>
/// <para>
/// <b>Leaves</b> (exactly what the runtime's leaves do), started at s with a token cancelled at k:
/// ThrowSync throws at s whatever the token; Ignore ends at s+Work as Then says; otherwise the leaf waits
/// Work ms (Hang: forever), and if the token is cancelled before the work is done (or already was) it sees
/// cancellation at max(k, s), waits Cleanup ms and ends as OnCancel says. k == s+Work (Work &gt; 0) is a tie,
/// resolved as "work finished first".
/// </para>
/// <para>
/// <b>Ties.</b> Any node (leaf or group, the root included) that ends, not synchronously, in the very instant
/// its token is cancelled, and would end then had it not been cancelled at all, races that cancellation: it
/// may or may not record it, and a group may end canceled or not. Such a run sets <see cref="ReferenceOutcome.HasTies"/>.
/// </para>
/// <para>
/// <b>Groups</b>, started at s with a parent token cancelled at p: the group's own token is cancelled at
/// min(p, first child fault). The children that fault at that instant when the group is not yet cancelled are
/// its causes; a fault the cancellation itself brings about in that instant (a 0 ms cleanup that throws) is not.
/// A sole cause ends before the token is cancelled, so none of its subtree sees it. Children start in order at s, each only if the group is not cancelled yet:
/// a child that faults synchronously stops the rest from starting. The group waits for every child it
/// started and ends at the latest child end; faulted if any child faulted (every error below is observed),
/// else canceled if p came at or before its end, else ran to completion. A started child that never ends
/// keeps the group from ending.
/// </para>
/// </remarks>
internal static class ReferenceModel
{
    /// <summary>Runs <paramref name="tree"/> under ideal structured semantics.</summary>
    public static ReferenceOutcome Run(TaskTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);

        // The caller's token: CancellationTokenSource(0 ms) is cancelled on creation, before the root starts.
        var callerCancel = tree.CancelAfter is { } after ? Math.Max(after, 0) : (long?)null;
        var alreadyCancelled = tree.CancelAfter is <= 0;
        var run = RunNode(TaskTree.RootId, tree.Root, start: 0, callerCancel, alreadyCancelled);
        return new ReferenceOutcome(run.Nodes, run.HasTies);
    }

    private static SimulatedSubtree RunNode(string id, TreeNode node, long start, long? cancelAt, bool alreadyCancelled)
    {
        var run = Simulate(id, node, start, cancelAt, alreadyCancelled);

        // Ending in the very instant the token is cancelled, for a reason of its own (it would end then uncancelled too):
        // the runtime may run either first, so whether the node sees the cancellation (and, for a group, whether it
        // ends canceled) is a tie. An end the cancellation itself brings about comes after it: no tie.
        if (!alreadyCancelled && !run.HasTies && cancelAt is { } k && run.Self is { End: { } end, Synchronous: false } && end == k
            && Simulate(id, node, start, cancelAt: null, alreadyCancelled: false).Self.End == k)
        {
            run = run with { HasTies = true };
        }

        return run;
    }

    private static SimulatedSubtree Simulate(string id, TreeNode node, long start, long? cancelAt, bool alreadyCancelled) => node switch
    {
        Leaf leaf => RunLeaf(id, leaf, start, cancelAt, alreadyCancelled),
        Group group => RunGroup(id, group, start, cancelAt, alreadyCancelled),
        _ => throw new ArgumentException($"Unknown node type {node.GetType().Name} at {id}.", nameof(node)),
    };

    private static SimulatedSubtree RunLeaf(string id, Leaf leaf, long start, long? cancelAt, bool alreadyCancelled)
    {
        var self = new ReferenceNode(id) { Start = start };

        // Thrown before the leaf returns a task: its token does not matter.
        if (leaf.Then == LeafEnd.ThrowSync)
        {
            return Leaf(Faulted(self, start, new InjectedError(id, leaf.Error, ErrorOrigin.ThrowSync)) with { Synchronous = true });
        }

        long? workEnd = leaf.Then == LeafEnd.Hang ? null : start + leaf.Work;
        var ignoresToken = leaf.OnCancel == CancelBehavior.Ignore;
        var seesCancellation = !ignoresToken
            && cancelAt is { } k
            && (alreadyCancelled || workEnd is null || k < workEnd);

        ReferenceNode ended;
        if (seesCancellation)
        {
            var seen = Math.Max(cancelAt!.Value, start);
            var end = seen + leaf.Cleanup;
            ended = leaf.OnCancel switch
            {
                CancelBehavior.Swallow => Ended(self, end, NodeOutcome.RanToCompletion),
                CancelBehavior.Fail => Faulted(self, end, new InjectedError(id, leaf.CleanupError, ErrorOrigin.Cleanup)),
                _ => Ended(self, end, NodeOutcome.Canceled),
            };
            ended = ended with { SawCancellation = true, Synchronous = alreadyCancelled && leaf.Cleanup == 0 };
        }
        else if (workEnd is not { } end)
        {
            // An uncancelled Hang (or a Hang that ignores its token) waits forever.
            ended = self;
        }
        else
        {
            ended = leaf.Then == LeafEnd.Fail
                ? Faulted(self, end, new InjectedError(id, leaf.Error, ErrorOrigin.Fail))
                : Ended(self, end, NodeOutcome.RanToCompletion);
            ended = ended with { Synchronous = leaf.Work == 0 };
        }

        return Leaf(ended with { TokenCancelledAt = RecordedCancel(ended, cancelAt, alreadyCancelled) });
    }

    private static SimulatedSubtree RunGroup(string id, Group group, long start, long? parentCancel, bool alreadyCancelled)
    {
        var self = new ReferenceNode(id) { Start = start };
        if (alreadyCancelled)
        {
            // A group whose token is cancelled before it starts never starts a child and ends canceled at once.
            var canceled = Ended(self, start, NodeOutcome.Canceled) with
            {
                Synchronous = true,
                SawCancellation = true,
                TokenCancelledAt = start,
            };
            var unstarted = group.Children.SelectMany((child, i) => NotStarted(TaskTree.ChildId(id, i), child));
            return new SimulatedSubtree([canceled, .. unstarted], HasTies: false);
        }

        // The group's token is cancelled by the parent or by the first child fault, whichever comes first.
        // Cancelling earlier never changes what happened before, so lowering it to the first fault converges.
        var groupCancel = parentCancel;
        var children = StartChildren(id, group, start, groupCancel);
        List<SimulatedSubtree>? uncancelled = null;
        while (true)
        {
            var firstFault = children.Select(c => c.Self).Where(c => c.Faulted).Min(c => c.End);
            var cancel = Earliest(parentCancel, firstFault);
            if (cancel == groupCancel)
            {
                break;
            }

            groupCancel = cancel;
            uncancelled = children;
            children = StartChildren(id, group, start, groupCancel);
        }

        // Who cancelled the group, when a fault did: the children that fault at that instant in the run where the
        // group is not cancelled by then. A fault the cancellation itself causes in that instant (a 0 ms cleanup
        // that throws) is a consequence, not a cause. A sole cause ended before the group's token was cancelled,
        // so its whole subtree is what it did uncancelled; several causes race, and each may see the others'.
        if (uncancelled is not null && groupCancel != parentCancel)
        {
            var causes = Enumerable.Range(0, children.Count)
                .Where(i => uncancelled[i].Self is { Faulted: true } fault && fault.End == groupCancel)
                .ToList();
            if (causes is [var cause])
            {
                children[cause] = uncancelled[cause];
            }
        }

        return Finish(self, children, parentCancel);
    }

    private static List<SimulatedSubtree> StartChildren(string groupId, Group group, long start, long? groupCancel)
    {
        var children = new List<SimulatedSubtree>();
        var stopped = false;
        for (var i = 0; i < group.Children.Count; i++)
        {
            var childId = TaskTree.ChildId(groupId, i);
            if (stopped)
            {
                children.Add(new SimulatedSubtree(NotStarted(childId, group.Children[i]), HasTies: false));
                continue;
            }

            var child = RunNode(childId, group.Children[i], start, groupCancel, alreadyCancelled: false);
            children.Add(child);

            // A child that faults before its delegate returns cancels the group before the next child would start.
            stopped = child.Self.Synchronous && child.Self.Faulted;
        }

        return children;
    }

    private static SimulatedSubtree Finish(ReferenceNode self, List<SimulatedSubtree> children, long? parentCancel)
    {
        var start = self.Start!.Value;
        var hasTies = children.Any(c => c.HasTies);
        var selves = new List<ReferenceNode>();
        var nodes = new List<ReferenceNode>();
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i].Self;
            selves.Add(child);
            nodes.AddRange(children[i].Nodes);
        }

        var started = selves.Where(c => c.Started).ToList();
        var synchronous = started.All(c => c.Synchronous);
        var sawCancellation = started.Any(c => c.SawCancellation);
        var errors = started.SelectMany(c => c.Errors).ToList();
        long? end = started.Count == 0 ? start : started.Any(c => c.End is null) ? null : started.Max(c => c.End);

        var result = self with { Synchronous = synchronous && end is not null, SawCancellation = sawCancellation, Errors = errors };
        if (end is { } e)
        {
            NodeOutcome outcome;
            if (started.Any(c => c.Faulted))
            {
                outcome = NodeOutcome.Faulted;
            }
            else if (parentCancel is { } p && (p < e || (p == e && !synchronous)))
            {
                // The parent cancelling in the very instant the last child ended by its own work is a tie.
                hasTies |= p == e && !sawCancellation;
                outcome = NodeOutcome.Canceled;
                result = result with { SawCancellation = true };
            }
            else
            {
                outcome = NodeOutcome.RanToCompletion;
            }

            result = Ended(result, e, outcome);
        }

        result = result with { TokenCancelledAt = RecordedCancel(result, parentCancel, alreadyCancelled: false) };
        return new SimulatedSubtree([result, .. nodes], hasTies);
    }

    /// <summary>When the node records its token cancelled: while it has not yet ended, or at its start if it already was.</summary>
    private static long? RecordedCancel(ReferenceNode node, long? cancelAt, bool alreadyCancelled)
    {
        if (cancelAt is not { } k)
        {
            return null;
        }

        var start = node.Start!.Value;
        if (alreadyCancelled)
        {
            return Math.Max(k, start);
        }

        // Completed synchronously at its start: it had ended before anyone could cancel it then.
        if (node.Synchronous && k <= start)
        {
            return null;
        }

        return node.End is not { } end || k <= end ? k : null;
    }

    private static List<ReferenceNode> NotStarted(string id, TreeNode node)
    {
        var nodes = new List<ReferenceNode> { new(id) };
        if (node is Group group)
        {
            for (var i = 0; i < group.Children.Count; i++)
            {
                nodes.AddRange(NotStarted(TaskTree.ChildId(id, i), group.Children[i]));
            }
        }

        return nodes;
    }

    private static ReferenceNode Ended(ReferenceNode node, long end, NodeOutcome outcome) =>
        node with { End = end, Outcome = outcome };

    private static ReferenceNode Faulted(ReferenceNode node, long end, InjectedError error) =>
        node with { End = end, Outcome = NodeOutcome.Faulted, Errors = [error] };

    private static SimulatedSubtree Leaf(ReferenceNode node) => new([node], HasTies: false);

    private static long? Earliest(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
