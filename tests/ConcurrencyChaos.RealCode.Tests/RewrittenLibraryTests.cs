using Contoso.FanOut;

namespace ConcurrencyChaos.RealCode.Tests;

/// <summary>What rewriting keeps: the library's debug information, so stack traces point at its source lines.</summary>
public sealed class RewrittenLibraryTests
{
    [Fact]
    public async Task A_stack_trace_through_rewritten_code_points_at_the_library_source_line()
    {
        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => ResilientFanOut.RunThrottledAsync(null!, CancellationToken.None));

        Assert.Matches(@"ResilientFanOut\.cs:line \d+", error.StackTrace);
    }
}
