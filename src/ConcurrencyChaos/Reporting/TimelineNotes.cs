using System.Globalization;
using System.Text;
using ConcurrencyChaos.Model;
using static ConcurrencyChaos.Reporting.HtmlText;
using static ConcurrencyChaos.Reporting.TimelineStyle;

namespace ConcurrencyChaos.Reporting;

/// <summary>What each row of the timeline says at its end: never started, ORPHAN, never ended, LOST errors.</summary>
internal static class TimelineNotes
{
    /// <summary>The notes of every row, by node; orphans and lost errors as the judge found them.</summary>
    public static Dictionary<string, List<(string Text, string Colour)>> Of(IReadOnlyList<TreeEntry> entries, Trace trace, TimelineMarks marks)
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
            if (marks.IsLost(e) && e.Error is { } error && !notes[e.NodeId].Contains(($"LOST {error.Kind}", Red)))
            {
                notes[e.NodeId].Add(($"LOST {error.Kind}", Red));
            }
        }

        return notes;
    }

    /// <summary>How wide the notes column is: its longest row of notes, within bounds.</summary>
    public static double Width(IReadOnlyDictionary<string, List<(string Text, string Colour)>> notes) =>
        Math.Clamp(notes.Values.Select(n => string.Join("; ", n.Select(x => x.Text)).Length * NoteCharWidth).DefaultIfEmpty(0).Max() + 16, 40, 340);

    /// <summary>The notes, at the end of each row that has any.</summary>
    public static void Draw(StringBuilder svg, TimelineLayout layout)
    {
        foreach (var entry in layout.Entries.Where(e => layout.Notes[e.Id].Count > 0))
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"row-note\" data-node=\"{Escape(entry.Id)}\" x=\"{N(layout.NotesX)}\" y=\"{N(layout.RowMiddle(entry.Id) + 4)}\" font-size=\"11\">");
            var first = true;
            foreach (var (text, colour) in layout.Notes[entry.Id])
            {
                svg.Append(CultureInfo.InvariantCulture, $"<tspan fill=\"{colour}\" font-weight=\"bold\">{(first ? "" : "; ")}{Escape(text)}</tspan>");
                first = false;
            }

            svg.Append("</text>\n");
        }
    }
}
