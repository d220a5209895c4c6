using System.Globalization;
using System.Text;
using ConcurrencyChaos.Model;
using static ConcurrencyChaos.Reporting.HtmlText;

namespace ConcurrencyChaos.Reporting;

/// <summary>
/// A run drawn as an SVG timeline: one row per node in tree pre-order, a bar from start to end in
/// virtual time, faults, token cancellations, the caller's cancellation, the root's end and every
/// orphan's tail after its group ended. Plain SVG: no scripts, no external assets, generic fonts;
/// the same trace always gives the same bytes. Elements carry stable <c>class</c> and
/// <c>data-node</c> attributes (bar, orphan-tail, fault, lost-fault, token-cancelled, caller-cancel,
/// root-end, legend) so tests and tools can find them.
/// </summary>
internal static class TimelineDrawing
{
    private const double Width = 1000;
    private const double Margin = 16;
    private const double RowHeight = 24;
    private const double BarHeight = 12;
    private const double CharWidth = 7.3; // 12px monospace
    private const double NoteCharWidth = 6.4; // 11px bold sans-serif, generously
    private const string Red = "#d62728";
    private const string Orange = "#ff7f0e";
    private const string Amber = "#b8860b";
    private const string Ink = "#222222";
    private const string Completed = "#7fa7d4";
    private const string Faulted = "#b58fc9";
    private const string Canceled = "#b3b3b3";
    private const string Running = "#7fa7d4";

    public static string Render(ReportedRun run)
    {
        var (tree, trace, patternName, violations) = (run.Tree, run.Trace, run.PatternName, run.Violations);
        var marks = new TimelineMarks(run.AllViolations);
        var entries = tree.Entries().ToList();
        var rowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            rowOf[entries[i].Id] = i;
        }

        const double maxLabelWidth = 330;
        var labels = entries.Select(e => (Entry: e, Text: Fit(ShortDescription(e.Node, patternName), (int)((maxLabelWidth - 16 - (Depth(e.Id) * 14)) / CharWidth) - e.Id.Length - 1))).ToList();
        var labelWidth = Math.Clamp(labels.Max(l => (Depth(l.Entry.Id) * 14) + ((l.Entry.Id.Length + 1 + l.Text.Length) * CharWidth)) + 16, 150, maxLabelWidth);
        var plotLeft = Margin + labelWidth;
        var notes = Notes(entries, trace, marks);
        var notesWidth = Math.Clamp(notes.Values.Select(n => string.Join("; ", n.Select(x => x.Text)).Length * NoteCharWidth).DefaultIfEmpty(0).Max() + 16, 40, 340);
        var axis = new TimelineAxis(trace, plotLeft, Width - Margin - notesWidth);
        var notesX = axis.Right + 12;

        var svg = new StringBuilder();
        var y = Margin;

