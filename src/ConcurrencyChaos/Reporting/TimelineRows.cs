using System.Globalization;
using System.Text;
using ConcurrencyChaos.Model;
using static ConcurrencyChaos.Reporting.HtmlText;
using static ConcurrencyChaos.Reporting.TimelineStyle;

namespace ConcurrencyChaos.Reporting;

/// <summary>One row per node: its label, a bar from start to end in its outcome's colour, an arrow when it never ended, and an orphan's tail after its group ended.</summary>
internal static class TimelineRows
{
    public static void Draw(StringBuilder svg, Trace trace, TimelineLayout layout, TimelineMarks marks)
    {
        foreach (var (entry, text) in layout.Labels)
        {
            Label(svg, entry, text, layout);
            if (trace.Node(entry.Id) is { Started: { } started } node)
            {
                Bar(svg, entry, node, started, trace, layout, marks);
            }
        }
    }

    private static void Label(StringBuilder svg, TreeEntry entry, string text, TimelineLayout layout)
    {
        var labelX = Margin + 4 + (TimelineLabels.Depth(entry.Id) * 14);
        var full = entry.Node is Leaf leaf ? $"{entry.Id} leaf: {TreeText.Describe(leaf, entry.Id)}" : $"{entry.Id} group ({text})";
        svg.Append(CultureInfo.InvariantCulture,
            $"<text class=\"node-label\" data-node=\"{Escape(entry.Id)}\" x=\"{N(labelX)}\" y=\"{N(layout.RowMiddle(entry.Id) + 4)}\" font-family=\"monospace\" font-size=\"12\" fill=\"{Ink}\"><title>{Escape(full)}</title><tspan font-weight=\"bold\">{Escape(entry.Id)}</tspan> <tspan fill=\"#555555\">{Escape(text)}</tspan></text>\n");
    }

    private static void Bar(StringBuilder svg, TreeEntry entry, NodeTimeline node, TraceEvent started, Trace trace, TimelineLayout layout, TimelineMarks marks)
    {
        var axis = layout.Axis;
        var mid = layout.RowMiddle(entry.Id);
        var x1 = axis.X(started);
        var x2 = node.Ended is { } ended ? axis.X(ended) : axis.RunEnd;
        var barTop = mid - (BarHeight / 2);
        var (fill, outcome) = node.Ended?.Outcome switch
        {
            null => (Running, "never ended"),
            NodeOutcome.RanToCompletion => (Completed, "completed"),
            NodeOutcome.Canceled => (Canceled, "canceled"),
            _ => (Faulted, "faulted"),
        };
        var barTitle = node.Ended is { } end
            ? $"{entry.Id}: started at {Ms(started.Time)}, {outcome} at {Ms(end.Time)}"
            : $"{entry.Id}: started at {Ms(started.Time)}, never ended (the run stopped at {Ms(trace.EndTime)})";
        var isGroup = entry.Node is Group;
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect class=\"bar{(node.Ended is null ? " open" : "")}\" data-node=\"{Escape(entry.Id)}\" data-outcome=\"{outcome}\" x=\"{N(x1)}\" y=\"{N(barTop)}\" width=\"{N(Math.Max(2, x2 - x1))}\" height=\"{N(BarHeight)}\" rx=\"{(isGroup ? "0" : "2")}\" fill=\"{fill}\" stroke=\"{(isGroup ? "#4d4d4d" : "none")}\" stroke-width=\"1\"><title>{Escape(barTitle)}</title></rect>\n");
        if (node.Ended is null)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<path class=\"open-end\" data-node=\"{Escape(entry.Id)}\" d=\"M{N(x2 + 2)} {N(barTop - 2)} L{N(x2 + 9)} {N(mid)} L{N(x2 + 2)} {N(barTop + BarHeight + 2)}\" fill=\"none\" stroke=\"{Ink}\" stroke-width=\"2\"><title>{Escape(entry.Id)} never ended</title></path>\n");
        }

        if (marks.OrphanOf(entry.Id) is { } orphan)
        {
            OrphanTail(svg, orphan, Math.Max(x1, axis.X(orphan.GroupEnded)), x2, barTop, fill, barTitle);
        }
    }

    /// <summary>The orphan's tail, from when its group ended to its own end; a cap keeps its outcome's colour visible.</summary>
    private static void OrphanTail(StringBuilder svg, OrphanFinding orphan, double tailStart, double x2, double barTop, string fill, string barTitle)
    {
        var id = orphan.NodeId;
        var tailTitle = orphan.Ended is null
            ? $"{id} is an orphan: its group {orphan.GroupId} ended at {Ms(orphan.GroupEnded.Time)} and it never ended"
            : $"{id} is an orphan: its group {orphan.GroupId} ended at {Ms(orphan.GroupEnded.Time)}, it ended at {Ms(orphan.Ended.Time)}";
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect class=\"orphan-tail\" data-node=\"{Escape(id)}\" x=\"{N(tailStart)}\" y=\"{N(barTop - 1)}\" width=\"{N(Math.Max(3, x2 - tailStart))}\" height=\"{N(BarHeight + 2)}\" fill=\"{Orange}\" stroke=\"#c45500\" stroke-width=\"1\"><title>{Escape(tailTitle)}</title></rect>\n");
        if (orphan.Ended is not null && x2 - tailStart > 10)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"outcome-cap\" data-node=\"{Escape(id)}\" x=\"{N(x2 - 5)}\" y=\"{N(barTop)}\" width=\"5\" height=\"{N(BarHeight)}\" fill=\"{fill}\"><title>{Escape(barTitle)}</title></rect>\n");
        }
    }
}
