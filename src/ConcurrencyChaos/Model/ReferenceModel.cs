namespace ConcurrencyChaos.Model;

/// <summary>
/// The oracle: what a tree does under ideal structured semantics, where every group behaves like
/// <c>TaskGroup.WhenAll</c> — or, when the pattern that runs it declares a bound (<see cref="ConcurrencyBounds"/>),
/// like a <c>TaskGroup</c> throttled to that many children at once. A small pure simulation in virtual ms: no
/// tasks, no threads, no clock.
/// </summary>
/// <remarks>
/// <para>
/// <b>Tokens.</b> A node is given a token that is cancelled at some virtual time (or never). An unbounded group
/// starts all of its children at its own start, so every node of a tree of unbounded groups starts at 0; a bounded
/// group starts later children when earlier ones end. "Already cancelled" means cancelled before the node started
/// (only the root can be, when the caller cancels after 0 ms). A token cancelled at the node's start instant but
/// after it started (by a sibling that faulted synchronously) is not "already cancelled": a leaf that completes
/// synchronously has ended by then. A group's own token is cancelled by the token it was given or by the first
/// fault of a child, whichever comes first, so the tokens along any path cancel no earlier going outwards: the
/// caller's last.
/// </para>
/// <para>
/// <b>Leaves</b> (exactly what the runtime's leaves do), started at s, waiting on a token cancelled at k (the one it
/// is given, or with <see cref="Leaf.OuterToken"/> the one given to an enclosing group, out to the caller's):
/// ThrowSync throws at s whatever the token; Ignore ends at s+Work as Then says; otherwise the leaf waits
/// Work ms (Hang: forever), and if the token is cancelled before the work is done (or already was) it sees
/// cancellation at max(k, s), waits Cleanup ms and ends as OnCancel says. k == s+Work (Work &gt; 0) is a tie,
/// resolved as "work finished first". A leaf that waits on an outer token does not see its own token's
/// cancellation (a sibling's fault): it goes on until its work is done or the outer token is cancelled. When its
/// own token is cancelled is still recorded, as for any leaf. An injected error is an error whatever its type:
/// an <see cref="ErrorKind.OperationCanceledException"/> or <see cref="ErrorKind.TaskCanceledException"/> faults
/// the leaf like any other.
/// </para>
/// <para>
/// <b>Ties.</b> Any node (leaf or group, the root included) that ends, not synchronously, in the very instant
/// its token (or the outer token it waits on) is cancelled, and would end then had it not been cancelled at all,
/// races that cancellation: it may or may not record it, and a group may end canceled or not. So does a bounded
/// group's slot that frees in the very instant the group's token is cancelled, unless that cancellation surely came
/// first (see Groups). Such a run sets <see cref="ReferenceOutcome.HasTies"/>.
/// </para>
/// <para>
/// <b>Groups</b>, started at s with a parent token cancelled at p: the group's own token is cancelled at
/// min(p, first child fault). The children that fault at that instant when the group is not yet cancelled are
/// its causes; a fault the cancellation itself brings about in that instant (a 0 ms cleanup that throws) is not.
/// A sole cause ends before the token is cancelled, so none of its subtree sees it. Children start in order at s, each only if the group is not cancelled yet:
/// a child that faults synchronously stops the rest from starting. With a bound of n, only the first n start at
/// s; each later child, in order, takes the slot of the earliest running child to end and starts at that end, if
/// the group's token is not cancelled by then (a slot freed by the fault that cancels the group, or by a child that
/// saw its parent's cancellation, frees after it and starts nothing); a child whose slot never frees (every running
/// child hangs) never starts. The group waits for every child it
/// started and ends at the latest child end; faulted if any child faulted (every error below is observed),
/// else canceled if p came at or before its end, else ran to completion. A started child that never ends
/// keeps the group from ending.
/// </para>
/// </remarks>
internal static class ReferenceModel
{
    /// <summary>Runs <paramref name="tree"/> under ideal structured semantics, every group unbounded.</summary>
    public static ReferenceOutcome Run(TaskTree tree) => Run(tree, ConcurrencyBounds.None);

