using System.Runtime.Versioning;

namespace ConcurrencyChaos.Tests.Cli;

/// <summary>
/// Issue 16's crashes (exit 134 with a stack trace), exit-3s and hangs, each run through the real tool as a
/// process: every one now ends within 5 s with exit 2 (bad input) naming what and where, or, for the link
/// cycles, runs each scenario once; never a stack trace.
/// </summary>
[UnsupportedOSPlatform("windows")] // FIFOs, /dev/zero, file modes, signals
[Collection(CliProcess.Collection)]
public sealed class BadInputProcessTests(BadInputRuns runs) : IClassFixture<BadInputRuns>
{
    public static TheoryData<string> Names => [.. BadInputCases.All.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_crash_and_hang_of_issue_16_answers_within_5_s_naming_the_problem(string name)
    {
        var expected = BadInputCases.All[name];

        var result = await runs.ResultAsync(name);

        Assert.True(result.Code == expected.Code, $"expected exit {expected.Code}; {result}");
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(5), $"took too long; {result}");
        Assert.Contains(expected.Says, result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Nullable", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Text, StringComparison.Ordinal);
    }
}
