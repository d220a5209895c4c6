using Contoso.Legacy;
using ConcurrencyChaos.Model;
using Xunit.Abstractions;

namespace ConcurrencyChaos.RealCode.Tests;

/// <summary>
/// The safety net, for code the rewriter did not cover (ConcurrencyChaos.RealCode.Uncovered is left out of this
/// project's ChaosRewriteAssembly list): its <c>Task.Run</c> really runs the whole group on the thread pool. The
/// runtime waits for that work instead of judging without it, so the verdict is the controlled one, and the
/// diagnostic names what took the work away.
/// </summary>
public sealed class EscapeReplayTests(ITestOutputHelper output)
{
    private const int Replays = 100;

    [Fact]
    public void An_escape_through_uncovered_code_gets_the_right_verdict_and_a_diagnostic_naming_the_API_in_most_replays()
    {
        // One child fails at 3 ms, one works 5 ms, one hangs: the group must cancel the other two and report the error.
        var tree = new TaskTree(new Group(new Leaf { Work = 3, Then = LeafEnd.Fail }, new Leaf { Work = 5 }, new Leaf { Then = LeafEnd.Hang }), Seed: 2);
        var expected = Chaos.Run(tree, FanOuts.Pattern("configure-await-false-group"));
        var pattern = ChaosPattern.Of(LegacyEntryPoint.RunOnThreadPoolAsync, "legacy-task-run");

        var right = 0;
        var failures = new List<string>();
        string? diagnostics = null;
        for (var i = 0; i < Replays; i++)
        {
            RunReport report;
            try
            {
                report = Chaos.Run(tree, pattern);
            }
            catch (ChaosException e) when (e.Message.Contains("No verdict is given", StringComparison.Ordinal))
            {
                // Escaped work the pool did not start or finish within the grace leaves a replay without a verdict: not right.
                if (failures.Count < 3)
                {
                    failures.Add(e.Message);
                }

                continue;
            }

            var sameVerdict = report.Violations.Select(v => v.Invariant).SequenceEqual(expected.Violations.Select(v => v.Invariant))
                && report.Trace.Root.Outcome == expected.Trace.Root.Outcome;
            var named = report.Trace.Diagnostics.Any(d => d.Kind == DiagnosticKind.ThreadPool && d.Message.Contains("Task.Run", StringComparison.Ordinal));
            if (sameVerdict && named)
            {
                right++;
                diagnostics ??= string.Join("\n", report.Trace.Diagnostics);
            }
            else if (failures.Count < 3)
            {
                failures.Add(report.ToString() + string.Join("\n", report.Trace.Diagnostics));
            }
        }

        output.WriteLine($"{right}/{Replays} replays right; diagnostics of the first:\n{diagnostics}");
        Assert.True(right >= 95, $"{right}/{Replays} replays right; first wrong ones:\n{string.Join("\n---\n", failures)}");
    }
}
