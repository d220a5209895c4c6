using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>
/// errors-observed: every injected error that was thrown reaches the caller through what <c>await root</c>
/// threw. What Task.Exception holds but <c>await</c> drops does not count; the runtime puts only what
/// <c>await</c> threw into <see cref="RootResult.ObservedErrors"/>.
/// </summary>
internal sealed class ErrorsObservedInvariant : Invariant
{
    /// <inheritdoc />
    public override string Id => "errors-observed";

    /// <inheritdoc />
    public override string Summary => "Every injected error that was thrown reaches the caller through what `await root` threw.";

    /// <inheritdoc />
    public override IEnumerable<Violation> Check(JudgeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Trace.Root.Outcome is null)
        {
            yield break; // the root never ended: terminates speaks for that run
        }

        if (!AnyThrown(input.Trace.Events))
        {
            yield break; // nothing was thrown, so nothing can be lost
        }

        var observed = input.Trace.Root.ObservedErrors.ToHashSet();
        var rootEnded = input.Root.Ended;
        var rootEndIndex = rootEnded is null ? int.MaxValue : input.IndexOf(rootEnded);
        var reported = new HashSet<InjectedError>();
        var root = input.Trace.Root;
        string? callerSaw = null;

        // One wording shared by the run's lost errors, which says what the caller saw once, when first read.
        Func<Finding, string> say = f => f is LostErrorFinding { AfterRootEnded: true } late
            ? $"{What(late)}, after the caller's await ended at {Words.Ms(rootEnded!.Time)}, never reached it"
            : $"{What((LostErrorFinding)f)} never reached the caller, which saw {callerSaw ??= CallerSaw(root)}";
        var thrown = input.Trace.Events
            .Select((e, index) => (Event: e, Index: index))
            .Where(x => x.Event.Kind == TraceEventKind.Threw && x.Event.Error is not null)
            .OrderBy(x => input.OrderOf(x.Event.NodeId))
            .ThenBy(x => x.Index);
        foreach (var (e, index) in thrown)
        {
            var error = e.Error!;
            if (observed.Contains(error) || !reported.Add(error))
            {
                continue;
            }

            yield return Violated(new LostErrorFinding(e.NodeId, error, e, AfterRootEnded: index > rootEndIndex), say);
        }
    }

    private static string What(LostErrorFinding lost) => $"{lost.Error.Kind} thrown by {lost.NodeId} at {Words.Ms(lost.Threw.Time)}";

    private static bool AnyThrown(IReadOnlyList<TraceEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Kind == TraceEventKind.Threw && events[i].Error is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static string CallerSaw(RootResult root)
    {
        if (root.ObservedErrors.Count > 0)
        {
            return Words.List(root.ObservedErrors.Select(e => e.ToString()));
        }

        return root.Outcome switch
        {
            NodeOutcome.Canceled => "the root canceled",
            NodeOutcome.Faulted when root.Exception is { } exception => $"{exception} carrying no injected error",
            NodeOutcome.Faulted => "a fault carrying no injected error",
            _ => "no error",
        };
    }
}