    /// <summary>Runs <paramref name="tree"/> under ideal structured semantics, each group bounded as <paramref name="bounds"/> says.</summary>
    public static ReferenceOutcome Run(TaskTree tree, ConcurrencyBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(bounds);
        var run = Simulate(tree, new Simulation(bounds, startsEveryChild: false, endsOnly: false));
        return new ReferenceOutcome(run.Nodes, run.HasTies);
    }

    /// <summary>
    /// <see cref="Run(TaskTree, ConcurrencyBounds)"/> where a synchronous fault does not keep later siblings from starting
    /// (see <see cref="TerminatesInAnyStartOrder"/>): the full run that <see cref="EndsInAnyStartOrder"/> answers for.
    /// </summary>
    public static ReferenceOutcome RunInAnyStartOrder(TaskTree tree, ConcurrencyBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(bounds);
        var run = Simulate(tree, new Simulation(bounds, startsEveryChild: true, endsOnly: false));
        return new ReferenceOutcome(run.Nodes, run.HasTies);
    }

    /// <summary>
    /// Whether <see cref="Run(TaskTree, ConcurrencyBounds)"/> ends the tree (<see cref="ReferenceOutcome.Terminates"/>),
    /// by the same simulation in its ends-only mode: the same question, answered without the record of every node.
    /// </summary>
    public static bool Ends(TaskTree tree, ConcurrencyBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(bounds);
        return Simulate(tree, new Simulation(bounds, startsEveryChild: false, endsOnly: true)).Self.End is not null;
    }

    /// <summary>
    /// Whether ideal structured semantics finish <paramref name="tree"/> (<see cref="ReferenceOutcome.Terminates"/>),
    /// without simulating a tree none of whose hangs can wait forever (see <see cref="MayHang(TaskTree, ConcurrencyBounds, bool)"/>).
    /// </summary>
    public static bool Terminates(TaskTree tree, ConcurrencyBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(bounds);
        return !MayHang(tree, bounds, outerOnly: false) || Ends(tree, bounds);
    }

    /// <summary>
    /// Whether ideal structured semantics finish <paramref name="tree"/> whatever order the children a group starts in
    /// one instant start in: <see cref="Terminates"/>, and <see cref="TerminatesInAnyStartOrder"/>.
    /// </summary>
    /// <remarks>
    /// A tree none of whose hangs may wait forever has none on an outer token that may: one walk answers both for most trees.
    /// </remarks>
    public static bool Finishes(TaskTree tree, ConcurrencyBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(bounds);
        return !MayHang(tree, bounds, outerOnly: false) || (Ends(tree, bounds) && TerminatesInAnyStartOrder(tree, bounds));
    }

    /// <summary>
    /// Whether the ideal run ends also when a child that faults synchronously does not stop its later siblings from
    /// starting. It ends all the same unless such a sibling would hang on an outer token that is never cancelled. A
    /// pattern may start its children concurrently (<c>Task.Run</c> per child, workers), so that sibling may start
    /// before the fault, and then nothing any pattern does can end it: the tree hangs by its own making, not the pattern's.
    /// Simulated only when a hang on an outer token may wait forever (see <see cref="MayHang(TaskTree, ConcurrencyBounds, bool)"/>).
    /// </summary>
    public static bool TerminatesInAnyStartOrder(TaskTree tree, ConcurrencyBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(bounds);
        return !MayHang(tree, bounds, outerOnly: true) || EndsInAnyStartOrder(tree, bounds);
    }

    /// <summary>
    /// <see cref="TerminatesInAnyStartOrder"/> by simulation alone, whatever the tree's hangs: whether
    /// <see cref="RunInAnyStartOrder"/> ends the tree, answered by its ends-only mode.
    /// </summary>
    public static bool EndsInAnyStartOrder(TaskTree tree, ConcurrencyBounds bounds) =>
        Simulate(tree, new Simulation(bounds, startsEveryChild: true, endsOnly: true)).Self.End is not null;

