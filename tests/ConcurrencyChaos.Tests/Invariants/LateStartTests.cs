using ConcurrencyChaos.Model;
using static ConcurrencyChaos.Tests.Invariants.Trees;

namespace ConcurrencyChaos.Tests.Invariants;

/// <summary>
/// A pattern that returns at once and starts its children later, from a timer: the run does not end with the root
/// while a node has never started and the pattern's timers are pending, so the children are seen starting after their
/// group ended — orphans (no-orphans), not work silently skipped.
/// </summary>
public class LateStartTests
{
    private static readonly TaskTree TwoLeaves = Tree(Succeeds(10), Succeeds(10));

    [Fact]
    public void Children_started_from_a_timer_after_the_pattern_returned_are_orphans()
    {
        var report = Chaos.Run(TwoLeaves, time => (children, ct) =>
        {
            time.CreateTimer(_ => StartAll(children, ct), null, TimeSpan.FromMilliseconds(50), Timeout.InfiniteTimeSpan);
            return Task.CompletedTask;
        });

        Assert.Equal(
            [
                "no-orphans: 0.0 started at 50 ms, after its group 0 ended at 0 ms (it ended at 60 ms)",
                "no-orphans: 0.1 started at 50 ms, after its group 0 ended at 0 ms (it ended at 60 ms)",
            ],
            report.Violations.Select(v => v.ToString()));
        Assert.Equal(RunStatus.Completed, report.Trace.Status);
    }

    [Fact]
    public void Children_never_started_at_all_are_work_silently_skipped()
    {
        var report = Chaos.Run(TwoLeaves, (_, _) => Task.CompletedTask);

        Assert.Equal(["work-done", "work-done"], report.Violations.Select(v => v.Invariant));
        Assert.Equal(0, report.Trace.EndTime);
    }

    [Fact]
    public void The_caller_whose_await_ended_cancels_nothing_more()
    {
        var tree = Tree(20, Succeeds(10), Succeeds(10));
        var report = Chaos.Run(tree, time => (children, ct) =>
        {
            time.CreateTimer(_ => StartAll(children, ct), null, TimeSpan.FromMilliseconds(50), Timeout.InfiniteTimeSpan);
            return Task.CompletedTask;
        });

        Assert.Null(report.Trace.CallerCancelled);
        Assert.Equal(["no-orphans", "no-orphans"], report.Violations.Select(v => v.Invariant));
    }

    private static void StartAll(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken cancellationToken)
    {
        foreach (var child in children)
        {
            _ = child(cancellationToken);
        }
    }
}
