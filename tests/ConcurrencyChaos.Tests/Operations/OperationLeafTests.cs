using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Generation;
using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;
using ConcurrencyChaos.Tests.Acceptance;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ConcurrencyChaos.Tests.Operations;

/// <summary>
/// A leaf that names a registered operation runs it inside the Polly chaos pipeline realising the leaf:
/// the faults are Polly's, the verdicts are the plain leaf's, and everything replays from the seed.
/// </summary>
public sealed class OperationLeafTests
{
    /// <summary>A consumer's operations: each counts its calls and records the virtual time it ran at.</summary>
    private sealed class Orders
    {
        private int _charges;
        private int _emails;

        public int Charges => Volatile.Read(ref _charges);

        public int Emails => Volatile.Read(ref _emails);

        public Task ChargeCardAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Interlocked.Increment(ref _charges);
            return Task.CompletedTask;
        }

        public async Task SendEmailAsync(CancellationToken cancellationToken)
        {
            await Task.Yield(); // real async code: resumes on the runtime's context
            cancellationToken.ThrowIfCancellationRequested();
            Interlocked.Increment(ref _emails);
        }

        public RunOptions Options => new()
        {
            Operations = new Dictionary<string, Func<CancellationToken, Task>>
            {
                ["charge-card"] = ChargeCardAsync,
                ["send-email"] = SendEmailAsync,
            },
        };
    }

    private static readonly Leaf Charge = new() { Operation = "charge-card" };
    private static readonly Leaf Email = new() { Operation = "send-email" };

    private static TaskTree Tree(params TreeNode[] children) => new(new Group(children));

    [Fact]
    public void A_succeeding_operation_leaf_calls_the_operation_after_its_latency()
    {
        var orders = new Orders();
        var report = Chaos.Run(Tree(Charge with { Work = 10 }, Email with { Work = 20 }), "task-group", orders.Options);

        Assert.True(report.Passed, report.ToString());
        Assert.Equal((1, 1), (orders.Charges, orders.Emails));
        Assert.Equal(10, report.Trace.Node("0.0").Ended!.Time);
        Assert.Equal(20, report.Trace.Node("0.1").Ended!.Time);
        Assert.Equal(NodeOutcome.RanToCompletion, report.Trace.Root.Outcome);
        Assert.Empty(report.Trace.Diagnostics);
    }

    [Fact]
    public void Polly_injects_the_fault_which_task_group_observes_and_when_all_loses()
    {
        var orders = new Orders();
        var tree = Tree(
            Charge with { Work = 10, Then = LeafEnd.Fail, Error = ErrorKind.HttpRequestException },
            Email with { Work = 20, Then = LeafEnd.Fail, Error = ErrorKind.TimeoutException },
            Charge with { Work = 30 });

        // A failing leaf's operation is never called: Polly's chaos fault takes its place; task-group
        // then cancels the slow sibling before it gets to charge, and when-all lets it charge.
        var structured = Chaos.Run(tree, "task-group", orders.Options);
        Assert.Equal((0, 0), (orders.Charges, orders.Emails));
        var naive = Chaos.Run(tree, "when-all", orders.Options);
        Assert.Equal((1, 0), (orders.Charges, orders.Emails));

        Assert.True(structured.Passed, structured.ToString());
        Assert.Equal([new InjectedError("0.0", ErrorKind.HttpRequestException, ErrorOrigin.Fail)], structured.Trace.Root.ObservedErrors);
        Assert.Equal(NodeOutcome.Canceled, structured.Trace.Node("0.1").Ended!.Outcome);
        Assert.Equal("errors-observed", Assert.Single(naive.Violations, v => v.Invariant == "errors-observed").Invariant);
        Assert.Contains("TimeoutException", naive.Violations.Single(v => v.Invariant == "errors-observed").Message, StringComparison.Ordinal);
        Assert.Equal([new InjectedError("0.0", ErrorKind.HttpRequestException, ErrorOrigin.Fail)], naive.Trace.Root.ObservedErrors);

        // The same tree replays to the same trace, operations and all.
        Assert.Equal(naive.Trace.ToText(), Chaos.Run(tree, "when-all", orders.Options).Trace.ToText());
    }

    [Fact]
    public void Operation_leaves_run_in_real_time_mode_too()
    {
        // Hundreds of ms between the events that decide the verdict: real timers fire late on a loaded machine.
        var orders = new Orders();
        var tree = Tree(
            Charge with { Work = 20, Then = LeafEnd.Fail, Error = ErrorKind.IOException },
            Email with { Work = 300, Then = LeafEnd.Fail, Error = ErrorKind.TimeoutException },
            Charge with { Work = 400 });

        var report = Chaos.Run(tree, "when-all", orders.Options with { Mode = ExecutionMode.RealTime });

        // Which error the await sees is timing (Task.WhenAll keeps them in the order they completed, and a
        // process's first Polly execution can stall for hundreds of ms while it is compiled); that one is lost is not.
        Assert.Equal(["errors-observed", "fail-fast"], report.Violations.Select(v => v.Invariant).Distinct().Order(StringComparer.Ordinal));
        var observed = Assert.Single(report.Trace.Root.ObservedErrors);
        Assert.Contains(observed, new[] { new InjectedError("0.0", ErrorKind.IOException, ErrorOrigin.Fail), new InjectedError("0.1", ErrorKind.TimeoutException, ErrorOrigin.Fail) });
        Assert.Equal((1, 0), (orders.Charges, orders.Emails));
    }

    [Fact]
    public void The_injected_exception_comes_out_of_pollys_chaos_fault_strategy()
    {
        Exception? caught = null;
        var report = Chaos.Run(
            Tree(Charge with { Work = 5, Then = LeafEnd.Fail, Error = ErrorKind.IOException }),
            async (children, ct) =>
            {
                try
                {
                    await children[0](ct);
                }
                catch (IOException e)
                {
                    caught = e;
                    throw;
                }
            },
            new Orders().Options);

        Assert.True(report.Passed, report.ToString());
        Assert.NotNull(caught);
        Assert.Equal(new InjectedError("0.0", ErrorKind.IOException, ErrorOrigin.Fail), InjectedError.Of(caught));
        Assert.Contains("Polly", caught.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void A_throw_sync_operation_leaf_throws_out_of_the_call_itself()
    {
        Exception? thrownByCall = null;
        Chaos.Run(
            Tree(Charge with { Then = LeafEnd.ThrowSync, Error = ErrorKind.ArgumentException }),
            (children, ct) =>
            {
                try
                {
                    _ = children[0](ct); // not awaited: only a synchronous throw lands here
                }
                catch (ArgumentException e)
                {
                    thrownByCall = e;
                }

                return Task.CompletedTask;
            },
            new Orders().Options);

        Assert.Equal(new InjectedError("0.0", ErrorKind.ArgumentException, ErrorOrigin.ThrowSync), InjectedError.Of(thrownByCall!));
    }

    [Fact]
    public void Cancel_behaviours_are_realised_around_the_pipeline()
    {
        var orders = new Orders();
        var tree = Tree(
            Charge with { Work = 10, Then = LeafEnd.Fail, Error = ErrorKind.IOException },
            Email with { Work = 100, OnCancel = CancelBehavior.Swallow, Cleanup = 5 },
            Charge with { Work = 100, OnCancel = CancelBehavior.Fail, CleanupError = ErrorKind.TimeoutException },
            Email with { Work = 40, OnCancel = CancelBehavior.Ignore },
            Charge with { Then = LeafEnd.Hang, Cleanup = 3 });

        var report = Chaos.Run(tree, "task-group", orders.Options);
        var plain = Chaos.Run(tree with { Root = new Group(tree.Root.Children.Select(c => ((Leaf)c) with { Operation = null })) }, "task-group");

        Assert.True(report.Passed, report.ToString());
        Assert.Empty(Differential.Disagreements(tree, ReferenceModel.Run(tree), report.Trace));
        Assert.Equal(
            plain.Trace.Nodes.Values.Select(n => (n.NodeId, n.Ended?.Time, n.Ended?.Outcome)),
            report.Trace.Nodes.Values.Select(n => (n.NodeId, n.Ended?.Time, n.Ended?.Outcome)));
        Assert.Equal((0, 1), (orders.Charges, orders.Emails)); // only the leaf that ignores its token gets to call its operation
    }

    [Property(Arbitrary = [typeof(OperationTrees)], MaxTest = 1000)]
    public Property Operation_leaves_under_task_group_agree_with_the_reference_model_node_by_node(TaskTree tree)
    {
        var model = ReferenceModel.Run(tree);
        if (model.HasTies)
        {
            return true.Classify(true, "tie (not compared)");
        }

        var report = Chaos.Run(tree, "task-group", new Orders().Options);
        var problems = Differential.Disagreements(tree, model, report.Trace);
        return (problems.Count == 0 && report.Passed).Label(string.Join("\n", problems) + "\n" + report);
    }

    [Fact]
    public void A_search_with_operations_places_them_and_finds_the_same_counterexample_from_the_same_seed()
    {
        var orders = new Orders();
        var options = new ChaosOptions { Seed = 7, Run = orders.Options, Invariants = ["errors-observed"] };

        var first = Chaos.Check("when-all", options);
        var second = Chaos.Check("when-all", options);

        Assert.False(first.Passed);
        Assert.Equal(first.Counterexample!.ScenarioJson, second.Counterexample!.ScenarioJson);
        Assert.Equal(first.Counterexample.Trace.ToText(), second.Counterexample.Trace.ToText());
        Assert.True(orders.Charges + orders.Emails > 0, "the search never called a registered operation");
    }

    [Fact]
    public void Task_group_holds_on_trees_whose_leaves_run_operations()
    {
        var orders = new Orders();
        var result = Chaos.Check("task-group", new ChaosOptions { Seed = 11, MaxTrees = 400, Run = orders.Options });

        Assert.True(result.Passed, result.ToString());
        Assert.True(orders.Charges > 0 && orders.Emails > 0, $"operations called: {orders.Charges} charges, {orders.Emails} emails");
    }

    [Fact]
    public void An_operation_that_fails_by_itself_stops_the_run_with_an_error_naming_it()
    {
        var options = new RunOptions
        {
            Operations = new Dictionary<string, Func<CancellationToken, Task>>
            {
                ["save-order"] = _ => Task.FromException(new KeyNotFoundException("order 42 is not in the store")),
            },
        };

        var error = Assert.Throws<ChaosException>(() => Chaos.Run(Tree(new Leaf { Work = 5 }, new Leaf { Work = 10, Operation = "save-order" }), "task-group", options));

        Assert.Contains("leaf 0.1's operation 'save-order' threw KeyNotFoundException by itself (order 42 is not in the store)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the tree says this leaf succeeds", error.Message, StringComparison.Ordinal);
        Assert.Contains("0.1 leaf 'save-order': work 10 ms, then succeed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leaf_naming_an_unregistered_operation_is_refused_before_it_runs()
    {
        var tree = Tree(new Leaf(), new Leaf { Operation = "charge-crad" });

        var none = Assert.Throws<ArgumentException>(() => Chaos.Run(tree, "task-group"));
        var some = Assert.Throws<ArgumentException>(() => Chaos.Run(tree, "task-group", new Orders().Options));

        Assert.StartsWith("Leaf 0.1 runs operation 'charge-crad', which is not registered. No operations are registered", none.Message, StringComparison.Ordinal);
        Assert.StartsWith("Leaf 0.1 runs operation 'charge-crad', which is not registered. Registered operations: charge-card, send-email.", some.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_counterexample_shows_and_rebuilds_the_operation()
    {
        var tree = Tree(Charge with { Work = 10, Then = LeafEnd.Fail }, Email with { Work = 10, Then = LeafEnd.Fail, Error = ErrorKind.IOException });
        var report = Chaos.Run(tree, "when-all", new Orders().Options);
        var text = report.ToString();
        var replay = new Counterexample(report, seed: 3, shrinkSteps: 0, originalNodeCount: 3, deterministic: true, "found", "{}", reproduced: 2, replays: 2).ToString();

        Assert.Contains("var options = new RunOptions(); // TODO: register the operations the search ran in Operations: \"charge-card\", \"send-email\"", replay, StringComparison.Ordinal);
        Assert.Contains("Chaos.Run(tree, \"when-all\", options);", replay, StringComparison.Ordinal);

        Assert.Contains("0.0 leaf 'charge-card': work 10 ms, then fail InvalidOperationException", text, StringComparison.Ordinal);
        Assert.Contains("new Leaf { Work = 10, Then = LeafEnd.Fail, Error = ErrorKind.IOException, Operation = \"send-email\" }", ConcurrencyChaos.Model.CSharpTree.Render(tree, ""), StringComparison.Ordinal);
    }

    /// <summary>
    /// Generated trees where every leaf charges the card: an operation that completes synchronously, so
    /// that it adds no interleaving point of its own (send-email's Task.Yield does, which is a same-instant
    /// tie the reference model does not know about).
    /// </summary>
    public static class OperationTrees
    {
        public static Arbitrary<TaskTree> TaskTree() => Arb.From(
            from tree in ChaosTrees.Arbitrary().Generator
            select tree with { Root = Everywhere(tree.Root, "charge-card") });

        private static Group Everywhere(Group group, string name) => group with
        {
            Children = [.. group.Children.Select(c => c is Leaf leaf ? leaf with { Operation = name } : (TreeNode)Everywhere((Group)c, name))],
        };
    }
}
