using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>
/// The faulted ends of one group's children, in trace order, gathered for every group in one pass over the tree so
/// that fail-fast finds the fault that catches each sibling without going through its siblings again: judging a group
/// of w children costs O(w) when at most one of them faulted, O(w log w) at worst, never O(w²).
/// </summary>
internal sealed class SiblingFaults
{
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

    /// <summary>
    /// The faults among the children of each group, earliest first, by the group's position in
    /// <see cref="JudgeInput.Entries"/>; null for a group none of whose children faulted (and for a leaf).
    /// </summary>
    public static SiblingFaults?[] ByGroup(JudgeInput input)
    {
        var count = input.Entries.Count;
        var faults = new List<TraceEvent>?[count];
        for (var i = 1; i < count; i++)
        {
            if (input.NodeAt(i).Ended is { Outcome: NodeOutcome.Faulted } ended)
            {
                (faults[input.ParentAt(i)] ??= []).Add(ended);
            }
        }

        var byGroup = new SiblingFaults?[count];
        for (var group = 0; group < count; group++)
        {
            byGroup[group] = faults[group] switch
            {
                null => null,
                { Count: 1 } ends => new([ends[0]]),
                var ends => new(InTraceOrder(input, ends)),
            };
        }

        return byGroup;
    }

    /// <summary>Two faults or more, sorted by their trace positions (distinct, so this is the stable sort).</summary>
    private static TraceEvent[] InTraceOrder(JudgeInput input, List<TraceEvent> ends)
    {
        var inOrder = ends.ToArray();
        var positions = new int[inOrder.Length];
        for (var j = 0; j < inOrder.Length; j++)
        {
            positions[j] = input.IndexOf(inOrder[j]);
        }

        Array.Sort(positions, inOrder);
        return inOrder;
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
