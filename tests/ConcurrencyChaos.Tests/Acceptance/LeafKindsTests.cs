using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Tests.Acceptance;

/// <summary>
/// Issue 15's leaf kinds as real code sees them: an error shaped like a cancellation is a faulted task carrying a token
/// of its own, and a leaf that waits on an outer token acts on that token only, while its own is what gets recorded.
/// </summary>
public sealed class LeafKindsTests
{
    /// <summary>Runs every child and keeps what each returned, for the test to look at.</summary>
    private sealed class Keeper
    {
        public List<Task> Tasks { get; } = [];

        public CancellationToken Given { get; private set; }

        public Task RunAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken ct)
        {
            Given = ct;
            Tasks.AddRange(children.Select(child => child(ct)));
            return Task.WhenAll(Tasks);
        }
    }

    private static OperationCanceledException CancellationOf(Task task) =>
        Assert.IsAssignableFrom<OperationCanceledException>(task.Exception?.InnerExceptions.Single() ?? Assert.ThrowsAny<OperationCanceledException>(() => task.GetAwaiter().GetResult()));

    [Theory]
    [InlineData(ErrorKind.OperationCanceledException)]
    [InlineData(ErrorKind.TaskCanceledException)]
    public void An_error_shaped_like_a_cancellation_faults_the_leaf_with_a_token_of_its_own(ErrorKind kind)
    {
        var keeper = new Keeper();
        var report = Chaos.Run(new TaskTree(new Group(new Leaf { Work = 5, Then = LeafEnd.Fail, Error = kind })), ChaosPattern.Of(keeper.RunAsync));

        var task = Assert.Single(keeper.Tasks);
        Assert.True(task.IsFaulted);
        var error = CancellationOf(task);
        Assert.Equal(new InjectedError("0.0", kind, ErrorOrigin.Fail), InjectedError.Of(error));
        Assert.NotEqual(keeper.Given, error.CancellationToken);
        Assert.True(error.CancellationToken.CanBeCanceled);
        Assert.False(error.CancellationToken.IsCancellationRequested);
        if (kind == ErrorKind.TaskCanceledException)
        {
            Assert.IsType<TimeoutException>(error.InnerException); // as HttpClient's timeout
        }

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(NodeOutcome.Faulted, report.Trace.Root.Outcome);
    }

    [Fact]
    public void An_error_shaped_like_a_cancellation_that_an_async_method_turns_into_a_cancellation_still_reaches_the_caller()
    {
        // An async method ends canceled when an OperationCanceledException leaves it, but `await` rethrows that very
        // exception: the caller does see the leaf's error.
        static async Task AwaitEachAsync(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken ct)
        {
            foreach (var child in children)
            {
                await child(ct);
            }
        }

        var report = Chaos.Run(new TaskTree(new Group(new Leaf { Then = LeafEnd.Fail, Error = ErrorKind.TaskCanceledException })), ChaosPattern.Of(AwaitEachAsync));
        Assert.Equal(NodeOutcome.Canceled, report.Trace.Root.Outcome);
        Assert.Equal([new InjectedError("0.0", ErrorKind.TaskCanceledException, ErrorOrigin.Fail)], report.Trace.Root.ObservedErrors);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void A_leaf_waiting_on_the_callers_token_records_its_own_token_but_ends_only_when_the_caller_cancels()
    {
        // 0.1 fails at 10: task-group cancels the token 0.0 was given, but 0.0 waits on the caller's (cancelled at 40).
        var keeper = new Keeper();
        var tree = new TaskTree(new Group(new Leaf { Then = LeafEnd.Hang, OuterToken = 1 }, new Leaf { Work = 10, Then = LeafEnd.Fail }), CancelAfter: 40);
        var trace = Chaos.Run(tree, "task-group").Trace;

        Assert.Equal(10, trace.Node("0.0").TokenCancelled!.Time);
        Assert.Equal((40L, NodeOutcome.Canceled), (trace.Node("0.0").Ended!.Time, trace.Node("0.0").Ended!.Outcome));
        Assert.Equal(40, trace.Node("0").Ended!.Time);

        // Its cancellation carries the token it waited on: the caller's, not the one it was given.
        _ = Chaos.Run(tree, ChaosPattern.Of(keeper.RunAsync));
        var ended = keeper.Tasks[0];
        Assert.True(ended.IsCanceled);
        Assert.Equal(keeper.Given, CancellationOf(ended).CancellationToken); // the root's given token is the caller's
    }

    [Fact]
    public void An_operation_leaf_waits_on_an_outer_token_and_faults_with_a_cancellation_shaped_error_as_a_simulated_leaf_does()
    {
        var options = new RunOptions { Operations = new Dictionary<string, Func<CancellationToken, Task>> { ["call"] = _ => Task.CompletedTask } };
        TaskTree Tree(string? operation) => new(
            new Group(
                new Leaf { Then = LeafEnd.Hang, OuterToken = 1, Operation = operation },
                new Leaf { Work = 10, Then = LeafEnd.Fail, Error = ErrorKind.TaskCanceledException, Operation = operation }),
            CancelAfter: 40);

        var simulated = Chaos.Run(Tree(null), "task-group").Trace;
        var operated = Chaos.Run(Tree("call"), "task-group", options).Trace;
        foreach (var id in new[] { "0", "0.0", "0.1" })
        {
            Assert.Equal(
                (simulated.Node(id).TokenCancelled?.Time, simulated.Node(id).Ended?.Time, simulated.Node(id).Ended?.Outcome),
                (operated.Node(id).TokenCancelled?.Time, operated.Node(id).Ended?.Time, operated.Node(id).Ended?.Outcome));
        }

        Assert.Equal(simulated.Root.ObservedErrors, operated.Root.ObservedErrors);
    }
}