        // Title and what the run was.
        var broken = violations.Select(v => v.Invariant).Distinct().ToList();
        var title = broken.Count == 0
            ? $"{patternName}: every checked invariant held"
            : $"{patternName} broke {string.Join(", ", broken)}";
        y += 14;
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"title\" x=\"{N(Margin)}\" y=\"{N(y)}\" font-size=\"16\" font-weight=\"bold\" fill=\"{Ink}\">{Escape(title)}</text>\n");
        y += 18;
        var cancel = tree.CancelAfter is { } c ? $"caller cancels at {Ms(c)}" : "caller never cancels";
        var subtitle = string.Create(CultureInfo.InvariantCulture,
            $"{tree.NodeCount} nodes · scheduler seed {tree.Seed} · {cancel} · run {trace.Status} at {Ms(trace.EndTime)} after {trace.Steps} steps");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"subtitle\" x=\"{N(Margin)}\" y=\"{N(y)}\" fill=\"#555555\">{Escape(subtitle)}</text>\n");

        // Labels of the two vertical lines, each on its own line above the plot.
        y += 22;
        var callerCancel = trace.CallerCancelled;
        var rootEnded = trace.Node(TaskTree.RootId).Ended;
        var callerLabelY = y;
        var rootLabelY = callerCancel is null ? y : y + 16;
        var plotTop = rootLabelY + 10;
        var plotBottom = plotTop + (entries.Count * RowHeight);

        // Zebra rows and instant bands under everything else.
        for (var i = 0; i < entries.Count; i++)
        {
            if (i % 2 == 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(Margin)}\" y=\"{N(plotTop + (i * RowHeight))}\" width=\"{N(Width - (2 * Margin))}\" height=\"{N(RowHeight)}\" fill=\"#f7f7f7\"/>\n");
            }
        }

        foreach (var instant in axis.Instants.Where(i => i.Width > 0))
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"instant\" x=\"{N(instant.Start)}\" y=\"{N(plotTop)}\" width=\"{N(instant.Width)}\" height=\"{N(plotBottom - plotTop)}\" fill=\"#e8eef5\" fill-opacity=\"0.6\"><title>{Escape(Ms(instant.Time))}: events in the order they happened</title></rect>\n");
        }

        // Rows: label, bar, open end, orphan tail.
        foreach (var (entry, text) in labels)
        {
            var row = rowOf[entry.Id];
            var top = plotTop + (row * RowHeight);
            var mid = top + (RowHeight / 2);
            var labelX = Margin + 4 + (Depth(entry.Id) * 14);
            var full = entry.Node is Leaf leaf ? $"{entry.Id} leaf: {TreeText.Describe(leaf)}" : $"{entry.Id} group ({text})";
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"node-label\" data-node=\"{Escape(entry.Id)}\" x=\"{N(labelX)}\" y=\"{N(mid + 4)}\" font-family=\"monospace\" font-size=\"12\" fill=\"{Ink}\"><title>{Escape(full)}</title><tspan font-weight=\"bold\">{Escape(entry.Id)}</tspan> <tspan fill=\"#555555\">{Escape(text)}</tspan></text>\n");

            var node = trace.Node(entry.Id);
            if (node.Started is not { } started)
            {
                continue;
            }

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
                var tailStart = Math.Max(x1, axis.X(orphan.GroupEnded));
                var tailTitle = orphan.Ended is null
                    ? $"{entry.Id} is an orphan: its group {orphan.GroupId} ended at {Ms(orphan.GroupEnded.Time)} and it never ended"
                    : $"{entry.Id} is an orphan: its group {orphan.GroupId} ended at {Ms(orphan.GroupEnded.Time)}, it ended at {Ms(orphan.Ended.Time)}";
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"orphan-tail\" data-node=\"{Escape(entry.Id)}\" x=\"{N(tailStart)}\" y=\"{N(barTop - 1)}\" width=\"{N(Math.Max(3, x2 - tailStart))}\" height=\"{N(BarHeight + 2)}\" fill=\"{Orange}\" stroke=\"#c45500\" stroke-width=\"1\"><title>{Escape(tailTitle)}</title></rect>\n");
                if (node.Ended is not null && x2 - tailStart > 10)
                {
                    // Keep the node's outcome visible: a cap in its outcome's colour at the end of the tail.
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<rect class=\"outcome-cap\" data-node=\"{Escape(entry.Id)}\" x=\"{N(x2 - 5)}\" y=\"{N(barTop)}\" width=\"5\" height=\"{N(BarHeight)}\" fill=\"{fill}\"><title>{Escape(barTitle)}</title></rect>\n");
                }
            }
        }

        // Markers on top of the bars.
        foreach (var entry in entries)
        {
            if (trace.Node(entry.Id).TokenCancelled is { } cancelled)
            {
                var x = axis.X(cancelled);
                var top = plotTop + (rowOf[entry.Id] * RowHeight) + (RowHeight / 2) - (BarHeight / 2);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<path class=\"token-cancelled\" data-node=\"{Escape(entry.Id)}\" d=\"M{N(x - 5)} {N(top - 5)} L{N(x + 5)} {N(top - 5)} L{N(x)} {N(top + 3)} Z\" fill=\"#f2b600\" stroke=\"{Amber}\" stroke-width=\"1\"><title>{Escape($"{entry.Id}'s token was cancelled at {Ms(cancelled.Time)}")}</title></path>\n");
            }
        }

        var rootOutcome = trace.Root.Outcome;
        var lost = new List<(TraceEvent Event, InjectedError Error)>();
        foreach (var e in trace.Events.Where(e => e.Kind == TraceEventKind.Threw && rowOf.ContainsKey(e.NodeId)))
        {
            var x = axis.X(e);
            var mid = plotTop + (rowOf[e.NodeId] * RowHeight) + (RowHeight / 2);
            var what = e.Error is { } err ? err.Kind.ToString() : e.Detail ?? "an error";
            if (marks.IsLost(e))
            {
                lost.Add((e, e.Error!));
                svg.Append(CultureInfo.InvariantCulture,
                    $"<g class=\"lost-fault\" data-node=\"{Escape(e.NodeId)}\" data-error=\"{Escape(what)}\" transform=\"translate({N(x)} {N(mid)})\"><title>{Escape($"{e.NodeId} threw {what} at {Ms(e.Time)}: LOST, it never reached the caller's await")}</title>{Cross(8, 2.6, "#ffffff", Red, 1.8)}</g>\n");
            }
            else
            {
                var fate = rootOutcome is null ? "the caller's await never ended" : "it reached the caller's await";
                svg.Append(CultureInfo.InvariantCulture,
                    $"<g class=\"fault\" data-node=\"{Escape(e.NodeId)}\" data-error=\"{Escape(what)}\" transform=\"translate({N(x)} {N(mid)})\"><title>{Escape($"{e.NodeId} threw {what} at {Ms(e.Time)}; {fate}")}</title>{Cross(7, 2, Red, "#8b0000", 0.8)}</g>\n");
            }
        }

        // The caller's cancellation and the root's end: vertical lines across every row.
        if (callerCancel is not null)
        {
            var x = axis.X(callerCancel);
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"caller-cancel\" data-node=\"{TaskTree.RootId}\"><title>{Escape($"the caller cancelled at {Ms(callerCancel.Time)}")}</title><line x1=\"{N(x)}\" y1=\"{N(callerLabelY + 4)}\" x2=\"{N(x)}\" y2=\"{N(plotBottom)}\" stroke=\"{Amber}\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>{LineLabel(x, callerLabelY, $"caller cancels ({Ms(callerCancel.Time)})", Amber, axis)}</g>\n");
        }

        if (rootEnded is not null)
        {
            var x = axis.X(rootEnded);
            var saw = rootOutcome switch
            {
                NodeOutcome.RanToCompletion => "await returned normally",
                NodeOutcome.Canceled => "await threw OperationCanceledException",
                NodeOutcome.Faulted => $"await threw {trace.Root.Exception ?? "an exception"}",
                _ => "root ended",
            };
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"root-end\" data-node=\"{TaskTree.RootId}\"><title>{Escape($"the root ended at {Ms(rootEnded.Time)}: {saw}")}</title><line x1=\"{N(x)}\" y1=\"{N(rootLabelY + 4)}\" x2=\"{N(x)}\" y2=\"{N(plotBottom)}\" stroke=\"{Ink}\" stroke-width=\"2\"/>{LineLabel(x, rootLabelY, $"root ended ({Ms(rootEnded.Time)}): {saw}", Ink, axis)}</g>\n");
        }
        else
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"root-never-ended\" x=\"{N(plotLeft)}\" y=\"{N(rootLabelY)}\" fill=\"{Red}\" font-weight=\"bold\">the root never ended: the caller's await is still waiting</text>\n");
        }

        // Notes at the end of each row.
        foreach (var entry in entries.Where(e => notes[e.Id].Count > 0))
        {
            var mid = plotTop + (rowOf[entry.Id] * RowHeight) + (RowHeight / 2);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"row-note\" data-node=\"{Escape(entry.Id)}\" x=\"{N(notesX)}\" y=\"{N(mid + 4)}\" font-size=\"11\">");
            var first = true;
            foreach (var (text, colour) in notes[entry.Id])
            {
                svg.Append(CultureInfo.InvariantCulture, $"<tspan fill=\"{colour}\" font-weight=\"bold\">{(first ? "" : "; ")}{Escape(text)}</tspan>");
                first = false;
            }

            svg.Append("</text>\n");
        }

        // The x axis.
        y = plotBottom;
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

        // Violations, lost errors, legend.
        if (violations.Count > 0)
        {
            y += 26;
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"violations\"><text x=\"{N(Margin)}\" y=\"{N(y)}\" font-weight=\"bold\" fill=\"{Ink}\">Violated</text>");
            foreach (var v in violations)
            {
                y += 16;
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(Margin + 10)}\" y=\"{N(y)}\" font-size=\"11\" fill=\"{Ink}\"><tspan font-weight=\"bold\">{Escape(v.Invariant)}</tspan>: {Escape(v.Message)}</text>");
            }

            svg.Append("</g>\n");
        }

        if (lost.Count > 0)
        {
            y += 24;
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"lost-list\"><text x=\"{N(Margin)}\" y=\"{N(y)}\" font-weight=\"bold\" fill=\"{Red}\">Lost errors (thrown, never reached the caller's await)</text>");
            foreach (var (e, error) in lost)
            {
                y += 16;
                svg.Append(CultureInfo.InvariantCulture, $"<text data-node=\"{Escape(e.NodeId)}\" x=\"{N(Margin + 10)}\" y=\"{N(y)}\" font-size=\"11\" fill=\"{Red}\">{Escape($"{error.Kind} thrown by {e.NodeId} at {Ms(e.Time)}")}</text>");
            }

            svg.Append("</g>\n");
        }

        y += 26;
        y = Legend(svg, y);
        var height = y + Margin;
        return string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chaos-timeline\" width=\"{N(Width)}\" height=\"{N(height)}\" viewBox=\"0 0 {N(Width)} {N(height)}\" font-family=\"sans-serif\" font-size=\"12\">\n<title>{Escape(title)}</title>\n<rect x=\"0\" y=\"0\" width=\"{N(Width)}\" height=\"{N(height)}\" fill=\"#ffffff\"/>\n{svg}</svg>\n");
    }

    /// <summary>What to say at the end of each row: orphan, lost errors, never started or ended.</summary>
    private static Dictionary<string, List<(string Text, string Colour)>> Notes(List<TreeEntry> entries, Trace trace, TimelineMarks marks)
    {
        var notes = entries.ToDictionary(e => e.Id, _ => new List<(string Text, string Colour)>(), StringComparer.Ordinal);

        foreach (var entry in entries)
        {
            var node = trace.Node(entry.Id);
            if (node.Started is null)
            {
                notes[entry.Id].Add(("never started", "#777777"));
                continue;
            }

            if (marks.OrphanOf(entry.Id) is { } orphan)
            {
                notes[entry.Id].Add((orphan.Ended is null
                    ? $"ORPHAN of {orphan.GroupId}"
                    : $"ORPHAN: outlived {orphan.GroupId} by {Ms(orphan.Ended.Time - orphan.GroupEnded.Time)}", "#c45500"));
            }

            if (node.Ended is null)
            {
                notes[entry.Id].Add(("never ended", Ink));
            }
        }

        foreach (var e in trace.Events.Where(e => e.Kind == TraceEventKind.Threw && notes.ContainsKey(e.NodeId)))
        {
            if (marks.IsLost(e) && e.Error is { } error)
            {
                if (!notes[e.NodeId].Contains(($"LOST {error.Kind}", Red)))
                {
                    notes[e.NodeId].Add(($"LOST {error.Kind}", Red));
                }
            }
        }

        return notes;
    }

    /// <summary>"fail IOException", "10 ms, succeed", "when-all".</summary>
    internal static string ShortDescription(TreeNode node, string patternName)
    {
        if (node is Group group)
        {
            return group.Pattern ?? patternName;
        }

        var leaf = (Leaf)node;
        var then = leaf.Then switch
        {
            LeafEnd.Fail => $"fail {leaf.Error}",
            LeafEnd.ThrowSync => $"throw-sync {leaf.Error}",
            LeafEnd.Hang => "hang",
            _ => "succeed",
        };
        var text = leaf.Work > 0 && leaf.Then is LeafEnd.Fail or LeafEnd.Succeed ? $"{Ms(leaf.Work)}, {then}" : then;
        if (leaf.Then != LeafEnd.ThrowSync && leaf.OnCancel != CancelBehavior.Throw)
        {
            text += leaf.OnCancel switch
            {
                CancelBehavior.Swallow => ", swallows cancel",
                CancelBehavior.Fail => $", cancel→{leaf.CleanupError}",
                _ => ", ignores token",
            };
        }

        return leaf.Operation is { } operation ? $"{operation}: {text}" : text;
    }

    /// <summary>The text, cut to <paramref name="chars"/> characters with an ellipsis when longer.</summary>
    private static string Fit(string text, int chars) =>
        text.Length <= chars ? text : chars <= 1 ? "…" : text[..(chars - 1)] + "…";

    private static int Depth(string id) => id.Count(c => c == '.');

    private static string Cross(double arm, double halfWidth, string fill, string stroke, double strokeWidth)
    {
        var a = N(arm);
        var w = N(halfWidth);
        var m = N(-arm);
        var v = N(-halfWidth);
        return $"<polygon points=\"{v},{m} {w},{m} {w},{v} {a},{v} {a},{w} {w},{w} {w},{a} {v},{a} {v},{w} {m},{w} {m},{v} {v},{v}\" transform=\"rotate(45)\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\" stroke-linejoin=\"round\"/>";
    }

    private static string LineLabel(double x, double y, string text, string colour, TimelineAxis axis)
    {
        var width = text.Length * 6.6;
        var anchorEnd = x + 4 + width > Width - Margin && x - 4 - width >= Margin;
        var at = anchorEnd ? x - 4 : x + 4;
        _ = axis;
        return string.Create(CultureInfo.InvariantCulture,
            $"<text x=\"{N(at)}\" y=\"{N(y)}\" font-size=\"11\" fill=\"{colour}\" font-weight=\"bold\"{(anchorEnd ? " text-anchor=\"end\"" : "")}>{Escape(text)}</text>");
    }

    private static double Legend(StringBuilder svg, double y)
    {
        var items = new (string Mark, string Text)[]
        {
            (Swatch(Completed) + Swatch(Faulted, 16) + Swatch(Canceled, 32), "a node's life, start to end: completed / faulted / canceled"),
            ($"<rect x=\"0\" y=\"-6\" width=\"28\" height=\"12\" fill=\"{Running}\"/><path d=\"M30 -8 L37 0 L30 8\" fill=\"none\" stroke=\"{Ink}\" stroke-width=\"2\"/>", "never ended: the bar runs to the end of the run"),
            ($"<rect x=\"0\" y=\"-6\" width=\"12\" height=\"12\" fill=\"{Completed}\" stroke=\"#4d4d4d\"/><rect x=\"16\" y=\"-6\" width=\"12\" height=\"12\" rx=\"2\" fill=\"{Completed}\"/>", "group (square, outlined) / leaf"),
            ($"<rect x=\"0\" y=\"-6\" width=\"10\" height=\"12\" fill=\"{Completed}\"/><rect x=\"10\" y=\"-7\" width=\"26\" height=\"14\" fill=\"{Orange}\" stroke=\"#c45500\"/>", "ORPHAN tail: still running after its group ended (its end keeps the outcome colour)"),
            ($"<g transform=\"translate(14 0)\">{Cross(7, 2, Red, "#8b0000", 0.8)}</g>", "threw an injected error: the caller saw it, or is still waiting (hover: type)"),
            ($"<g transform=\"translate(14 0)\">{Cross(8, 2.6, "#ffffff", Red, 1.8)}</g>", "LOST error: thrown, never reached the caller's await"),
            ($"<rect x=\"0\" y=\"-2\" width=\"28\" height=\"8\" fill=\"{Completed}\"/><path d=\"M9 -9 L19 -9 L14 -1 Z\" fill=\"#f2b600\" stroke=\"{Amber}\"/>", "the node's cancellation token was cancelled"),
            ($"<line x1=\"14\" y1=\"-9\" x2=\"14\" y2=\"9\" stroke=\"{Amber}\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>", "the caller cancelled its token"),
            ($"<line x1=\"14\" y1=\"-9\" x2=\"14\" y2=\"9\" stroke=\"{Ink}\" stroke-width=\"2\"/>", "the root ended: what the caller's await saw"),
            ("<rect x=\"0\" y=\"-9\" width=\"36\" height=\"18\" fill=\"#e8eef5\"/><line x1=\"0\" y1=\"8\" x2=\"36\" y2=\"8\" stroke=\"#6c8ebf\" stroke-width=\"3\"/>", "one instant: same virtual ms, events in order"),
        };
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"legend\"><text x=\"{N(Margin)}\" y=\"{N(y)}\" font-weight=\"bold\" fill=\"{Ink}\">Legend</text>");
        y += 8;
        const double columnWidth = (Width - (2 * Margin)) / 2;
        for (var i = 0; i < items.Length; i++)
        {
            var x = Margin + ((i % 2) * columnWidth);
            var rowY = y + 14 + ((i / 2) * 22);
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"legend-item\" transform=\"translate({N(x)} {N(rowY)})\">{items[i].Mark}<text x=\"52\" y=\"4\" font-size=\"11\" fill=\"{Ink}\">{Escape(items[i].Text)}</text></g>");
        }

        svg.Append("</g>\n");
        return y + 14 + (((items.Length + 1) / 2) * 22);
    }

    private static string Swatch(string colour, double x = 0) =>
        $"<rect x=\"{N(x)}\" y=\"-6\" width=\"12\" height=\"12\" rx=\"2\" fill=\"{colour}\"/>";
}
