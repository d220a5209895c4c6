using System.Globalization;
using System.Text;
using ConcurrencyChaos.Model;
using static ConcurrencyChaos.Reporting.HtmlText;
using static ConcurrencyChaos.Reporting.TimelineStyle;

namespace ConcurrencyChaos.Reporting;

/// <summary>
/// A run drawn as an SVG timeline: one row per node in tree pre-order, a bar from start to end in
/// virtual time, faults, token cancellations, the caller's cancellation, the root's end and every
/// orphan's tail after its group ended. Plain SVG: no scripts, no external assets, generic fonts;
/// the same trace always gives the same bytes. Elements carry stable <c>class</c> and
/// <c>data-node</c> attributes (bar, orphan-tail, fault, lost-fault, token-cancelled, caller-cancel,
/// root-end, legend) so tests and tools can find them. Orphans and lost errors are the judge's findings
/// (<see cref="ReportedRun.AllViolations"/>); the title and the Violated list are the run's verdict.
/// </summary>
internal static class TimelineDrawing
{
    /// <summary>Draws the run: heading, rows, marks, notes, axis, the lists of violations and lost errors, legend.</summary>
    public static string Render(ReportedRun run)
    {
        var marks = new TimelineMarks(run.AllViolations);
        var layout = new TimelineLayout(run, marks);
        var title = Title(run);
        var svg = new StringBuilder();
        Heading(svg, run, title);
        Background(svg, layout);
        TimelineRows.Draw(svg, run.Trace, layout, marks);
        TimelineMarkers.Draw(svg, run.Trace, layout, marks);
        TimelineNotes.Draw(svg, layout);
        var y = Axis(svg, layout);
        y = Violated(svg, run.Violations, y);
        y = Lost(svg, run.Trace, layout, marks, y);
        y = TimelineLegend.Draw(svg, y + 26);
        var height = y + Margin;
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chaos-timeline\" width=\"{N(Width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(Width)} {N(height)}\" font-family=\"sans-serif\" font-size=\"12\">\n<title>{Escape(title)}</title>\n<rect x=\"0\" y=\"0\" width=\"{N(Width)}\" height=\"{N(height)}\" fill=\"#ffffff\"/>\n{svg}</svg>\n");
    }

    /// <summary>"when-all broke errors-observed, fail-fast", or that every checked invariant held.</summary>
    private static string Title(ReportedRun run)
    {
        var broken = run.Violations.Select(v => v.Invariant).Distinct().ToList();
        return broken.Count == 0
            ? $"{run.PatternName}: every checked invariant held"
            : $"{run.PatternName} broke {string.Join(", ", broken)}";
    }

    /// <summary>The title, and a subtitle saying what the run was.</summary>
    private static void Heading(StringBuilder svg, ReportedRun run, string title)
    {
        var (tree, trace) = (run.Tree, run.Trace);
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"title\" x=\"{N(Margin)}\" y=\"{N(TimelineLayout.TitleY)}\" font-size=\"16\" font-weight=\"bold\" fill=\"{Ink}\">{Escape(title)}</text>\n");
        var cancel = tree.CancelAfter is { } c ? $"caller cancels at {Ms(c)}" : "caller never cancels";
        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"{tree.NodeCount} nodes · scheduler seed {tree.Seed} · {cancel} · run {trace.Status} at {Ms(trace.EndTime)} after {trace.Steps} steps");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"subtitle\" x=\"{N(Margin)}\" y=\"{N(TimelineLayout.SubtitleY)}\" fill=\"#555555\">{Escape(subtitle)}</text>\n");
    }

    /// <summary>Zebra rows and instant bands, under everything else.</summary>
    private static void Background(StringBuilder svg, TimelineLayout layout)
    {
        for (var i = 1; i < layout.Entries.Count; i += 2)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(Margin)}\" y=\"{N(layout.PlotTop + (i * RowHeight))}\" width=\"{N(Width - (2 * Margin))}\" height=\"{N(RowHeight)}\" fill=\"#f7f7f7\"/>\n");
        }

        foreach (var instant in layout.Axis.Instants.Where(i => i.Width > 0))
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"instant\" x=\"{N(instant.Start)}\" y=\"{N(layout.PlotTop)}\" width=\"{N(instant.Width)}\" height=\"{N(layout.PlotBottom - layout.PlotTop)}\" fill=\"#e8eef5\" fill-opacity=\"0.6\"><title>{Escape(Ms(instant.Time))}: events in the order they happened</title></rect>\n");
        }
    }

    /// <summary>The x axis under the rows: a tick per instant, labelled where the labels do not collide. Returns where it ends.</summary>
    private static double Axis(StringBuilder svg, TimelineLayout layout)
    {
        var axis = layout.Axis;
        var y = layout.PlotBottom;
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"axis\"><line x1=\"{N(axis.Left)}\" y1=\"{N(y)}\" x2=\"{N(axis.Right)}\" y2=\"{N(y)}\" stroke=\"{Ink}\" stroke-width=\"1\"/>");
        var lastLabelEnd = double.NegativeInfinity;
        foreach (var instant in axis.Instants)
        {
            var x = instant.Width > 0 ? instant.Middle : instant.Start;
            var label = Ms(instant.Time);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"tick\" x1=\"{N(x)}\" y1=\"{N(y)}\" x2=\"{N(x)}\" y2=\"{N(y + 5)}\" stroke=\"{Ink}\"/>");
            if (instant.Width > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(instant.Start)}\" y1=\"{N(y + 2)}\" x2=\"{N(instant.Start + instant.Width)}\" y2=\"{N(y + 2)}\" stroke=\"#6c8ebf\" stroke-width=\"3\"/>");
            }

            var labelWidthPx = label.Length * 6.5;
            if (x - (labelWidthPx / 2) > lastLabelEnd + 4)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y + 17)}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{Ink}\">{Escape(label)}</text>");
                lastLabelEnd = x + (labelWidthPx / 2);
            }
        }

        y += 34;
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{N(axis.Left)}\" y=\"{N(y)}\" font-size=\"11\" fill=\"#555555\">virtual time (ms), a tick per instant; in a shaded band, one instant's events in the order they happened</text></g>\n");
        return y;
    }

    /// <summary>The verdict, one line per violation, when the run broke anything. Returns where it ends.</summary>
    private static double Violated(StringBuilder svg, IReadOnlyList<Violation> violations, double y) => List(
        svg, y, 26, "violations", Ink, "Violated", violations, (v, at) => string.Create(CultureInfo.InvariantCulture,
            $"<text x=\"{N(Margin + 10)}\" y=\"{N(at)}\" font-size=\"11\" fill=\"{Ink}\"><tspan font-weight=\"bold\">{Escape(v.Invariant)}</tspan>: {Escape(v.Message)}</text>"));

    /// <summary>Every throw of a lost error, in the order they happened, when there are any. Returns where it ends.</summary>
    private static double Lost(StringBuilder svg, Trace trace, TimelineLayout layout, TimelineMarks marks, double y) => List(
        svg, y, 24, "lost-list", Red, "Lost errors (thrown, never reached the caller's await)",
        [.. trace.Events.Where(e => e.Kind == TraceEventKind.Threw && layout.HasRow(e.NodeId) && marks.IsLost(e))],
        (e, at) => string.Create(CultureInfo.InvariantCulture,
            $"<text data-node=\"{Escape(e.NodeId)}\" x=\"{N(Margin + 10)}\" y=\"{N(at)}\" font-size=\"11\" fill=\"{Red}\">{Escape($"{e.Error!.Kind} thrown by {e.NodeId} at {Ms(e.Time)}")}</text>"));

    /// <summary>
    /// A list under the plot, <paramref name="gap"/> below what came before: a heading, then a line per item 16 apart.
    /// Nothing when there are no items. Returns where it ends.
    /// </summary>
    private static double List<T>(
        StringBuilder svg, double y, double gap, string cssClass, string colour, string heading, IReadOnlyList<T> items, Func<T, double, string> line)
    {
        if (items.Count == 0)
        {
            return y;
        }

        y += gap;
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"{cssClass}\"><text x=\"{N(Margin)}\" y=\"{N(y)}\" font-weight=\"bold\" fill=\"{colour}\">{heading}</text>");
        foreach (var item in items)
        {
            y += 16;
            svg.Append(line(item, y));
        }

        svg.Append("</g>\n");
        return y;
    }
}
