using ConcurrencyChaos.Model;
using static ConcurrencyChaos.Reporting.HtmlText;
using static ConcurrencyChaos.Reporting.TimelineStyle;

namespace ConcurrencyChaos.Reporting;

/// <summary>What each row of the timeline is called: the node's id, indented by depth, and a short description cut to fit.</summary>
internal static class TimelineLabels
{
    /// <summary>The widest the label column gets.</summary>
    private const double MaxWidth = 330;

    /// <summary>Each node in pre-order with the description its label shows.</summary>
    public static List<(TreeEntry Entry, string Text)> Of(IEnumerable<TreeEntry> entries, string patternName) =>
    [
        .. entries.Select(e => (Entry: e, Text: Fit(ShortDescription(e.Node, patternName), (int)((MaxWidth - 16 - (Depth(e.Id) * 14)) / CharWidth) - e.Id.Length - 1))),
    ];

    /// <summary>How wide the label column is: its longest label, within bounds.</summary>
    public static double Width(IEnumerable<(TreeEntry Entry, string Text)> labels) =>
        Math.Clamp(labels.Max(l => (Depth(l.Entry.Id) * 14) + ((l.Entry.Id.Length + 1 + l.Text.Length) * CharWidth)) + 16, 150, MaxWidth);

    /// <summary>How deep the node is: 0 for the root.</summary>
    public static int Depth(string id) => id.Count(c => c == '.');

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

        if (leaf.Then != LeafEnd.ThrowSync && leaf.OnCancel != CancelBehavior.Ignore && leaf.OuterToken > 0)
        {
            text += ", outer token";
        }

        return leaf.Operation is { } operation ? $"{operation}: {text}" : text;
    }

    /// <summary>The text, cut to <paramref name="chars"/> characters with an ellipsis when longer.</summary>
    private static string Fit(string text, int chars) =>
        text.Length <= chars ? text : chars <= 1 ? "…" : text[..(chars - 1)] + "…";
}
