namespace ConcurrencyChaos.Cli;

/// <summary>The process exit codes of <c>chaos</c>, the contract a CI job relies on (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Every expectation met, or the search held on at least one tree.</summary>
    public const int Held = 0;

    /// <summary>An expectation unmet, or a counterexample found.</summary>
    public const int Violated = 1;

    /// <summary>
    /// Bad input: a malformed scenario, configuration or option value, an unknown id, a path that is missing or
    /// not a regular file, a misused <c>[ChaosPattern]</c>; also a search that ran no tree at all (its budget ran
    /// out first), which proves nothing.
    /// </summary>
    public const int BadInput = 2;

    /// <summary>A bug in chaos itself: an exception nobody expected.</summary>
    public const int InternalError = 3;

    /// <summary>Cancelled before it finished: 128 + SIGINT (Ctrl+C). SIGTERM gives <see cref="Terminated"/>.</summary>
    public const int Cancelled = 130;

    /// <summary>Cancelled by SIGTERM: 128 + 15.</summary>
    public const int Terminated = 143;
}
