using ConcurrencyChaos.Model;
using Xunit.Abstractions;

namespace ConcurrencyChaos.Tests.Acceptance;

/// <summary>
/// Issue 15 (search power): bugs that need width, long virtual time, errors that look like cancellations or children
/// that wait on an outer token are found with default options and shrunk to their minimal trees, and correct bounded
/// and retrying patterns hold once they say what they do. Each pattern here is the real code it stands for.
/// </summary>
public sealed class SearchPowerTests(ITestOutputHelper output)
{
    private static IEnumerable<Leaf> Leaves(TaskTree tree) => tree.Entries().Select(e => e.Node).OfType<Leaf>();

    private Counterexample Found(ChaosPattern pattern, int seed)
    {
        var result = Chaos.Check(pattern, new ChaosOptions { Seed = seed });
        output.WriteLine(result.ToString());
        var counterexample = Assert.IsType<Counterexample>(result.Counterexample);
        output.WriteLine(counterexample.ToString());
        Assert.True(counterexample.IsDeterministic, counterexample.ToString());
        return counterexample;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_sliding_window_that_loses_an_error_after_a_refill_is_shrunk_to_eleven_children(int seed)
    {
        var counterexample = Found(ChaosPattern.Of(SlidingWindowAsync, maxConcurrency: Window), seed);

        // Ten children fill the window, the eleventh is started by a refill and fails unseen: no fewer will do.
        var lost = Assert.Single(counterexample.Violations);
        Assert.Equal("errors-observed", lost.Invariant);
        Assert.Equal(12, counterexample.NodeCount);
        Assert.Equal(11, counterexample.Tree.Root.Children.Count);
        Assert.Equal("0.10", Assert.IsType<LostErrorFinding>(lost.Finding).NodeId);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_30_s_deadline_that_abandons_children_still_running_is_shrunk_to_one_child_working_past_it(int seed)
    {
        var counterexample = Found(ChaosPattern.Of(DeadlineAsync), seed);

        Assert.Contains("no-orphans", counterexample.Violations.Select(v => v.Invariant));
        Assert.Equal(2, counterexample.NodeCount);
        Assert.IsType<Leaf>(Assert.Single(counterexample.Tree.Root.Children));
        Assert.Contains("ended at 30000 ms", Assert.Single(counterexample.Violations, v => v.Invariant == "no-orphans").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_helper_that_takes_every_cancellation_exception_for_a_cancellation_loses_the_error_of_a_two_node_tree(int seed)
    {
        var counterexample = Found(ChaosPattern.Of(EveryOceIsACancellationAsync), seed);

        Assert.Equal(["errors-observed"], counterexample.Violations.Select(v => v.Invariant));
        Assert.Equal(2, counterexample.NodeCount);
        var child = Assert.IsType<Leaf>(Assert.Single(counterexample.Tree.Root.Children));
        Assert.Equal(LeafEnd.Fail, child.Then);
        Assert.Contains(child.Error, new[] { ErrorKind.OperationCanceledException, ErrorKind.TaskCanceledException });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_child_that_waits_on_the_callers_token_inside_a_group_is_found_in_the_minimal_tree(int seed)
    {
        var counterexample = Found(ChaosPattern.Of(CancelledFromOutsideAsync), seed);

        // Only a child that waits on the caller's token ends canceled with another token than it was given: every
        // minimal tree has one, a sibling whose error is lost, and the caller cancelling.
        Assert.Equal(["errors-observed"], counterexample.Violations.Select(v => v.Invariant));
        Assert.Equal(3, counterexample.NodeCount);
        Assert.NotNull(counterexample.Tree.CancelAfter);
        Assert.Single(Leaves(counterexample.Tree), leaf => leaf.OuterToken == 1);
    }

    [Fact]
    public void A_correct_throttle_declared_with_its_bound_holds_on_ten_thousand_trees()
    {
        var result = Chaos.Check(ChaosPattern.Of(Throttle.RunAsync, maxConcurrency: 2), new ChaosOptions { Seed = 1, MaxTrees = 10_000 });
        Assert.True(result.Passed, result.ToString());
        Assert.Equal(10_000, result.TreesRun);
    }

    [Fact]
    public void The_same_throttle_undeclared_is_blamed_for_not_finishing_behind_two_hung_children()
    {
        var counterexample = Found(ChaosPattern.Of(Throttle.RunAsync), seed: 1);

        // What any throttle of 2 does: two hung children hold both slots, so the failing third never starts.
        Assert.Equal(["terminates"], counterexample.Violations.Select(v => v.Invariant));
        Assert.Equal(4, counterexample.NodeCount);
        Assert.Equal(2, Leaves(counterexample.Tree).Count(l => l.Then == LeafEnd.Hang));
    }

    [Fact]
    public void The_bound_can_be_declared_on_the_method()
    {
        Assert.Equal(2, ChaosPattern.Of(DeclaredThrottleAsync).MaxConcurrency);
        Assert.Null(ChaosPattern.Of(Throttle.RunAsync).MaxConcurrency);
        Assert.Equal(4, ChaosPattern.Catalog("parallel-foreach").MaxConcurrency);
        Assert.Throws<ArgumentOutOfRangeException>(() => ChaosPattern.Of(Throttle.RunAsync, maxConcurrency: 0));
        var tree = new TaskTree(new Group(new Leaf { Then = LeafEnd.Hang }, new Leaf { Then = LeafEnd.Hang }, new Leaf { Then = LeafEnd.Fail }));
        Assert.True(Chaos.Run(tree, ChaosPattern.Of(DeclaredThrottleAsync)).Passed);
        Assert.Equal(["terminates"], Chaos.Run(tree, ChaosPattern.Of(Throttle.RunAsync)).Violations.Select(v => v.Invariant));
    }

    [Fact]
    public void A_correct_per_child_retry_holds()
    {
        // Retries multiply time: a nested group is retried with its own retries inside, 3 tries per level, 27 at depth 3,
        // past the default virtual-time budget (ten times the tree's own times). Virtual time is free: allow a day.
        var options = new ChaosOptions { Seed = 1, MaxTrees = 3000, Run = new() { MaxVirtualTime = TimeSpan.FromDays(1) } };
        var result = Chaos.Check(ChaosPattern.Of(RetryEachAsync), options);
        Assert.True(result.Passed, result.Counterexample?.ToString() ?? result.ToString());
        Assert.Equal(3000, result.TreesRun);
    }

    private const int Window = 10;

    /// <summary>
    /// A sliding window of 10: the first ten children start at once, and each time one ends the next starts in its
    /// place. It cancels the rest on the first failure and waits for every child it started, but it gathers the errors
    /// of the first window only: a child started by a refill fails unseen.
    /// </summary>
    private static async Task SlidingWindowAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = new List<Task>();
        var next = 0;
        for (; next < Math.Min(Window, children.Count) && !cts.IsCancellationRequested; next++)
        {
            running.Add(CancelOnFault(children[next], cts));
        }

        var firstWindow = running.ToArray();
        while (running.Count > 0)
        {
            var done = await Task.WhenAny(running);
            running.Remove(done);
            if (next < children.Count && !cts.IsCancellationRequested)
            {
                running.Add(CancelOnFault(children[next++], cts));
            }
        }

        await AllErrorsOf(firstWindow); // the bug: the refills' tasks are not among them
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// A deadline of 30 s on the whole fan-out: when it passes, it cancels the children and throws
    /// <see cref="TimeoutException"/> at once, without waiting for them to end.
    /// </summary>
    private static Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task> DeadlineAsync(TimeProvider time) => async (children, ct) =>
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tasks = StartAll(children, cts);
        try
        {
            await AllErrorsOf(tasks).WaitAsync(TimeSpan.FromSeconds(30), time);
        }
        catch (TimeoutException)
        {
            cts.Cancel(); // not CancelAsync: that runs the callbacks on the thread pool
            throw;
        }

        ct.ThrowIfCancellationRequested();
    };

    /// <summary>
    /// A structured helper (cancels the rest on the first failure, waits for every child, reports every error) that
    /// takes any <see cref="OperationCanceledException"/> for a cancellation: a child's own timeout is reported as
    /// "canceled", and its error is lost.
    /// </summary>
    private static async Task EveryOceIsACancellationAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var all = Task.WhenAll(StartAll(children, cts));
        try
        {
            await all;
        }
        catch (OperationCanceledException)
        {
            throw new OperationCanceledException(ct); // the bug: it may be a child's error
        }
        catch when (all.Exception is not null)
        {
            throw all.Exception;
        }

        ct.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// A structured helper (cancels the rest on the first failure, waits for every child, reports every error) that
    /// tells how it ended from its children: one canceled by a token other than the one it gave it must have been
    /// cancelled from outside, by the caller giving up, so it reports a cancellation. But a child whose code closed over
    /// the caller's token ends canceled with that token whenever the caller cancels, even after a sibling failed, and
    /// the failure is lost.
    /// </summary>
    private static async Task CancelledFromOutsideAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var tasks = StartAll(children, cts);
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (Exception)
        {
            // Looked at below, child by child.
        }

        if (tasks.Any(t => t.IsCanceled && TokenOf(t) != cts.Token))
        {
            throw new OperationCanceledException(ct); // the bug: a sibling's error may be among them
        }

        var errors = tasks.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).ToList();
        if (errors.Count > 0)
        {
            throw new AggregateException(errors);
        }

        ct.ThrowIfCancellationRequested();
        if (tasks.Any(t => t.IsCanceled))
        {
            throw new OperationCanceledException(ct);
        }
    }

    /// <summary>The token a canceled task was canceled with.</summary>
    private static CancellationToken TokenOf(Task canceled)
    {
        try
        {
            canceled.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException e)
        {
            return e.CancellationToken;
        }

        return default;
    }

    [MaxConcurrency(2)]
    private static Task DeclaredThrottleAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken ct) => Throttle.RunAsync(children, ct);

    /// <summary>
    /// A correct per-child retry: a <see cref="TaskGroup"/> of children each tried up to three times, the next try at once;
    /// a child's last failure is its group's, and a retry the group's cancellation cuts short reports the failure it retried.
    /// </summary>
    private static Task RetryEachAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken ct) =>
        TaskGroup.WhenAll([.. children.Select(child => (Func<CancellationToken, Task>)(token => Retried(child, token)))], ct);