    /// <summary>
    /// Whether a hang of <paramref name="tree"/> (<paramref name="outerOnly"/>: one that waits on an outer token) may
    /// wait forever, in the run in order or in any start order. Only a hang can keep a tree from ending: every other
    /// leaf ends (ThrowSync at its start, Ignore after its work, the rest after their work or their cleanup), a group
    /// ends once the children it started have, and a bounded group only stops starting children when one of them never
    /// ends. A hang that acts on its token ends once the token it waits on is cancelled; the remarks say when that
    /// surely happens. Otherwise the simulation decides.
    /// </summary>
    /// <remarks>
    /// A token surely is cancelled when:
    /// <list type="bullet">
    /// <item><description>it is the caller's, and the caller cancels;</description></item>
    /// <item><description>it is a group's, and the token given to that group surely is: a group's token is cancelled at
    /// the earlier of the token it is given and its first child fault;</description></item>
    /// <item><description>it is a group's that starts all of its children at once (unbounded, or bounded by at least
    /// their number) and has a leaf child that fails or throws synchronously. Started, that leaf faults, or sees the
    /// token it waits on cancelled first — the group's, or an outer one, which is cancelled no earlier than the
    /// group's. Not started, a sibling before it faulted synchronously. Either way the group's token is cancelled,
    /// in the run in order and in any start order (where it always starts). A bounded group may never start it.</description></item>
    /// </list>
    /// So along a path from the root, once a token surely is cancelled, every token further in is.
    /// </remarks>
    private static bool MayHang(TaskTree tree, ConcurrencyBounds bounds, bool outerOnly) =>
        MayHang(tree.Root, level: 0, surelyFrom: tree.CancelAfter is null ? int.MaxValue : -1, bounds, outerOnly);

