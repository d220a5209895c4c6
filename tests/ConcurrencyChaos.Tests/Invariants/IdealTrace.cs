using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Tests.Invariants;

/// <summary>
/// The trace an ideal structured run would record, synthesised from the reference model's outcome.
/// Every started node starts at 0; within one instant events come in a causal order: first the start
/// phase (starts in tree order, with synchronous completions inline), then per instant: faults after
/// work, the caller's cancel, tokens cancelled, other ends of leaves (work done, then cancellation seen),
/// and last the groups' ends, innermost first; but never before what causes them (a token is cancelled after the
/// fault or cancellation that cancels it, a leaf that saw it ends after it, a group after its children).
/// </summary>
internal static class IdealTrace
{
    private const string Caller = "caller";

    public static Trace Synthesize(TaskTree tree, ReferenceOutcome run)
    {
        var entries = tree.Entries().ToList();
        var order = entries.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var events = new List<TraceEvent>();
        void Add(long time, TraceEventKind kind, string id, NodeOutcome? outcome = null, InjectedError? error = null) =>
            events.Add(new TraceEvent(events.Count + 1, time, kind, id, outcome, error));

        var parents = entries.Where(e => e.ParentId is not null).ToDictionary(e => e.Id, e => e.ParentId!, StringComparer.Ordinal);
        var children = entries.ToLookup(e => e.ParentId ?? string.Empty, e => e.Id, StringComparer.Ordinal);
        var ended = new HashSet<string>(StringComparer.Ordinal);
        var tokenRecorded = new HashSet<string>(StringComparer.Ordinal);
        var cancelledInside = new HashSet<string>(StringComparer.Ordinal); // groups whose own (children's) token is cancelled

        void End(ReferenceNode node)
        {
            ended.Add(node.Id);

            // A fault cancels its group's token (once the group has ended, no one records it).
            if (node.Faulted && parents.TryGetValue(node.Id, out var parent))
            {
                cancelledInside.Add(parent);
            }

            var error = node.Faulted && tree.Entries().First(e => e.Id == node.Id).Node is Leaf ? node.Errors.Single() : null;
            if (error is not null)
            {
                Add(node.End!.Value, TraceEventKind.Threw, node.Id, error: error);
            }

            Add(node.End!.Value, TraceEventKind.Ended, node.Id, node.Outcome, error ?? node.Errors.FirstOrDefault());
        }

        // The caller's token can be cancelled before the root even starts.
        var callerCancelledAtOnce = tree.CancelAfter is <= 0;
        if (callerCancelledAtOnce)
        {
            Add(0, TraceEventKind.CallerCancelled, TaskTree.RootId);
        }

        // Start phase: the root's delegate starts every child in order; synchronous completions happen inline.
        void Start(TreeEntry entry)
        {
            var node = run[entry.Id];
            if (!node.Started)
            {
                return;
            }

            Add(0, TraceEventKind.Started, entry.Id);
            if (entry.Id == TaskTree.RootId && callerCancelledAtOnce)
            {
                Add(0, TraceEventKind.TokenCancelled, entry.Id);
            }

            if (entry.Node is Group group)
            {
                for (var i = 0; i < group.Children.Count; i++)
                {
                    var childId = TaskTree.ChildId(entry.Id, i);
                    Start(new TreeEntry(childId, entry.Id, group.Children[i]));
                }
            }

            if (node.Synchronous)
            {
                End(node);
            }
        }

        Start(entries[0]);

        // Everything else, instant by instant; within an instant, by rank, but never before what causes it.
        var later = new List<(long Time, int Rank, int Order, Func<bool> Ready, Action Emit)>();
        if (tree.CancelAfter is { } c && c > 0 && (run.RootEnd is null || c <= run.RootEnd))
        {
            later.Add((c, 2, 0, () => true, () =>
            {
                Add(c, TraceEventKind.CallerCancelled, TaskTree.RootId);
                cancelledInside.Add(Caller);
            }));
        }

        foreach (var entry in entries)
        {
            var node = run[entry.Id];
            if (!node.Started)
            {
                continue;
            }

            if (node.TokenCancelledAt is { } cancelled && !(entry.Id == TaskTree.RootId && callerCancelledAtOnce))
            {
                // A token is cancelled by the caller (the root's) or by its group's token being cancelled.
                var by = parents.GetValueOrDefault(entry.Id, Caller);
                later.Add((cancelled, 3, order[entry.Id], () => cancelledInside.Contains(by), () =>
                {
                    Add(cancelled, TraceEventKind.TokenCancelled, entry.Id);
                    tokenRecorded.Add(entry.Id);
                    cancelledInside.Add(entry.Id);
                }));
            }

            if (node.End is not { } end || node.Synchronous)
            {
                continue;
            }

            var rank = entry.Node switch
            {
                Group => 6,
                _ when node.Faulted && !node.SawCancellation => 1,
                _ when node.SawCancellation => 5,
                _ => 4,
            };

            // A leaf that saw its token cancelled in this instant ends after that; a group after its children.
            Func<bool> ready = entry.Node switch
            {
                Group => () => children[entry.Id].All(id => run[id].End != end || ended.Contains(id)),
                _ when node.SawCancellation && node.TokenCancelledAt == end => () => tokenRecorded.Contains(entry.Id),
                _ => () => true,
            };

            // Groups end innermost first: deeper ids have more dots.
            var key = rank == 6 ? -entry.Id.Count(ch => ch == '.') * 10_000 + order[entry.Id] : order[entry.Id];
            later.Add((end, rank, key, ready, () =>
            {
                End(node);
            }));
        }

        var pending = later.OrderBy(x => x.Time).ThenBy(x => x.Rank).ThenBy(x => x.Order).ToList();
        while (pending.Count > 0)
        {
            var instant = pending[0].Time;
            var next = pending.FindIndex(x => x.Time == instant && x.Ready());
            next = next < 0 ? 0 : next; // nothing ready: keep the rank order (a tie the model resolved its own way)
            var item = pending[next];
            pending.RemoveAt(next);
            item.Emit();
        }

        var root = run.RootOutcome is { } outcome
            ? new RootResult(outcome, outcome == NodeOutcome.Faulted ? "TaskGroupException" : null, outcome == NodeOutcome.Faulted ? run.ThrownErrors : [])
            : RootResult.NeverEnded;
        var status = run.Terminates ? RunStatus.Completed : RunStatus.Deadlocked;
        return new Trace(events, root, status, [], events.Count == 0 ? 0 : events.Max(e => e.Time), events.Count);
    }
}
