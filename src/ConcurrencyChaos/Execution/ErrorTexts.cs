using System.Globalization;

namespace ConcurrencyChaos.Execution;

/// <summary>The texts of the errors and diagnostics a <see cref="TreeRunner"/> raises about the pattern and the tree it was given.</summary>
internal static class ErrorTexts
{
    /// <summary>The error for a leaf naming an operation that is not registered.</summary>
    public static string UnknownOperation(string nodeId, string name, IEnumerable<string> registered)
    {
        var known = registered.Order(StringComparer.Ordinal).ToList();
        return $"Leaf {nodeId} runs operation '{name}', which is not registered. "
            + (known.Count == 0
                ? "No operations are registered: operations are your code, registered in RunOptions.Operations (replay such a tree from your test suite with those options)."
                : $"Registered operations: {string.Join(", ", known)}.");
    }

    /// <summary>A pattern threw a cancellation or one of the tree's errors before returning its task.</summary>
    public static string SyncThrow(string groupId, Exception e) =>
        $"the pattern of group {groupId} threw {e.GetType().Name} before returning a Task; a caller that awaits it sees that exception, but a caller that stores the task first never gets one";

    /// <summary>A pattern threw an exception of its own before returning its task: it or its setup is broken.</summary>
    public static string PatternError(string groupId, Exception e) =>
        $"the pattern of group {groupId} threw {e.GetType().Name} ({e.Message}) before returning a Task, and none of the tree's injected errors is in it: the pattern or its setup is broken{TopFrames(e)}";

    /// <summary>The watchdog abandoned the runtime thread.</summary>
    public static string Stuck(TimeSpan stuckAfter) => string.Create(CultureInfo.InvariantCulture,
        $"the runtime thread took no step for {stuckAfter.TotalSeconds:0.#} s of real time (a busy loop, Thread.Sleep, or a blocking wait the runtime could not see); the thread was abandoned");

    /// <summary>Where <paramref name="e"/> was thrown: its top three frames, or nothing when it has no stack trace.</summary>
    private static string TopFrames(Exception e)
    {
        var frames = (e.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(3).ToList();
        return frames.Count == 0 ? "" : $"; thrown {string.Join(" ← ", frames)}";
    }
}
