using System.Globalization;
using System.Text;
using ConcurrencyChaos.Model;
using static ConcurrencyChaos.Reporting.HtmlText;
using static ConcurrencyChaos.Reporting.TimelineStyle;

namespace ConcurrencyChaos.Reporting;

/// <summary>
/// The marks on top of the bars: a triangle where a node's token was cancelled, a ✕ per thrown error (hollow
/// when the judge found it lost), and two lines across every row: where the caller cancelled and where the root ended.
/// </summary>
internal static class TimelineMarkers
{
    public static void Draw(StringBuilder svg, Trace trace, TimelineLayout layout, TimelineMarks marks)
    {
        TokenCancellations(svg, trace, layout);
        Throws(svg, trace, layout, marks);
        CallerCancel(svg, trace, layout);
        RootEnd(svg, trace, layout);
    }

    private static void TokenCancellations(StringBuilder svg, Trace trace, TimelineLayout layout)
    {
        foreach (var entry in layout.Entries)
        {
            if (trace.Node(entry.Id).TokenCancelled is { } cancelled)
            {
                var x = layout.Axis.X(cancelled);
                var top = layout.RowMiddle(entry.Id) - (BarHeight / 2);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<path class=\"token-cancelled\" data-node=\"{Escape(entry.Id)}\" d=\"M{N(x - 5)} {N(top - 5)} L{N(x + 5)} {N(top - 5)} L{N(x)} {N(top + 3)} Z\" fill=\"#f2b600\" stroke=\"{Amber}\" stroke-width=\"1\"><title>{Escape($"{entry.Id}'s token was cancelled at {Ms(cancelled.Time)}")}</title></path>\n");
            }
        }
    }

    private static void Throws(StringBuilder svg, Trace trace, TimelineLayout layout, TimelineMarks marks)
    {
        foreach (var e in trace.Events.Where(e => e.Kind == TraceEventKind.Threw && layout.HasRow(e.NodeId)))
        {
            var at = $"transform=\"translate({N(layout.Axis.X(e))} {N(layout.RowMiddle(e.NodeId))})\"";
            var what = e.Error is { } err ? err.Kind.ToString() : e.Detail ?? "an error";
            if (marks.IsLost(e))
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<g class=\"lost-fault\" data-node=\"{Escape(e.NodeId)}\" data-error=\"{Escape(what)}\" {at}><title>{Escape($"{e.NodeId} threw {what} at {Ms(e.Time)}: LOST, it never reached the caller's await")}</title>{Cross(8, 2.6, "#ffffff", Red, 1.8)}</g>\n");
            }
            else
            {
                var fate = trace.Root.Outcome is null ? "the caller's await never ended" : "it reached the caller's await";
                svg.Append(CultureInfo.InvariantCulture,
                    $"<g class=\"fault\" data-node=\"{Escape(e.NodeId)}\" data-error=\"{Escape(what)}\" {at}><title>{Escape($"{e.NodeId} threw {what} at {Ms(e.Time)}; {fate}")}</title>{Cross(7, 2, Red, "#8b0000", 0.8)}</g>\n");
            }
        }
    }

    private static void CallerCancel(StringBuilder svg, Trace trace, TimelineLayout layout)
    {
        if (trace.CallerCancelled is not { } cancelled)
        {
            return;
        }

        var x = layout.Axis.X(cancelled);
        svg.Append(CultureInfo.InvariantCulture,
            $"<g class=\"caller-cancel\" data-node=\"{TaskTree.RootId}\"><title>{Escape($"the caller cancelled at {Ms(cancelled.Time)}")}</title><line x1=\"{N(x)}\" y1=\"{N(layout.CallerLabelY + 4)}\" x2=\"{N(x)}\" y2=\"{N(layout.PlotBottom)}\" stroke=\"{Amber}\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>{LineLabel(x, layout.CallerLabelY, $"caller cancels ({Ms(cancelled.Time)})", Amber)}</g>\n");
    }

    private static void RootEnd(StringBuilder svg, Trace trace, TimelineLayout layout)
    {
        if (trace.Node(TaskTree.RootId).Ended is not { } rootEnded)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"root-never-ended\" x=\"{N(layout.PlotLeft)}\" y=\"{N(layout.RootLabelY)}\" fill=\"{Red}\" font-weight=\"bold\">the root never ended: the caller's await is still waiting</text>\n");
            return;
        }

        var x = layout.Axis.X(rootEnded);
        var saw = trace.Root.Outcome switch
        {
            NodeOutcome.RanToCompletion => "await returned normally",
            NodeOutcome.Canceled => "await threw OperationCanceledException",
            NodeOutcome.Faulted => $"await threw {trace.Root.Exception ?? "an exception"}",
            _ => "root ended",
        };
        svg.Append(CultureInfo.InvariantCulture,
            $"<g class=\"root-end\" data-node=\"{TaskTree.RootId}\"><title>{Escape($"the root ended at {Ms(rootEnded.Time)}: {saw}")}</title><line x1=\"{N(x)}\" y1=\"{N(layout.RootLabelY + 4)}\" x2=\"{N(x)}\" y2=\"{N(layout.PlotBottom)}\" stroke=\"{Ink}\" stroke-width=\"2\"/>{LineLabel(x, layout.RootLabelY, $"root ended ({Ms(rootEnded.Time)}): {saw}", Ink)}</g>\n");
    }

    /// <summary>A vertical line's label: right of the line, or left of it when it would run off the page.</summary>
    private static string LineLabel(double x, double y, string text, string colour)
    {
        var width = text.Length * 6.6;
        var anchorEnd = x + 4 + width > Width - Margin && x - 4 - width >= Margin;
        var at = anchorEnd ? x - 4 : x + 4;
        return string.Create(CultureInfo.InvariantCulture,
            $"<text x=\"{N(at)}\" y=\"{N(y)}\" font-size=\"11\" fill=\"{colour}\" font-weight=\"bold\"{(anchorEnd ? " text-anchor=\"end\"" : "")}>{Escape(text)}</text>");
    }
}
