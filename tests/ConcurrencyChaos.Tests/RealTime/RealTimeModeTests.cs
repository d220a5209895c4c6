using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Tests.RealTime;

/// <summary>
/// The same hand-built trees judged the same in controlled and real-time mode. Events that decide a
/// verdict are a few hundred ms apart (a loaded two-core machine was seen to fire 20 ms and 40 ms
/// timers out of order), so real-time verdicts do not hinge on ties; nothing asserts on timing.
/// </summary>
public class RealTimeModeTests
{
    private static readonly RunOptions RealTime = new() { Mode = ExecutionMode.RealTime };

    private static Leaf Ok(int work) => new() { Work = work };

    private static Leaf Fail(int work, ErrorKind error = ErrorKind.IOException) => new() { Work = work, Then = LeafEnd.Fail, Error = error };

    private static TaskTree Tree(params TreeNode[] children) => new(new Group(children));

    private static string[] Broken(RunReport report) => [.. report.Violations.Select(v => v.Invariant).Distinct().Order(StringComparer.Ordinal)];

    private static (RunReport Controlled, RunReport RealTime) Both(TaskTree tree, string pattern) =>
        (Chaos.Run(tree, pattern), Chaos.Run(tree, pattern, RealTime));

    [Fact]
    public void When_all_loses_the_second_error_in_both_modes()
    {
        var (controlled, realTime) = Both(Tree(Fail(20), Fail(300, ErrorKind.TimeoutException), Ok(400)), "when-all");

        Assert.Contains("errors-observed", Broken(controlled));
        Assert.Equal(Broken(controlled), Broken(realTime));
        Assert.Equal(NodeOutcome.Faulted, realTime.Trace.Root.Outcome);
        Assert.Equal([new InjectedError("0.0", ErrorKind.IOException, ErrorOrigin.Fail)], realTime.Trace.Root.ObservedErrors);
        Assert.Equal(RunStatus.Completed, realTime.Trace.Status);
        Assert.Empty(realTime.Trace.Diagnostics);
    }

    [Fact]
    public void Fire_and_forget_orphans_its_children_in_both_modes()
    {
        var (controlled, realTime) = Both(Tree(Ok(200), Fail(700)), "fire-and-forget");

        Assert.Contains("no-orphans", Broken(controlled));
        Assert.Equal(Broken(controlled), Broken(realTime));
        Assert.Equal(NodeOutcome.RanToCompletion, realTime.Trace.Root.Outcome);
    }

    [Fact]
    public void Task_group_holds_in_both_modes()
    {
        var tree = Tree(Fail(20), Ok(300), new Group(Ok(400), new Leaf { Work = 500, OnCancel = CancelBehavior.Swallow }));
        var (controlled, realTime) = Both(tree, "task-group");

        Assert.Empty(controlled.Violations);
        Assert.Empty(realTime.Violations);
        Assert.Equal(NodeOutcome.Faulted, realTime.Trace.Root.Outcome);
        Assert.Equal(RunStatus.Completed, realTime.Trace.Status);
    }

    [Fact]
    public void Caller_cancellation_reaches_task_group_children_in_real_time()
    {
        // Seconds of margin: on a loaded machine a 30 ms timer can fire hundreds of ms late.
        var tree = Tree(Ok(3_000), Ok(4_000)) with { CancelAfter = 30 };
        var realTime = Chaos.Run(tree, "task-group", RealTime);

        Assert.Empty(realTime.Violations);
        Assert.Equal(NodeOutcome.Canceled, realTime.Trace.Root.Outcome);
        Assert.NotNull(realTime.Trace.CallerCancelled);
    }

    [Fact]
    public void Real_time_steps_are_a_global_event_sequence()
    {
        var trace = Chaos.Run(Tree(Ok(20), Fail(40)), "when-all", RealTime).Trace;

        Assert.Equal(Enumerable.Range(1, trace.Events.Count).Select(i => (long)i), trace.Events.Select(e => e.Step));
        Assert.Equal(trace.Events.Count, trace.Steps);
    }

    [Fact]
    public void Code_that_runs_on_the_thread_pool_runs_in_real_time_without_diagnostics()
    {
        // Task.Run inside the pattern escapes the controlled runtime (reported there); real time is its home.
        static Task OnThePool(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken token) =>
            Task.Run(() => Task.WhenAll(children.Select(c => c(token))), token);

        var report = Chaos.Run(Tree(Ok(20), Ok(40)), OnThePool, RealTime);

        Assert.Empty(report.Violations);
        Assert.Empty(report.Trace.Diagnostics);
        Assert.Equal(RunStatus.Completed, report.Trace.Status);
    }

    [Fact]
    public void Time_scale_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Chaos.Run(Tree(Ok(1)), "when-all", RealTime with { TimeScale = 0 }));
    }
}
