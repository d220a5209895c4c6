using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>
/// Where each recorded event is in <see cref="Trace.Events"/>, found without hashing: a run records its events in
/// step order, so the events of one step are a short stretch of the list, and a table by step says where each stretch
/// begins (one pass to build, a few comparisons per look-up). The events of a long stretch (a cascade: one fault
/// cancelling thousands of siblings in one step) are indexed by reference in a table of positions of their own (open
/// addressing by identity hash: 8 bytes an event, so that even a cascade of thousands stays off the large object heap,
/// which only a full collection frees), as is a whole trace whose steps go back or are too sparse for a table (one
/// made by hand, in a dictionary): a look-up never scans more than a few events.
/// </summary>
internal sealed class EventPositions
{
    private readonly IReadOnlyList<TraceEvent> _events;
    private readonly long _firstStep;
    private readonly int[]? _startOfStep;
    private const int LongStretch = 64;

    private readonly bool _inStepOrder;
    private Dictionary<long, int[]>? _stretches;
    private Dictionary<TraceEvent, int>? _byReference;

    public EventPositions(IReadOnlyList<TraceEvent> events)
    {
        _events = events;
        _firstStep = events.Count == 0 ? 0 : events[0].Step;
        var lastStep = events.Count == 0 ? 0 : events[^1].Step;
        _inStepOrder = IsInStepOrder(events);
        if (_inStepOrder && lastStep - _firstStep <= (4L * events.Count) + 64)
        {
            // _startOfStep[k]: the position of the first event of step _firstStep + k or later.
            var steps = (int)(lastStep - _firstStep) + 1;
            var start = new int[steps + 1];
            var k = 0;
            for (var i = 0; i < events.Count; i++)
            {
                var step = (int)(events[i].Step - _firstStep);
                while (k <= step)
                {
                    start[k++] = i;
                }
            }

            while (k <= steps)
            {
                start[k++] = events.Count;
            }

            _startOfStep = start;
        }
        else
        {
            _byReference = new Dictionary<TraceEvent, int>(events.Count, ReferenceEqualityComparer.Instance);
            Index(_byReference, events, 0, events.Count);
        }
    }

    /// <summary>Gets whether the trace is in step order: an event of a later step is later in the trace.</summary>
    public bool InStepOrder => _inStepOrder;

    /// <summary>Whether <paramref name="events"/> are in step order (<see cref="InStepOrder"/>), by one scan that keeps nothing.</summary>
    public static bool IsInStepOrder(IReadOnlyList<TraceEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].Step < events[i - 1].Step)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first position of this very instance in the trace, or -1 when the trace does not hold it.</summary>
    public int Of(TraceEvent traceEvent)
    {
        if (_startOfStep is not { } start)
        {
            return _byReference!.TryGetValue(traceEvent, out var index) ? index : -1;
        }

        var step = traceEvent.Step - _firstStep;
        if (step < 0 || step >= start.Length - 1)
        {
            return -1;
        }

        if (start[step + 1] - start[step] > LongStretch)
        {
            // A long stretch is indexed when first looked into.
            _stretches ??= [];
            if (!_stretches.TryGetValue(step, out var table))
            {
                table = Stretch(_events, start[step], start[step + 1]);
                _stretches[step] = table;
            }

            return Find(table, _events, traceEvent);
        }

        for (int i = start[step], end = start[step + 1]; i < end; i++)
        {
            if (ReferenceEquals(_events[i], traceEvent))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The positions <paramref name="from"/> to <paramref name="to"/> in a table of twice as many slots or more, each at
    /// the slot its event's identity hash gives, or the next free one (-1 is free); the first position of an event held twice.
    /// </summary>
    private static int[] Stretch(IReadOnlyList<TraceEvent> events, int from, int to)
    {
        var table = new int[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(to - from) * 2)];
        Array.Fill(table, -1);
        var mask = table.Length - 1;
        for (var i = from; i < to; i++)
        {
            var slot = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(events[i]) & mask;
            while (table[slot] >= 0 && !ReferenceEquals(events[table[slot]], events[i]))
            {
                slot = (slot + 1) & mask;
            }

            if (table[slot] < 0)
            {
                table[slot] = i;
            }
        }

        return table;
    }

    /// <summary>The position <paramref name="table"/> (made by <see cref="Stretch"/>) holds for this very instance, or -1.</summary>
    private static int Find(int[] table, IReadOnlyList<TraceEvent> events, TraceEvent traceEvent)
    {
        var mask = table.Length - 1;
        for (var slot = System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(traceEvent) & mask; table[slot] >= 0; slot = (slot + 1) & mask)
        {
            if (ReferenceEquals(events[table[slot]], traceEvent))
            {
                return table[slot];
            }
        }

        return -1;
    }

    private static void Index(Dictionary<TraceEvent, int> byReference, IReadOnlyList<TraceEvent> events, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            byReference.TryAdd(events[i], i);
        }
    }
}