    /// <summary>
    /// <see cref="MayHang(TaskTree, ConcurrencyBounds, bool)"/> in <paramref name="group"/>, at <paramref name="level"/>
    /// (the root's is 0, the caller's token -1), when the tokens of the groups at <paramref name="surelyFrom"/> and
    /// further in surely are cancelled.
    /// </summary>
    private static bool MayHang(Group group, int level, int surelyFrom, ConcurrencyBounds bounds, bool outerOnly)
    {
        var children = group.Children;
        if (surelyFrom > level && (bounds.Of(group) is not { } bound || bound >= children.Count))
        {
            for (var i = 0; i < children.Count; i++)
            {
                if (children[i] is Leaf { Faults: true })
                {
                    surelyFrom = level;
                    break;
                }
            }
        }

        for (var i = 0; i < children.Count; i++) // by index: no enumerator per group of every tree the search draws
        {
            var child = children[i];
            if (child is Leaf { Then: LeafEnd.Hang } leaf && (!outerOnly || leaf.OuterToken > 0))
            {
                // Its own token is its group's; an outer token n groups out is the token given to the group n - 1
                // levels up, which is the token of the group n levels up (past the root, the caller's: level -1).
                var waitsOn = leaf.OuterToken > 0 ? Math.Max(level - leaf.OuterToken, -1) : level;
                if (leaf.OnCancel == CancelBehavior.Ignore || waitsOn < surelyFrom)
                {
                    return true;
                }
            }
            else if (child is Group inner && MayHang(inner, level + 1, surelyFrom, bounds, outerOnly))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The whole tree under <paramref name="simulation"/>, from the caller's token.</summary>
    private static SimulatedSubtree Simulate(TaskTree tree, Simulation simulation)
    {
        // The caller's token: CancellationTokenSource(0 ms) is cancelled on creation, before the root starts.
        var callerCancel = tree.CancelAfter is { } after ? Math.Max(after, 0) : (long?)null;
        var alreadyCancelled = tree.CancelAfter is <= 0;
        return simulation.RunNode(TaskTree.RootId, tree.Root, start: 0, callerCancel, alreadyCancelled, outer: null);
    }

    /// <summary>The tokens given to the groups around a node, innermost first: when each is cancelled.</summary>
    /// <param name="Cancel">When the token given to the innermost enclosing group is cancelled, or null for never.</param>
    /// <param name="Parent">The tokens further out; null past the root (whose given token is the caller's).</param>
    private sealed record OuterTokens(long? Cancel, OuterTokens? Parent)
    {
        /// <summary>The token <paramref name="levels"/> groups out (1: the innermost); past the root, the caller's.</summary>
        public long? At(int levels)
        {
            var tokens = this;
            for (var i = 1; i < levels && tokens.Parent is { } parent; i++)
            {
                tokens = parent;
            }

            return tokens.Cancel;
        }
    }

    /// <summary>One ideal run; <paramref name="startsEveryChild"/>: a synchronous fault does not keep later siblings from starting.</summary>
    /// <remarks>
    /// <paramref name="endsOnly"/>: the same run, for the one question whether (and when) each node ends — the search's
    /// filter asks it of every tree it draws. Every start, end, fault, cancellation and slot is simulated as in the full
    /// run; only what no end depends on is left out: node ids (all empty), injected errors, the records of the nodes
    /// below a subtree's own (a subtree is its own node alone) and the second run that tells whether an end ties with a
    /// cancellation (ties never change an end). Tested against the full run on generated trees.
    /// </remarks>
    private sealed class Simulation(ConcurrencyBounds bounds, bool startsEveryChild, bool endsOnly)
    {
        /// <summary>The not-started subtree of the ends-only mode: its own node alone, without an id.</summary>
        private static readonly SimulatedSubtree UnstartedAlone = new([new ReferenceNode(string.Empty)], HasTies: false);

        /// <summary>The id of child <paramref name="index"/> of <paramref name="parentId"/>; none in the ends-only mode.</summary>
        private string ChildId(string parentId, int index) => endsOnly ? string.Empty : TaskTree.ChildId(parentId, index);

        public SimulatedSubtree RunNode(string id, TreeNode node, long start, long? cancelAt, bool alreadyCancelled, OuterTokens? outer)
        {
            if (node is Leaf leaf)
            {
                return RunLeaf(id, leaf, start, cancelAt, alreadyCancelled, outer);
            }

            var run = RunGroup(id, (Group)node, start, cancelAt, alreadyCancelled, outer);

            // Ending in the very instant the token is cancelled, for a reason of its own (it would end then uncancelled too):
            // the runtime may run either first, so whether the node sees the cancellation (and, for a group, whether it
            // ends canceled) is a tie. An end the cancellation itself brings about comes after it: no tie.
            if (!endsOnly && !alreadyCancelled && !run.HasTies && cancelAt is { } k && run.Self is { End: { } end, Synchronous: false } && end == k
                && RunGroup(id, (Group)node, start, parentCancel: null, alreadyCancelled: false, outer).Self.End == k)
            {
                run = run with { HasTies = true };
            }

            return run;
        }

        private SimulatedSubtree RunLeaf(string id, Leaf leaf, long start, long? cancelAt, bool alreadyCancelled, OuterTokens? outer)
        {
            // Thrown before the leaf returns a task: its token does not matter.
            if (leaf.Then == LeafEnd.ThrowSync)
            {
                return Single(new ReferenceNode(id)
                {
                    Start = start,
                    End = start,
                    Outcome = NodeOutcome.Faulted,
                    Errors = endsOnly ? [] : [new InjectedError(id, leaf.Error, ErrorOrigin.ThrowSync)],
                    Synchronous = true,
                });
            }

            // The token whose cancellation the leaf acts on: its own, or one given to an enclosing group.
            var outerToken = leaf.OuterToken > 0 && outer is not null;
            var watched = outerToken ? outer!.At(leaf.OuterToken) : cancelAt;
            var watchedAlready = !outerToken && alreadyCancelled;

            long? workEnd = leaf.Then == LeafEnd.Hang ? null : start + leaf.Work;
            var ignoresToken = leaf.OnCancel == CancelBehavior.Ignore;
            var seesCancellation = !ignoresToken
                && watched is { } k
                && (watchedAlready || workEnd is null || k < workEnd);

            long? end;
            NodeOutcome? outcome;
            InjectedError? error = null;
            bool synchronous;
            if (seesCancellation)
            {
                end = Math.Max(watched!.Value, start) + leaf.Cleanup;
                outcome = leaf.OnCancel switch
                {
                    CancelBehavior.Swallow => NodeOutcome.RanToCompletion,
                    CancelBehavior.Fail => NodeOutcome.Faulted,
                    _ => NodeOutcome.Canceled,
                };
                error = leaf.OnCancel == CancelBehavior.Fail && !endsOnly ? new InjectedError(id, leaf.CleanupError, ErrorOrigin.Cleanup) : null;
                synchronous = watchedAlready && leaf.Cleanup == 0;
            }
            else if (workEnd is null)
            {
                // An uncancelled Hang (or a Hang that ignores its token) waits forever.
                (end, outcome, synchronous) = (null, null, false);
            }
            else
            {
                end = workEnd;
                outcome = leaf.Then == LeafEnd.Fail ? NodeOutcome.Faulted : NodeOutcome.RanToCompletion;
                error = leaf.Then == LeafEnd.Fail && !endsOnly ? new InjectedError(id, leaf.Error, ErrorOrigin.Fail) : null;
                synchronous = leaf.Work == 0;
            }

            var node = new ReferenceNode(id)
            {
                Start = start,
                End = end,
                Outcome = outcome,
                Errors = error is null ? [] : [error],
                Synchronous = synchronous,
                SawCancellation = seesCancellation,
                TokenCancelledAt = RecordedCancel(start, end, synchronous, cancelAt, alreadyCancelled),
            };

            // Ties (see the remarks): ending in the instant its own token is cancelled, unless that very cancellation ended it,
            // races the recording of it; an outer token cancelled in the instant the work is done races the work.
            var tie = !alreadyCancelled && !synchronous && end is { } e
                && ((e == cancelAt && !(seesCancellation && !outerToken))
                    || (outerToken && !ignoresToken && workEnd is { } done && watched == done));
            return new SimulatedSubtree([node], tie);
        }

        private SimulatedSubtree RunGroup(string id, Group group, long start, long? parentCancel, bool alreadyCancelled, OuterTokens? outer)
        {
            var self = new ReferenceNode(id) { Start = start };
            if (alreadyCancelled)
            {
                // A group whose token is cancelled before it starts never starts a child and ends canceled at once.
                var canceled = self with
                {
                    End = start,
                    Outcome = NodeOutcome.Canceled,
                    Synchronous = true,
                    SawCancellation = true,
                    TokenCancelledAt = start,
                };
                if (endsOnly)
                {
                    return Single(canceled);
                }

                var unstarted = new List<ReferenceNode> { canceled };
                for (var i = 0; i < group.Children.Count; i++)
                {
                    NotStarted(TaskTree.ChildId(id, i), group.Children[i], unstarted);
                }

                return new SimulatedSubtree(unstarted, HasTies: false);
            }

            // The group's token is cancelled by the parent or by the first child fault, whichever comes first.
            // Cancelling earlier never changes what happened before, so lowering it to the first fault converges.
            var inner = new OuterTokens(parentCancel, outer);
            var bound = bounds.Of(group);
            var groupCancel = parentCancel;
            var children = StartChildren(id, group, start, groupCancel, parentCancel, bound, inner);
            Children? uncancelled = null;
            while (true)
            {
                var cancel = Earliest(parentCancel, children.FirstFault());
                if (cancel == groupCancel)
                {
                    break;
                }

                if (groupCancel is { } current && (cancel is null || cancel > current))
                {
                    // Never expected (see StartChildren): a same-instant race the simulation decided both ways. Keep the
                    // earlier cancellation, so the simulation always ends, and say the run hinged on a tie.
                    children.HasTies = true;
                    break;
                }

                groupCancel = cancel;
                uncancelled = children;
                children = StartChildren(id, group, start, groupCancel, parentCancel, bound, inner);
            }

            // Who cancelled the group, when a fault did: the children that fault at that instant in the run where the
            // group is not cancelled by then. A fault the cancellation itself causes in that instant (a 0 ms cleanup
            // that throws) is a consequence, not a cause. A sole cause ended before the group's token was cancelled,
            // so its whole subtree is what it did uncancelled; several causes race, and each may see the others'.
            if (uncancelled is not null && groupCancel != parentCancel)
            {
                var cause = -1;
                for (var i = 0; i < children.Runs.Count; i++)
                {
                    if (uncancelled.Runs[i].Self is { Faulted: true } fault && fault.End == groupCancel)
                    {
                        cause = cause == -1 ? i : -2;
                    }
                }

                if (cause >= 0)
                {
                    children.Runs[cause] = uncancelled.Runs[cause];
                }
            }

            return Finish(self, children, parentCancel);
        }

        private Children StartChildren(string groupId, Group group, long start, long? groupCancel, long? parentCancel, int? bound, OuterTokens outer)
        {
            var count = group.Children.Count;
            var children = new Children(new List<SimulatedSubtree>(count));
            var stopped = false;

            // The bounded group's running children, by when each frees its slot (null: never); unbounded groups have no slots.
            List<(long? End, bool ByFault, bool ByCancellation)>? slots = bound is { } b && b < count ? new(b) : null;
            for (var i = 0; i < count; i++)
            {
                var childId = ChildId(groupId, i);
                var at = start;
                if (!stopped && slots is not null && slots.Count == bound)
                {
                    // Wait for the earliest running child to end; if none ever does, nothing else ever starts.
                    var earliest = FirstToFree(slots);
                    if (earliest < 0)
                    {
                        stopped = true;
                    }
                    else
                    {
                        var (freedAt, byFault, byCancellation) = slots[earliest];
                        slots.RemoveAt(earliest);
                        at = freedAt!.Value;
                        children.Refilled = true;
                        if (groupCancel is { } c && at >= c)
                        {
                            // Cancelled first: the ideal throttle starts nothing more. In the very instant, a slot freed by the
                            // fault that cancels the group, or (when the parent cancels then) by a child that saw that
                            // cancellation, frees after it; anything else races the cancellation, and the refill is taken to
                            // win. A cancellation by a child's fault in that instant cannot come before the refill it may
                            // itself come from, so a child that merely saw it does not count (the fixed point stays monotone).
                            var freedAfter = byFault || (byCancellation && parentCancel == c);
                            children.HasTies |= at == c && !freedAfter;
                            stopped = at > c || freedAfter;
                        }
                    }
                }

                if (stopped && endsOnly)
                {
                    children.Runs.Add(UnstartedAlone);
                    continue;
                }

                if (stopped)
                {
                    var unstarted = new List<ReferenceNode>();
                    NotStarted(childId, group.Children[i], unstarted);
                    children.Runs.Add(new SimulatedSubtree(unstarted, HasTies: false));
                    continue;
                }

                var child = RunNode(childId, group.Children[i], at, groupCancel, alreadyCancelled: false, outer);
                children.Runs.Add(child);
                slots?.Add((child.Self.End, child.Self.Faulted, child.Self.SawCancellation));

                // A child that faults before its delegate returns cancels the group before the next child would start.
                stopped = !startsEveryChild && child.Self.Synchronous && child.Self.Faulted;
            }

            return children;
        }

        /// <summary>The index of the slot that frees first (ties: the earliest started), or -1 if none ever frees.</summary>
        private static int FirstToFree(List<(long? End, bool ByFault, bool ByCancellation)> slots)
        {
            var earliest = -1;
            for (var i = 0; i < slots.Count; i++)
            {
                if (slots[i].End is { } end && (earliest < 0 || end < slots[earliest].End!.Value))
                {
                    earliest = i;
                }
            }

            return earliest;
        }

        private SimulatedSubtree Finish(ReferenceNode self, Children children, long? parentCancel)
        {
            var start = self.Start!.Value;
            var hasTies = children.HasTies;
            var errors = endsOnly ? null : new List<InjectedError>();
            bool synchronous = !children.Refilled, sawCancellation = false, faulted = false;
            long? end = start;
            foreach (var run in children.Runs)
            {
                hasTies |= run.HasTies;
                var child = run.Self;
                if (child.Started)
                {
                    synchronous &= child.Synchronous;
                    sawCancellation |= child.SawCancellation;
                    faulted |= child.Faulted;
                    errors?.AddRange(child.Errors);
                    end = end is { } e && child.End is { } c ? Math.Max(e, c) : null;
                }
            }

            synchronous &= end is not null;
            NodeOutcome? outcome = null;
            if (end is { } groupEnd)
            {
                if (faulted)
                {
                    outcome = NodeOutcome.Faulted;
                }
                else if (parentCancel is { } p && (p < groupEnd || (p == groupEnd && !synchronous)))
                {
                    // The parent cancelling in the very instant the last child ended by its own work is a tie.
                    hasTies |= p == groupEnd && !sawCancellation;
                    outcome = NodeOutcome.Canceled;
                    sawCancellation = true;
                }
                else
                {
                    outcome = NodeOutcome.RanToCompletion;
                }
            }

            var finished = self with
            {
                End = end,
                Outcome = outcome,
                Synchronous = synchronous,
                SawCancellation = sawCancellation,
                Errors = errors ?? [],
                TokenCancelledAt = RecordedCancel(start, end, synchronous, parentCancel, alreadyCancelled: false),
            };
            if (endsOnly)
            {
                return new SimulatedSubtree([finished], hasTies);
            }

            var nodes = new List<ReferenceNode> { finished };
            foreach (var run in children.Runs)
            {
                nodes.AddRange(run.Nodes);
            }

            return new SimulatedSubtree(nodes, hasTies);
        }
    }

    /// <summary>One simulation of a group's children: each child's subtree, and what the starting itself decided.</summary>
    /// <param name="Runs">Each child's subtree, in order (unstarted ones included).</param>
    private sealed record Children(List<SimulatedSubtree> Runs)
    {
        /// <summary>Whether a bounded group started a child in a freed slot (the group no longer completes synchronously).</summary>
        public bool Refilled { get; set; }

        /// <summary>Whether a freed slot raced the group's cancellation.</summary>
        public bool HasTies { get; set; }

        /// <summary>When the first child fault happens, or null.</summary>
        public long? FirstFault()
        {
            long? first = null;
            foreach (var run in Runs)
            {
                if (run.Self is { Faulted: true, End: { } end } && (first is null || end < first))
                {
                    first = end;
                }
            }

            return first;
        }
    }

    /// <summary>When a node records its token cancelled: while it has not yet ended, or at its start if it already was.</summary>
    private static long? RecordedCancel(long start, long? end, bool synchronous, long? cancelAt, bool alreadyCancelled)
    {
        if (cancelAt is not { } k)
        {
            return null;
        }

        if (alreadyCancelled)
        {
            return Math.Max(k, start);
        }

        // Completed synchronously at its start: it had ended before anyone could cancel it then.
        if (synchronous && k <= start)
        {
            return null;
        }

        return end is not { } e || k <= e ? k : null;
    }

    private static void NotStarted(string id, TreeNode node, List<ReferenceNode> into)
    {
        into.Add(new ReferenceNode(id));
        if (node is Group group)
        {
            for (var i = 0; i < group.Children.Count; i++)
            {
                NotStarted(TaskTree.ChildId(id, i), group.Children[i], into);
            }
        }
    }

    private static SimulatedSubtree Single(ReferenceNode node) => new([node], HasTies: false);

    private static long? Earliest(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
