namespace ConcurrencyChaos.Cli.Reports;

/// <summary>
/// One test case of a report: a scenario replayed under one pattern (<c>run</c>), or one search
/// (<c>explore</c>). Fields a command does not fill stay null; the JSON report writes them anyway so
/// its shape does not depend on the command.
/// </summary>
internal sealed record ReportCase
{
    /// <summary>The scenario name (<c>run</c>) or <c>explore</c>; JUnit's classname.</summary>
    public required string Suite { get; init; }

    /// <summary>The pattern id; JUnit's name.</summary>
    public required string Pattern { get; init; }

    /// <summary>Whether the expectation was met / the search held.</summary>
    public required bool Passed { get; init; }

    /// <summary>One paragraph: what happened (ScenarioOutcome.Describe or the one-line ChaosResult).</summary>
    public required string Description { get; init; }

    /// <summary>Real time the case took.</summary>
    public TimeSpan Time { get; init; }

    /// <summary>The scenario file (<c>run</c>), or null.</summary>
    public string? File { get; init; }

    /// <summary>The invariant ids the scenario expects to be violated (<c>run</c>), or null.</summary>
    public IReadOnlyList<string>? Expected { get; init; }

    /// <summary>The invariant ids actually violated.</summary>
    public IReadOnlyList<string> Actual { get; init; } = [];

    /// <summary>The search seed (<c>explore</c>), or null.</summary>
    public int? Seed { get; init; }

    /// <summary>Trees run by the search (<c>explore</c>), or null.</summary>
    public int? Trees { get; init; }

    /// <summary>Why the search stopped early (time budget, cancelled), or null.</summary>
    public string? StoppedEarly { get; init; }

    /// <summary>The rendered counterexample (<c>explore</c>), or null.</summary>
    public string? Counterexample { get; init; }

    /// <summary>The counterexample itself (<c>explore</c>), for the HTML report's pictures; not written to JSON or JUnit.</summary>
    public ConcurrencyChaos.Counterexample? Found { get; init; }

    /// <summary>How many nodes the counterexample has, or null.</summary>
    public int? CounterexampleNodes { get; init; }

    /// <summary>Where the counterexample was saved as a scenario, or null.</summary>
    public string? SavedTo { get; init; }
}
