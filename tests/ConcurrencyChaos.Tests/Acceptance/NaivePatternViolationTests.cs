using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Tests.Acceptance;

/// <summary>Issue 3: each catalog pattern shows its characteristic violation, and only it, on a hand-built tree.</summary>
public sealed class NaivePatternViolationTests
{
    private static Leaf Fails(int work, ErrorKind error = ErrorKind.IOException) => new() { Work = work, Then = LeafEnd.Fail, Error = error };

    private static Leaf Succeeds(int work) => new() { Work = work };

    private static RunReport Run(string pattern, TaskTree tree, params int[] seeds)
    {
        // Every tree here is free of same-instant ties, so the verdict is the same for every seed.
        var reports = (seeds.Length == 0 ? [0, 1, 2, 3] : seeds).Select(s => Chaos.Run(tree with { Seed = s }, pattern)).ToList();
        Assert.All(reports, r => Assert.Equal(reports[0].Violations, r.Violations));
        return reports[0];
    }

    private static void AssertViolations(RunReport report, params string[] expected) =>
        Assert.True(
            report.Violations.Select(v => v.Invariant).Distinct().Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)),
            $"expected {{{string.Join(", ", expected)}}}, got:\n{report}");

    private static Violation Single(RunReport report, string invariant) =>
        Assert.Single(report.Violations, v => v.Invariant == invariant);

    [Fact]
    public void When_all_loses_the_second_error_and_does_not_fail_fast()
    {
        var report = Run("when-all", new TaskTree(new Group(Fails(10, ErrorKind.IOException), Fails(20, ErrorKind.TimeoutException))));
        AssertViolations(report, "errors-observed", "fail-fast");
        var lost = Single(report, "errors-observed").Message;
        Assert.Contains("TimeoutException thrown by 0.1 at 20 ms", lost, StringComparison.Ordinal);
        Assert.Contains("IOException from 0.0", lost, StringComparison.Ordinal);
        Assert.Contains("0.0 failed at 10 ms but its sibling 0.1", Single(report, "fail-fast").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_and_forget_orphans_a_child_and_never_observes_its_error()
    {
        var report = Run("fire-and-forget", new TaskTree(new Group(Fails(10))));
        AssertViolations(report, "errors-observed", "no-orphans");
        Assert.Contains("0.0 was still running when its group 0 ended at 0 ms (it ended at 10 ms)", Single(report, "no-orphans").Message, StringComparison.Ordinal);
        Assert.Contains("IOException thrown by 0.0 at 10 ms, after the caller's await ended at 0 ms", Single(report, "errors-observed").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void When_any_abandons_the_slower_child()
    {
        var report = Run("when-any", new TaskTree(new Group(Succeeds(10), Succeeds(20))));
        AssertViolations(report, "no-orphans");
        Assert.Contains("0.1 was still running when its group 0 ended at 10 ms", Single(report, "no-orphans").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Await_in_turn_abandons_the_rest_after_the_first_failure()
    {
        var report = Run("await-in-turn", new TaskTree(new Group(Fails(10), Succeeds(20))));
        AssertViolations(report, "fail-fast", "no-orphans");
        Assert.Contains("0.1 was still running when its group 0 ended at 10 ms", Single(report, "no-orphans").Message, StringComparison.Ordinal);
        Assert.Contains("0.0 failed at 10 ms but its sibling 0.1 kept running", Single(report, "fail-fast").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unlinked_token_never_passes_the_callers_cancellation_on()
    {
        var report = Run("unlinked-token", new TaskTree(new Group(Succeeds(20)), CancelAfter: 5));
        AssertViolations(report, "cancellation-propagated");
        Assert.Contains(report.Violations, v => v.Message.Contains("0.0, running then, never saw its token cancelled", StringComparison.Ordinal));
        Assert.Contains(report.Violations, v => v.Message.Contains("the root still ended successfully at 20 ms", StringComparison.Ordinal));
    }

    [Fact]
    public void Swallow_cancel_reports_success_after_the_caller_cancelled()
    {
        var report = Run("swallow-cancel", new TaskTree(new Group(Succeeds(20)), CancelAfter: 5));
        AssertViolations(report, "cancellation-propagated");
        Assert.Equal("the caller cancelled at 5 ms but the root still ended successfully at 5 ms", Single(report, "cancellation-propagated").Message);
    }

    [Fact]
    public void Parallel_foreach_surfaces_only_one_error()
    {
        // 0.0 fails at 10; ForEachAsync cancels 0.1, which throws during cleanup: two errors, await shows one.
        var tree = new TaskTree(new Group(Fails(10), new Leaf { Work = 20, OnCancel = CancelBehavior.Fail, CleanupError = ErrorKind.TimeoutException }));
        var report = Run("parallel-foreach", tree);
        AssertViolations(report, "errors-observed");
        Assert.Contains("TimeoutException thrown by 0.1 at 10 ms never reached the caller", Single(report, "errors-observed").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wait_async_timeout_returns_while_the_child_still_runs()
    {
        var report = Run("wait-async-timeout", new TaskTree(new Group(Succeeds(2000))));
        AssertViolations(report, "no-orphans");
        Assert.Contains("0.0 was still running when its group 0 ended at 1000 ms", Single(report, "no-orphans").Message, StringComparison.Ordinal);
        Assert.Equal(Model.NodeOutcome.Faulted, report.Trace.Root.Outcome);
    }

    [Fact]
    public void Async_void_orphans_the_child_and_its_error_escapes_to_the_context_where_it_would_crash_the_process()
    {
        var report = Run("async-void", new TaskTree(new Group(Fails(10))));
        AssertViolations(report, "errors-observed", "no-orphans", "no-crash");
        Assert.Contains("0.0 was still running when its group 0 ended at 0 ms (it ended at 10 ms)", Single(report, "no-orphans").Message, StringComparison.Ordinal);
        var diagnostic = Assert.Single(report.Trace.Diagnostics);
        Assert.Equal(DiagnosticKind.AsyncVoidException, diagnostic.Kind);
        Assert.Equal("0.0", diagnostic.NodeId);
    }

    [Fact]
    public void Supervisor_keeps_everything_but_fail_fast()
    {
        var tree = new TaskTree(new Group(Fails(10), Fails(20, ErrorKind.TimeoutException)));
        var report = Run("supervisor", tree);
        AssertViolations(report, "fail-fast");
        Assert.Contains("0.0 failed at 10 ms but its sibling 0.1 kept running with its token not cancelled", Single(report, "fail-fast").Message, StringComparison.Ordinal);
        Assert.Equal(2, report.Trace.Root.ObservedErrors.Count);
    }

    [Fact]
    public void Task_group_keeps_every_invariant_on_all_of_these_trees()
    {
        TaskTree[] trees =
        [
            new(new Group(Fails(10, ErrorKind.IOException), Fails(20, ErrorKind.TimeoutException))),
            new(new Group(Fails(10))),
            new(new Group(Succeeds(10), Succeeds(20))),
            new(new Group(Fails(10), Succeeds(20))),
            new(new Group(Succeeds(20)), CancelAfter: 5),
            new(new Group(Fails(10), new Leaf { Work = 20, OnCancel = CancelBehavior.Fail, CleanupError = ErrorKind.TimeoutException })),
            new(new Group(Succeeds(2000))),
        ];
        foreach (var tree in trees)
        {
            AssertViolations(Run("task-group", tree));
        }
    }
}
