using ConcurrencyChaos.Model;
using static ConcurrencyChaos.Reporting.TimelineStyle;

namespace ConcurrencyChaos.Reporting;

/// <summary>
/// Where everything of one timeline goes, worked out before anything is drawn: a row per node in pre-order,
/// the label column on the left, the notes column on the right, the time axis between them, and the lines
/// of the title, the subtitle and the two vertical lines' labels above the plot.
/// </summary>
internal sealed class TimelineLayout
{
    /// <summary>The title's baseline.</summary>
    public const double TitleY = Margin + 14;

    /// <summary>The subtitle's baseline.</summary>
    public const double SubtitleY = TitleY + 18;

    private readonly Dictionary<string, int> _rowOf = new(StringComparer.Ordinal);

    public TimelineLayout(ReportedRun run, TimelineMarks marks)
    {
        Entries = [.. run.Tree.Entries()];
        for (var i = 0; i < Entries.Count; i++)
        {
            _rowOf[Entries[i].Id] = i;
        }

        Labels = TimelineLabels.Of(Entries, run.PatternName);
        PlotLeft = Margin + TimelineLabels.Width(Labels);
        Notes = TimelineNotes.Of(Entries, run.Trace, marks);
        Axis = new TimelineAxis(run.Trace, PlotLeft, Width - Margin - TimelineNotes.Width(Notes));
        NotesX = Axis.Right + 12;
        RootLabelY = run.Trace.CallerCancelled is null ? CallerLabelY : CallerLabelY + 16;
        PlotTop = RootLabelY + 10;
        PlotBottom = PlotTop + (Entries.Count * RowHeight);
    }

    /// <summary>Every node with its id, in pre-order: the rows, top to bottom.</summary>
    public IReadOnlyList<TreeEntry> Entries { get; }

    /// <summary>Each node with the description its label shows.</summary>
    public IReadOnlyList<(TreeEntry Entry, string Text)> Labels { get; }

    /// <summary>What each row says at its end, by node.</summary>
    public IReadOnlyDictionary<string, List<(string Text, string Colour)>> Notes { get; }

    /// <summary>The time axis.</summary>
    public TimelineAxis Axis { get; }

    /// <summary>Where the label column ends and the plot begins.</summary>
    public double PlotLeft { get; }

    /// <summary>Where the notes column begins.</summary>
    public double NotesX { get; }

    /// <summary>The baseline of the caller's cancellation label.</summary>
    public double CallerLabelY => SubtitleY + 22;

    /// <summary>The baseline of the root's end label: under the caller's, when there is one.</summary>
    public double RootLabelY { get; }

    /// <summary>The top of the first row.</summary>
    public double PlotTop { get; }

    /// <summary>The bottom of the last row.</summary>
    public double PlotBottom { get; }

    /// <summary>Whether the node has a row (the trace may name ids the tree does not have).</summary>
    public bool HasRow(string nodeId) => _rowOf.ContainsKey(nodeId);

    /// <summary>The top of the node's row.</summary>
    public double RowTop(string nodeId) => PlotTop + (_rowOf[nodeId] * RowHeight);

    /// <summary>The vertical middle of the node's row, where its bar and marks sit.</summary>
    public double RowMiddle(string nodeId) => RowTop(nodeId) + (RowHeight / 2);
}
