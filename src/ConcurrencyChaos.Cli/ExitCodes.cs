namespace ConcurrencyChaos.Cli;

/// <summary>The process exit codes of <c>chaos</c>, the contract a CI job relies on.</summary>
internal static class ExitCodes
{
    /// <summary>Every expectation met, or the search held.</summary>
    public const int Held = 0;

    /// <summary>An expectation unmet, or a counterexample found (or a run cut short before everything was verified).</summary>
    public const int Violated = 1;

    /// <summary>Bad input: a malformed scenario, an unknown id or option, a missing path.</summary>
    public const int BadInput = 2;

    /// <summary>A bug in chaos itself: an exception nobody expected.</summary>
    public const int InternalError = 3;
}
