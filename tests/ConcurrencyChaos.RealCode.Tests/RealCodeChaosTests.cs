using ConcurrencyChaos.Model;
using Contoso.FanOut;
using FsCheck.Fluent;

namespace ConcurrencyChaos.RealCode.Tests;

/// <summary>
/// The library's fan-outs, rewritten at build, checked through the public API as a consumer would: each runs fully
/// controlled (no escape diagnostic), and the verdicts are what the code really does, found in virtual time.
/// </summary>
public sealed class RealCodeChaosTests
{
    public static TheoryData<string> Names => [.. FanOuts.All.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_fan_out_runs_fully_controlled(string name)
    {
        var trees = ChaosTrees.Arbitrary().Generator.Sample(150, 20); // (number of trees, size)

        var escapes = trees
            .Select(tree => Chaos.Run(tree, FanOuts.Pattern(name)))
            .SelectMany(report => report.Trace.Diagnostics.Where(d => d.Kind.IsEscape()))
            .Select(d => d.ToString())
            .Distinct()
            .ToList();

        Assert.Empty(escapes);
    }

    [Fact]
    public void A_correct_group_with_ConfigureAwait_false_on_every_await_holds_on_5_times_2000_trees()
    {
        for (var seed = 1; seed <= 5; seed++)
        {
            var result = Chaos.Check(FanOuts.Pattern("configure-await-false-group"), new ChaosOptions { Seed = seed, MaxTrees = 2000 });

            Assert.True(result.Passed, result.Counterexample?.ToString());
            Assert.Equal(2000, result.TreesRun);
        }
    }

    [Fact]
    public void Task_Run_per_child_holds()
    {
        var result = Chaos.Check(FanOuts.Pattern("task-run-per-child"), new ChaosOptions { Seed = 1, MaxTrees = 2000 });

        Assert.True(result.Passed, result.Counterexample?.ToString());
    }

    [Fact]
    public void A_group_throttled_by_a_semaphore_starves_a_failing_child_behind_three_hanging_ones()
    {
        // Three children hang in the three slots; the one that fails never gets a slot, so nothing cancels them.
        var tree = new TaskTree(new Group(new Leaf { Then = LeafEnd.Hang }, new Leaf { Then = LeafEnd.Hang }, new Leaf { Then = LeafEnd.Hang }, new Leaf { Then = LeafEnd.Fail }));

        var report = Chaos.Run(tree, FanOuts.Pattern("semaphore-throttled"));

        Assert.Equal(["terminates"], report.Violations.Select(v => v.Invariant));
        Assert.DoesNotContain(report.Trace.Diagnostics, d => d.Kind.IsEscape());
    }

    [Fact]
    public void A_group_throttled_by_a_semaphore_holds_when_nothing_hangs()
    {
        // Same seeds as the search that finds the starvation: without hanging children, every other invariant holds.
        var result = Chaos.Check(FanOuts.Pattern("semaphore-throttled"), new ChaosOptions { Seed = 1, MaxTrees = 1000, Invariants = ["errors-observed", "no-orphans", "cancellation-propagated", "fail-fast"] });

        Assert.True(result.Passed, result.Counterexample?.ToString());
    }

    [Fact]
    public void Parallel_ForEachAsync_is_not_blamed_for_fail_fast_and_loses_errors_as_dotnet_does()
    {
        var failFast = Chaos.Check(FanOuts.Pattern("parallel-foreach-async"), new ChaosOptions { Seed = 1, MaxTrees = 1000, Invariants = ["fail-fast"] });
        var all = Chaos.Check(FanOuts.Pattern("parallel-foreach-async"), new ChaosOptions { Seed = 1, MaxTrees = 1000 });

        Assert.True(failFast.Passed, failFast.Counterexample?.ToString());
        Assert.NotNull(all.Counterexample);
        Assert.Equal(["errors-observed"], all.Counterexample.Violations.Select(v => v.Invariant).Distinct());
    }

    [Fact]
    public void A_WhenEach_loop_that_breaks_on_the_first_failure_leaves_orphans()
    {
        var result = Chaos.Check(FanOuts.Pattern("when-each-break"), new ChaosOptions { Seed = 1, MaxTrees = 1000, Invariants = ["no-orphans"] });

        Assert.NotNull(result.Counterexample);
        Assert.True(result.Counterexample.IsDeterministic);
    }

    [Fact]
    public void A_Polly_retry_and_timeout_pipeline_with_default_options_runs_controlled_and_replays()
    {
        var result = Chaos.Check(FanOuts.Pattern("polly-retry-timeout"), new ChaosOptions { Seed = 1, MaxTrees = 500 });

        // Polly retries a failed call (2 s later, three times): the first errors are handled and dropped.
        Assert.NotNull(result.Counterexample);
        Assert.True(result.Counterexample.IsDeterministic);
        Assert.DoesNotContain(result.Counterexample.Trace.Diagnostics, d => d.Kind.IsEscape());
    }

    [Fact]
    public void A_two_second_deadline_and_a_one_second_heartbeat_take_virtual_time_only()
    {
        var result = Chaos.Check(FanOuts.Pattern("deadline-heartbeat"), new ChaosOptions { Seed = 1, MaxTrees = 1000 });

        Assert.True(result.Passed, result.Counterexample?.ToString());
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(30), $"the search took {result.Elapsed}: real time, not virtual");
    }

