using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>
/// The faulted ends of one group's children, in trace order, gathered once per group so that fail-fast
/// finds the fault that catches each sibling without going through its siblings again: judging a group
/// of w children costs O(w log w), not O(w²).
/// </summary>
internal sealed class SiblingFaults
{
    private static readonly SiblingFaults None = new([]);

    private readonly TraceEvent[] _faults;
    private readonly long[] _earliestTimeSoFar;

    private SiblingFaults(TraceEvent[] faults)
    {
        _faults = faults;
        _earliestTimeSoFar = new long[faults.Length];
        for (var i = 0; i < faults.Length; i++)
        {
            _earliestTimeSoFar[i] = i == 0 ? faults[0].Time : Math.Min(_earliestTimeSoFar[i - 1], faults[i].Time);
        }
    }

    /// <summary>The faults among the children of <paramref name="groupId"/>, earliest first.</summary>
    public static SiblingFaults Of(JudgeInput input, string groupId)
    {
        // Most groups have no faulted child: they share one empty list, and the sort is paid only for two faults or more.
        List<TraceEvent>? faults = null;
        var children = input.ChildrenOf(groupId);
        for (var i = 0; i < children.Count; i++)
        {
            if (input.Node(children[i]).Ended is { Outcome: NodeOutcome.Faulted } ended)
            {
                (faults ??= []).Add(ended);
            }
        }

        return faults switch
        {
            null => None,
            { Count: 1 } => new([faults[0]]),
            _ => new([.. faults.OrderBy(input.IndexOf)]),
        };
    }

    /// <summary>The earliest fault of a sibling of <paramref name="nodeId"/> (a child other than itself), or null.</summary>
    public TraceEvent? FirstOtherThan(string nodeId) =>
        _faults.Length == 0 ? null
        : _faults[0].NodeId != nodeId ? _faults[0]
        : _faults.Length > 1 ? _faults[1]
        : null;

    /// <summary>The earliest fault, in trace order, at a virtual time before <paramref name="time"/> (the node's own among them), or null.</summary>
    public TraceEvent? FirstBefore(long time)
    {
        // The earliest time so far never grows along the list: find the first position where it is below time.
        int low = 0, high = _faults.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_earliestTimeSoFar[middle] < time)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low < _faults.Length ? _faults[low] : null;
    }
}
