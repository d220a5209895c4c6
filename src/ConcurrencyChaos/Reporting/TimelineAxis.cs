using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Reporting;

/// <summary>
/// The x axis of a timeline. Virtual time is piecewise: every instant at which something happened
/// gets a band with one slot per event, in trace order, so events at the same virtual ms (the usual
/// case in a shrunk counterexample, where delays shrink to 0) are spread out in the order they
/// happened; between instants the gap grows linearly with the ms that passed.
/// </summary>
internal sealed class TimelineAxis
{
    private readonly Dictionary<TraceEvent, double> _eventX = new(ReferenceEqualityComparer.Instance);
    private readonly List<Instant> _instants = [];

    public TimelineAxis(Trace trace, double left, double right)
    {
        Left = left;
        var events = trace.Events;

        var times = events.Select(e => e.Time).Append(0).Append(trace.EndTime).Distinct().Order().ToList();
        var slots = times.ToDictionary(t => t, t => events.Count(e => e.Time == t));
        var totalSlots = Math.Max(1, slots.Values.Sum());
        const double endPad = 28;
        var width = right - left - endPad;
        var gaps = times.Count - 1;
        SlotWidth = Math.Min(gaps == 0 ? 36 : 18, width * 0.55 / totalSlots);
        var free = width - (totalSlots * SlotWidth);
        var minGap = gaps == 0 ? 0 : Math.Min(30, free * 0.35 / gaps);
        var totalMs = times[^1] - times[0];
        var msScale = totalMs == 0 ? 0 : Math.Max(0, free - (gaps * minGap)) / totalMs;

        var x = left;
        for (var i = 0; i < times.Count; i++)
        {
            if (i > 0)
            {
                x += minGap + ((times[i] - times[i - 1]) * msScale);
            }

            var instant = new Instant(times[i], x, slots[times[i]] * SlotWidth);
            _instants.Add(instant);
            var rank = 0;
            foreach (var e in events.Where(e => e.Time == times[i]))
            {
                _eventX[e] = x + ((rank + 0.5) * SlotWidth);
                rank++;
            }

            x += instant.Width;
        }

        RunEnd = x + (endPad * 0.5);
        Right = x + endPad;
    }

    /// <summary>Where the plot begins.</summary>
    public double Left { get; }

    /// <summary>Where the plot ends.</summary>
    public double Right { get; }

    /// <summary>The x of the end of the run: where a bar that never ended stops.</summary>
    public double RunEnd { get; }

    /// <summary>The width of one event's slot.</summary>
    public double SlotWidth { get; }

    /// <summary>Every instant at which something happened, in time order (plus 0 and the end of the run).</summary>
    public IReadOnlyList<Instant> Instants => _instants;

    /// <summary>The x of an event of the trace.</summary>
    public double X(TraceEvent e) => _eventX[e];

    /// <summary>One instant's band.</summary>
    /// <param name="Time">Virtual ms.</param>
    /// <param name="Start">The x at which its band starts.</param>
    /// <param name="Width">The band's width (0 when nothing happened then).</param>
    internal sealed record Instant(long Time, double Start, double Width)
    {
        public double Middle => Start + (Width / 2);
    }
}