    /// <summary>Starts the children in order, each cancelling <paramref name="cts"/> in the instant it fails; none once it is cancelled.</summary>
    private static Task[] StartAll(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationTokenSource cts)
    {
        var tasks = new List<Task>();
        for (var i = 0; i < children.Count && !cts.IsCancellationRequested; i++)
        {
            tasks.Add(CancelOnFault(children[i], cts));
        }

        return [.. tasks];
    }

    /// <summary>Runs <paramref name="child"/>, cancelling <paramref name="cts"/> in the instant it fails.</summary>
    private static Task CancelOnFault(Func<CancellationToken, Task> child, CancellationTokenSource cts)
    {
        Task task;
        try
        {
            task = child(cts.Token);
        }
        catch (Exception e)
        {
            cts.Cancel();
            return Task.FromException(e);
        }

        _ = task.ContinueWith(t => cts.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    /// <summary>Waits for every task; throws all of their errors together, or the cancellation if one was canceled.</summary>
    private static async Task AllErrorsOf(Task[] tasks)
    {
        var all = Task.WhenAll(tasks);
        try
        {
            await all;
        }
        catch when (all.Exception is not null)
        {
            throw all.Exception;
        }
    }

    /// <summary>
    /// Tries <paramref name="child"/> up to three times, the next try at once (inline, so a failure that is final faults
    /// the returned task in its very instant). When it gives up, or the group's cancellation cuts it short, it reports
    /// every failure it saw: a retry that does not succeed loses nothing.
    /// </summary>
    private static Task Retried(Func<CancellationToken, Task> child, CancellationToken token)
    {
        var result = new TaskCompletionSource();
        var failures = new List<Exception>();
        Attempt();
        return result.Task;

        void Attempt()
        {
            Task task;
            try
            {
                task = child(token);
            }
            catch (Exception e)
            {
                Failed(e);
                return;
            }

            _ = task.ContinueWith(
                t =>
                {
                    if (t.IsFaulted)
                    {
                        Failed(t.Exception!.InnerExceptions[0]);
                    }
                    else if (failures.Count > 0 && (t.IsCanceled || token.IsCancellationRequested))
                    {
                        result.SetException(failures); // cut short by the group's cancellation
                    }
                    else
                    {
                        result.SetFromTask(t);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        void Failed(Exception error)
        {
            failures.Add(error);
            if (failures.Count < 3 && !token.IsCancellationRequested)
            {
                Attempt();
            }
            else
            {
                result.SetException(failures);
            }
        }
    }
}
