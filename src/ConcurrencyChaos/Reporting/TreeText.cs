using System.Globalization;
using System.Text;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Reporting;

/// <summary>
/// A tree as text, one line per node with its id, what it was told to do and what it did:
/// <code>
/// 0 group (when-all): faulted at 10 ms; await threw IOException from 0.0
/// ├─ 0.0 leaf: work 10 ms, then fail IOException → threw IOException at 10 ms
/// └─ 0.1 leaf: work 10 ms, then fail TimeoutException → threw TimeoutException at 10 ms
/// </code>
/// </summary>
internal static class TreeText
{
    public static string Render(TaskTree tree, Trace? trace, string patternName)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Tree ({tree.NodeCount} nodes, scheduler seed {tree.Seed}");
        text.Append(tree.CancelAfter is { } c ? string.Create(CultureInfo.InvariantCulture, $", caller cancels at {c} ms") : ", caller never cancels");
        if (trace?.TieTolerance is { } tie)
        {
            text.Append(CultureInfo.InvariantCulture, $"; real time: events less than {tie.TotalMilliseconds} ms apart are a tie, never blamed");
        }

        text.Append("):\n");
        Node(text, TaskTree.RootId, tree.Root, trace, patternName, "", "", isRoot: true);
        return text.ToString();
    }

    public static string RenderViolations(IReadOnlyList<Violation> violations)
    {
        if (violations.Count == 0)
        {
            return "Every invariant held.\n";
        }

        var text = new StringBuilder("Violated:\n");
        foreach (var v in violations)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {v.Invariant}: {v.Message}\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// What the leaf was told to do, in words: "work 10 ms, then fail IOException; on cancel: swallow after 5 ms".
    /// With its <paramref name="id"/>, an outer token it waits on is named ("the caller's", "the one group 0.1 was given").
    /// </summary>
    public static string Describe(Leaf leaf, string? id = null)
    {
        var text = leaf.Then switch
        {
            LeafEnd.ThrowSync => $"throw {leaf.Error} synchronously",
            LeafEnd.Hang => "hang until cancelled",
            LeafEnd.Fail => string.Create(CultureInfo.InvariantCulture, $"work {leaf.Work} ms, then fail {leaf.Error}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"work {leaf.Work} ms, then succeed"),
        };
        if (leaf.Then != LeafEnd.ThrowSync && (leaf.OnCancel != CancelBehavior.Throw || leaf.Cleanup > 0))
        {
            var cleanup = leaf.Cleanup > 0 ? string.Create(CultureInfo.InvariantCulture, $" after {leaf.Cleanup} ms cleanup") : "";
            text += leaf.OnCancel switch
            {
                CancelBehavior.Swallow => $"; on cancel: swallow it{cleanup}",
                CancelBehavior.Fail => $"; on cancel: throw {leaf.CleanupError}{cleanup}",
                CancelBehavior.Ignore => "; ignores its token",
                _ => $"; on cancel: throw{cleanup}",
            };
        }

        if (leaf.Then != LeafEnd.ThrowSync && leaf.OnCancel != CancelBehavior.Ignore && leaf.OuterToken > 0)
        {
            text += $"; waits on {OuterToken(leaf.OuterToken, id)}, not its own";
        }

        return text;
    }

    /// <summary>"the caller's token", "the token group 0.1 was given", or, without the leaf's id, "an outer token (2 groups out)".</summary>
    public static string OuterToken(int levels, string? id)
    {
        if (id is null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"an outer token ({levels} {(levels == 1 ? "group" : "groups")} out)");
        }

        // The leaf's depth is how many groups enclose it; that many levels out (or more) is the root's token, the caller's.
        var parts = id.Split('.');
        var depth = parts.Length - 1;
        return levels >= depth ? "the caller's token" : $"the token group {string.Join('.', parts[..^levels])} was given";
    }

    private static void Node(StringBuilder text, string id, TreeNode node, Trace? trace, string patternName, string indent, string branch, bool isRoot)
    {
        text.Append(indent).Append(branch).Append(id).Append(' ');
        if (node is Group group)
        {
            text.Append(CultureInfo.InvariantCulture, $"group ({group.Pattern ?? patternName})");
        }
        else
        {
            var leaf = (Leaf)node;
            text.Append(leaf.Operation is { } operation ? $"leaf '{operation}': " : "leaf: ").Append(Describe(leaf, id));
        }

        if (trace is not null)
        {
            text.Append(" → ").Append(Outcome(trace.Node(id), trace, isRoot));
        }

        text.Append('\n');
        if (node is Group g)
        {
            var childIndent = indent + (branch.Length == 0 ? "" : branch == "└─ " ? "   " : "│  ");
            for (var i = 0; i < g.Children.Count; i++)
            {
                Node(text, TaskTree.ChildId(id, i), g.Children[i], trace, patternName, childIndent, i == g.Children.Count - 1 ? "└─ " : "├─ ", isRoot: false);
            }
        }
    }

    private static string Outcome(NodeTimeline node, Trace trace, bool isRoot)
    {
        if (node.Started is null)
        {
            return "never started";
        }

        var parts = new List<string>();
        if (node.TokenCancelled is { } cancelled)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"token cancelled at {cancelled.Time} ms"));
        }

        // Each throw at its own time: a node the pattern calls again (a retry) throws the same error more than once.
        foreach (var threw in trace.Events.Where(e => e.Kind == TraceEventKind.Threw && e.NodeId == node.NodeId && e.Error is not null))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"threw {threw.Error!.Kind} at {threw.Time} ms"));
        }

        parts.Add(node.Ended is { } ended
            ? string.Create(CultureInfo.InvariantCulture, $"{Words(ended.Outcome)} at {ended.Time} ms")
            : "never ended");
        if (isRoot && trace.Root.Exception is { } thrown)
        {
            parts.Add("await threw " + thrown);
        }

        return string.Join(", ", parts);
    }

    private static string Words(NodeOutcome? outcome) => outcome switch
    {
        NodeOutcome.RanToCompletion => "completed",
        NodeOutcome.Canceled => "canceled",
        _ => "faulted",
    };
}