    [Fact]
    public void A_child_that_hangs_is_cut_by_the_deadline_at_two_virtual_seconds_after_two_heartbeats()
    {
        var tree = new TaskTree(new Group(new Leaf { Then = LeafEnd.Hang }, new Leaf { Work = 5 }));
        var heartbeats = Contoso.FanOut.DeadlineRunner.Heartbeats;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var report = Chaos.Run(tree, FanOuts.Pattern("deadline-heartbeat"));

        Assert.Equal(2000, report.Trace.EndTime);
        Assert.Equal(2, Contoso.FanOut.DeadlineRunner.Heartbeats - heartbeats);
        Assert.DoesNotContain(report.Trace.Diagnostics, d => d.Kind.IsEscape());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"took {clock.Elapsed} of real time");
    }

    [Theory]
    [InlineData("continue-with-group")]
    [InlineData("begin-end-group")]
    [InlineData("method-groups-on-pool")]
    public void A_group_written_with_ContinueWith_FromAsync_or_method_groups_replays_step_for_step(string name)
    {
        var trees = ChaosTrees.Arbitrary().Generator.Sample(50, 20); // (number of trees, size)

        Assert.All(trees, tree => Assert.Equal(Chaos.Run(tree, FanOuts.Pattern(name)).Trace.ToText(), Chaos.Run(tree, FanOuts.Pattern(name)).Trace.ToText()));
    }

    [Theory]
    [InlineData("begin-end-group")]
    [InlineData("method-groups-on-pool")]
    public void A_group_behind_a_Begin_End_pair_or_started_through_method_groups_holds(string name)
    {
        var result = Chaos.Check(FanOuts.Pattern(name), new ChaosOptions { Seed = 1, MaxTrees = 1000 });

        Assert.True(result.Passed, result.Counterexample?.ToString());
    }

    [Fact]
    public void A_group_that_records_failures_in_continuations_starts_a_sibling_after_a_failure_and_the_finding_replays()
    {
        // A ContinueWith continuation runs one scheduler step later, even after a task that has already failed: the loop
        // starts the next operation before the first failure has cancelled the group. Every other invariant holds.
        var result = Chaos.Check(FanOuts.Pattern("continue-with-group"), new ChaosOptions { Seed = 1, MaxTrees = 1000 });
        var others = Chaos.Check(FanOuts.Pattern("continue-with-group"), new ChaosOptions { Seed = 1, MaxTrees = 1000, Invariants = ["errors-observed", "no-orphans", "cancellation-propagated", "terminates"] });

        Assert.NotNull(result.Counterexample);
        Assert.Equal(["fail-fast"], result.Counterexample.Violations.Select(v => v.Invariant).Distinct());
        Assert.True(result.Counterexample.IsDeterministic);
        Assert.DoesNotContain(result.Counterexample.Trace.Diagnostics, d => d.Kind.IsEscape());
        Assert.True(others.Passed, others.Counterexample?.ToString());
    }

    [Fact]
    public void Task_Delay_handed_over_as_a_method_group_waits_on_the_virtual_clock()
    {
        // Select(Task.Delay) makes the delegate with ldftn of Task.Delay itself: the rewriter points it at the shim.
        var tree = new TaskTree(new Group(new Leaf { Work = 1 }, new Leaf { Work = 1 }, new Leaf { Work = 1 }));

        var report = Chaos.Run(tree, FanOuts.Pattern("staggered-by-delay-method-group"));

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(21, report.Trace.EndTime);
        Assert.DoesNotContain(report.Trace.Diagnostics, d => d.Kind.IsEscape());
    }

    [Fact]
    public void Task_WaitAll_and_Task_WaitAny_on_the_runtime_thread_fail_at_once_and_name_the_API()
    {
        var tree = new TaskTree(new Group(new Leaf { Work = 1 }, new Leaf { Work = 2 }));

        var all = Chaos.Run(tree, async (children, ct) =>
        {
            await Task.Yield();
            SyncOverAsync.RunAll(children, ct);
        });
        var first = Chaos.Run(tree, async (children, ct) =>
        {
            await Task.Yield();
            _ = SyncOverAsync.RunUntilFirst(children, ct);
        });

        Assert.Contains("(Task.WaitAll)", Assert.Single(all.Trace.Diagnostics, d => d.Kind == DiagnosticKind.BlockingWait).Message, StringComparison.Ordinal);
        Assert.Contains("(Task.WaitAny)", Assert.Single(first.Trace.Diagnostics, d => d.Kind == DiagnosticKind.BlockingWait).Message, StringComparison.Ordinal);
    }
}
