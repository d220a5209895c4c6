using System.Diagnostics;
using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using FsCheck;
using FsCheck.Fluent;

namespace ConcurrencyChaos.Benchmarking;

/// <summary>
/// The same kind of trees checked without the deterministic runtime, in the same run as the public path: our own
/// real-time mode, and what a team writes by hand — an FsCheck property whose leaves are real <c>Task.Delay</c>s on
/// the thread pool, run under <c>TaskGroup.WhenAll</c>, checking that every error reaches the caller. Process CPU.
/// </summary>
internal static class BaselineBench
{
    public static BaselineRow RealTime(BenchOptions options, double publicPath)
    {
        var check = RealTimeCheck(options);
        ChaosResult? result = null;
        var wall = Stopwatch.StartNew();
        var (cpu, _) = ProcessClock.Measure(() => result = Chaos.Check(TaskGroup.WhenAll, check));
        return Row("real-time mode", result!.TreesRun, cpu, wall.Elapsed, publicPath);
    }

    public static BaselineRow FsCheckOnThePool(BenchOptions options, double publicPath)
    {
        var trees = 0;
        // The trees real-time mode generates (delays to 50 ms): controlled mode's reach to minutes would be waited out here.
        var property = Prop.ForAll(ChaosTrees.Arbitrary(maxDelay: RealTimeCheck(options).MaxDelayMs), tree =>
        {
            trees++;
            return ErrorsReachTheCaller(tree, options.RealTimeScale);
        });
        var wall = Stopwatch.StartNew();
        var (cpu, _) = ProcessClock.Measure(() => Check.One(Config.Quick.WithMaxTest(options.BaselineTrees).WithQuietOnSuccess(true), property));
        return Row("FsCheck on the thread pool", trees, cpu, wall.Elapsed, publicPath);
    }

    private static ChaosOptions RealTimeCheck(BenchOptions options) =>
        new() { Seed = 1, MaxTrees = options.BaselineTrees, Run = RunOptions.Default with { Mode = ExecutionMode.RealTime, TimeScale = options.RealTimeScale } };

    private static BaselineRow Row(string name, int trees, TimeSpan cpu, TimeSpan wall, double publicPath)
    {
        var perCpu = trees / cpu.TotalSeconds;
        return new BaselineRow(name, trees, perCpu, trees / wall.TotalSeconds, publicPath / perCpu);
    }

    /// <summary>The hand-written property: run the tree for real, and see every thrown error in what the await threw.</summary>
    private static bool ErrorsReachTheCaller(TaskTree tree, double scale)
    {
        var thrown = new List<Exception>();
        using var caller = new CancellationTokenSource();
        if (tree.CancelAfter is { } after)
        {
            caller.CancelAfter(Scaled(after, scale));
        }

        var root = Node(tree.Root, thrown, scale)(caller.Token);
        try
        {
#pragma warning disable VSTHRD002 // An FsCheck property is synchronous: the hand-written baseline blocks on the pool, as a team's would.
            root.Wait(TimeSpan.FromSeconds(10));
#pragma warning restore VSTHRD002
        }
        catch (AggregateException)
        {
        }

        var seen = root.Exception?.Flatten().InnerExceptions ?? [];
        lock (thrown)
        {
            return thrown.All(e => seen.Any(s => ReferenceEquals(s, e) || s.InnerException == e));
        }
    }

    private static Func<CancellationToken, Task> Node(TreeNode node, List<Exception> thrown, double scale) => node switch
    {
        Group group => ct => TaskGroup.WhenAll([.. group.Children.Select(child => Node(child, thrown, scale))], ct),
        Leaf leaf => ct => LeafAsync(leaf, thrown, scale, ct),
        _ => throw new ArgumentException($"Unknown node {node.GetType().Name}.", nameof(node)),
    };

    private static async Task LeafAsync(Leaf leaf, List<Exception> thrown, double scale, CancellationToken ct)
    {
        try
        {
            await Task.Delay(Scaled(leaf.Work, scale), leaf.OnCancel == CancelBehavior.Ignore ? CancellationToken.None : ct).ConfigureAwait(false);
            if (leaf.Then == LeafEnd.Hang)
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (leaf.OnCancel != CancelBehavior.Throw)
        {
            if (leaf.OnCancel == CancelBehavior.Fail)
            {
                await Task.Delay(Scaled(leaf.Cleanup, scale), CancellationToken.None).ConfigureAwait(false);
                throw Thrown(thrown, new IOException("cleanup failed"));
            }

            return;
        }

        if (leaf.Then is LeafEnd.Fail or LeafEnd.ThrowSync)
        {
            throw Thrown(thrown, new IOException("injected"));
        }
    }

    private static Exception Thrown(List<Exception> thrown, Exception e)
    {
        lock (thrown)
        {
            thrown.Add(e);
        }

        return e;
    }

    private static TimeSpan Scaled(long ms, double scale) => TimeSpan.FromMilliseconds(ms * scale);
}
