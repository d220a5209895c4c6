using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Reporting;

/// <summary>
/// What the judge found that the timeline marks: each orphan, by node, and the lost errors. Read off the
/// violations' findings; the timeline never decides an orphan or a lost error itself.
/// </summary>
internal sealed class TimelineMarks
{
    private readonly Dictionary<string, OrphanFinding> _orphans = new(StringComparer.Ordinal);
    private readonly HashSet<InjectedError> _lost = [];

    /// <summary>The marks of these violations (their findings; violations without one mark nothing).</summary>
    public TimelineMarks(IEnumerable<Violation> violations)
    {
        foreach (var finding in violations.Select(v => v.Finding))
        {
            switch (finding)
            {
                case OrphanFinding orphan:
                    _orphans.TryAdd(orphan.NodeId, orphan);
                    break;
                case LostErrorFinding lost:
                    _lost.Add(lost.Error);
                    break;
            }
        }
    }

    /// <summary>How the node outlived its group, or null when it is no orphan.</summary>
    public OrphanFinding? OrphanOf(string nodeId) => _orphans.GetValueOrDefault(nodeId);

    /// <summary>Whether this throw's error never reached the caller's await (every throw of a lost error is marked).</summary>
    public bool IsLost(TraceEvent threw) => threw.Error is { } error && _lost.Contains(error);
}
