namespace ConcurrencyChaos.Model;

/// <summary>What <c>await root</c> gave the caller.</summary>
/// <param name="Outcome">How the root ended; null when it never ended.</param>
/// <param name="Exception">A short description of what <c>await</c> threw (type, and the types it aggregates), or null.</param>
/// <param name="ObservedErrors">Every injected error reachable from what <c>await</c> threw, through inner exceptions.</param>
public sealed record RootResult(NodeOutcome? Outcome, string? Exception, IReadOnlyList<Model.InjectedError> ObservedErrors)
{
    /// <summary>A root that never ended.</summary>
    public static RootResult NeverEnded { get; } = new(null, null, []);
}
