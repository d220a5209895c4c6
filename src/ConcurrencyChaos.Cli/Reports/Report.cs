namespace ConcurrencyChaos.Cli.Reports;

/// <summary>What a command produced, for the report writers.</summary>
/// <param name="Command">The command: <c>run</c> or <c>explore</c>.</param>
/// <param name="Cases">The test cases, in the order they ran.</param>
/// <param name="Cancelled">Whether the command was cancelled (Ctrl+C, SIGTERM) before it finished.</param>
/// <param name="Elapsed">Real time the command took.</param>
internal sealed record Report(string Command, IReadOnlyList<ReportCase> Cases, bool Cancelled, TimeSpan Elapsed)
{
    /// <summary>How many cases passed.</summary>
    public int PassedCount => Cases.Count(c => c.Passed);

    /// <summary>How many cases failed.</summary>
    public int FailedCount => Cases.Count(c => !c.Passed);
}
