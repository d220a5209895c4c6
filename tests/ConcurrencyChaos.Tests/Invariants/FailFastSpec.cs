using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Tests.Invariants;

/// <summary>
/// fail-fast written the slow, obvious way, as the rule reads: for every node that started, walk the faults
/// of its siblings in trace order and report the first one that catches it — one it started after, or one
/// it was running at with its token not cancelled by the fault's time. The judge must find the same.
/// </summary>
internal static class FailFastSpec
{
    public static IReadOnlyList<(string NodeId, TraceEvent Fault, FailFastLapse Lapse)> Catches(TaskTree tree, Trace trace)
    {
        var position = new Dictionary<TraceEvent, int>(ReferenceEqualityComparer.Instance);
        for (var i = trace.Events.Count - 1; i >= 0; i--)
        {
            position[trace.Events[i]] = i;
        }

        var entries = tree.Entries().ToList();
        var faultsInGroup = entries.Where(e => e.ParentId is not null).ToLookup(
            e => e.ParentId!,
            e => trace.Node(e.Id).Ended is { Outcome: NodeOutcome.Faulted } fault ? fault : null);
        var found = new List<(string, TraceEvent, FailFastLapse)>();
        foreach (var entry in entries)
        {
            var node = trace.Node(entry.Id);
            if (entry.ParentId is null || node.Started is null)
            {
                continue;
            }

            var siblingFaults = faultsInGroup[entry.ParentId].OfType<TraceEvent>().Where(f => f.NodeId != entry.Id).OrderBy(f => position[f]);
            foreach (var fault in siblingFaults)
            {
                if (Catch(node, fault, position) is { } lapse)
                {
                    found.Add((entry.Id, fault, lapse));
                    break;
                }
            }
        }

        return found;
    }

    private static FailFastLapse? Catch(NodeTimeline node, TraceEvent fault, Dictionary<TraceEvent, int> position)
    {
        var at = position[fault];
        if (position[node.Started!] > at)
        {
            return FailFastLapse.StartedAfterFault;
        }

        var running = position[node.Started!] < at && (node.Ended is null || position[node.Ended] > at);
        return !running ? null
            : node.TokenCancelled is null ? FailFastLapse.NeverCancelled
            : node.TokenCancelled.Time > fault.Time ? FailFastLapse.CancelledLate
            : null;
    }
}
