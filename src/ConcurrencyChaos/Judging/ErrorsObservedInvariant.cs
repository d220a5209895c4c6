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
    public override void Check(JudgeInput input, ref List<Violation>? found)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Trace.Root.Outcome is null)
        {
            return; // the root never ended: terminates speaks for that run
        }

        if (!AnyThrown(input.Trace.Events))
        {
            return; // nothing was thrown, so nothing can be lost
        }

        // The caller sees few errors, mostly all that were thrown: a scan finds one cheaper than a set, which only many
        // are worth; the set of those already reported is made for the first that was lost.
        var observedErrors = input.Trace.Root.ObservedErrors;
        var observed = observedErrors.Count > 8 ? observedErrors.ToHashSet() : null;
        var rootEnded = input.Root.Ended;
        var thrown = ThrownByNode(input);
        HashSet<InjectedError>? reported = null;
        var root = input.Trace.Root;
        string? callerSaw = null;

        // One wording shared by the run's lost errors, which says what the caller saw once, when first read.
        Func<Finding, string> say = f => f is LostErrorFinding { AfterRootEnded: true } late
            ? $"{What(late)}, after the caller's await ended at {Words.Ms(rootEnded!.Time)}, never reached it"
            : $"{What((LostErrorFinding)f)} never reached the caller, which saw {callerSaw ??= CallerSaw(root)}";
        var events = input.Trace.Events;
        foreach (var key in thrown)
        {
            var index = (int)(key & uint.MaxValue);
            var e = events[index];
            var error = e.Error!;
            if ((observed?.Contains(error) ?? Holds(observedErrors, error)) || !(reported ??= new(thrown.Length)).Add(error))
            {
                continue;
            }

            Add(input, ref found, Violated(new LostErrorFinding(e.NodeId, error, e, AfterRootEnded: After(input, e, index, rootEnded)), say));
        }
    }

    /// <summary>
    /// Whether the event at <paramref name="index"/> comes later in the trace than the root's end: told by their steps
    /// when the trace is in step order and they differ, so that most runs never index the positions of their events.
    /// </summary>
    private static bool After(JudgeInput input, TraceEvent e, int index, TraceEvent? rootEnded) =>
        rootEnded is not null && (e.Step != rootEnded.Step && input.InStepOrder ? e.Step > rootEnded.Step : index > input.IndexOf(rootEnded));

    private static string What(LostErrorFinding lost) => $"{lost.Error.Kind} thrown by {lost.NodeId} at {Words.Ms(lost.Threw.Time)}";

    /// <summary>
    /// The positions of the events that threw an injected error, by the node that threw it (tree pre-order), then in
    /// trace order: one pass over the trace finds the thrown events, each node read off its id, then one sort of the
    /// thrown events alone by (node, position), each packed in one number whose low half is the position.
    /// </summary>
    private static long[] ThrownByNode(JudgeInput input)
    {
        var events = input.Trace.Events;
        var count = 0;
        for (var i = 0; i < events.Count; i++)
        {
            count += IsThrown(events[i]) ? 1 : 0;
        }

        var thrown = new long[count];
        for (int i = 0, next = 0; i < events.Count; i++)
        {
            if (IsThrown(events[i]))
            {
                // Ids the tree does not know (a runtime bug) come after all of its nodes, as they first appear.
                var node = input.OrderOf(events[i].NodeId);
                thrown[next++] = ((long)node << 32) | (uint)i;
            }
        }

        Array.Sort(thrown);
        return thrown;
    }

    private static bool IsThrown(TraceEvent e) => e is { Kind: TraceEventKind.Threw, Error: not null };

    private static bool Holds(IReadOnlyList<InjectedError> errors, InjectedError error)
    {
        for (var i = 0; i < errors.Count; i++)
        {
            if (EqualityComparer<InjectedError>.Default.Equals(errors[i], error))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyThrown(IReadOnlyList<TraceEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (IsThrown(events[i]))
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
