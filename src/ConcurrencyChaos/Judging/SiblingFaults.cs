using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>
/// The faulted ends of one group's children, in trace order, gathered for every group in one pass over the tree so
/// that fail-fast finds the fault that catches each sibling without going through its siblings again: judging a group
/// of w children costs O(w) when at most one of them faulted, O(w log w) at worst, never O(w²). Every group's faults
/// share one array, each group a stretch of it.
/// </summary>
internal sealed class SiblingFaults
{
    private readonly TraceEvent[] _faults;
    private readonly long[] _earliestTimeSoFar;
    private readonly int _start;
    private readonly int _end;

    private SiblingFaults(TraceEvent[] faults, long[] earliestTimeSoFar, int start, int count)
    {
        _faults = faults;
        _earliestTimeSoFar = earliestTimeSoFar;
        _start = start;
        _end = start + count;
        for (var i = start; i < _end; i++)
        {
            earliestTimeSoFar[i] = i == start ? faults[start].Time : Math.Min(earliestTimeSoFar[i - 1], faults[i].Time);
        }
    }

    /// <summary>
    /// The faults among the children of each group, earliest first, by the group's position in
    /// the tree's pre-order (<see cref="JudgeInput.NodeAt"/>); null for a group none of whose children faulted (and for a leaf).
    /// </summary>
    public static SiblingFaults?[] ByGroup(JudgeInput input)
    {
        // Count each group's faulted children, give each group its stretch of one array, then fill the stretches.
        var count = input.Count;
        var next = new int[count];
        var total = 0;
        for (var i = 1; i < count; i++)
        {
            if (input.NodeAt(i).Ended is { Outcome: NodeOutcome.Faulted })
            {
                next[input.ParentAt(i)]++;
                total++;
            }
        }

        var starts = new int[count];
        for (int group = 0, start = 0; group < count; group++)
        {
            var faulted = next[group];
            (starts[group], next[group]) = (start, start);
            start += faulted;
        }

        var faults = new TraceEvent[total];
        for (var i = 1; i < count; i++)
        {
            if (input.NodeAt(i).Ended is { Outcome: NodeOutcome.Faulted } ended)
            {
                faults[next[input.ParentAt(i)]++] = ended;
            }
        }

        var byGroup = new SiblingFaults?[count];
        var earliest = new long[total];
        int[]? positions = null;
        for (var group = 0; group < count; group++)
        {
            var (start, length) = (starts[group], next[group] - starts[group]);
            if (length > 1)
            {
                // The sort is paid only for two faults or more; trace positions are distinct, so it is the stable one.
                positions ??= new int[total];
                for (var j = start; j < start + length; j++)
                {
                    positions[j] = input.IndexOf(faults[j]);
                }

                Array.Sort(positions, faults, start, length);
            }

            byGroup[group] = length == 0 ? null : new SiblingFaults(faults, earliest, start, length);
        }

        return byGroup;
    }

    /// <summary>
    /// The earliest fault of a sibling of <paramref name="node"/> (a child other than itself), or null. A child's fault is
    /// its end, so its own is the very event its life ends with.
    /// </summary>
    public TraceEvent? FirstOtherThan(NodeLife node) =>
        !ReferenceEquals(_faults[_start], node.Ended) ? _faults[_start]
        : _end - _start > 1 ? _faults[_start + 1]
        : null;

    /// <summary>The earliest fault, in trace order, at a virtual time before <paramref name="time"/> (the node's own among them), or null.</summary>
    public TraceEvent? FirstBefore(long time)
    {
        // The earliest time so far never grows along the stretch: find the first position where it is below time.
        int low = _start, high = _end;
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

        return low < _end ? _faults[low] : null;
    }
}
