using Contoso.FanOut;

namespace ConcurrencyChaos.RealCode.Tests;

/// <summary>What rewriting keeps: the library's debug information, so stack traces point at its source lines.</summary>
public sealed class RewrittenLibraryTests
{
    [Fact]
    public void The_library_in_this_output_is_rewritten()
    {
        var markers = typeof(ResilientFanOut).Assembly.GetCustomAttributesData().Select(a => a.AttributeType.FullName);

        Assert.Contains("ConcurrencyChaos.Shims.ChaosRewrittenAttribute", markers);
    }

    [Fact]
    public async Task A_stack_trace_through_rewritten_code_points_at_the_library_source_line()
    {
        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => ResilientFanOut.RunThrottledAsync(null!, CancellationToken.None));

        Assert.Matches(@"ResilientFanOut\.cs:line \d+", error.StackTrace);
    }
}
