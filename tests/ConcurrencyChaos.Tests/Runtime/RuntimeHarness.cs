using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Tests.Runtime;

/// <summary>Runs a tree under a pattern the way the public API does: on a harness thread, under the watchdog.</summary>
internal static class RuntimeHarness
{
    public static Func<TimeProvider, FanOut> NoTime(FanOut pattern) => _ => pattern;

    public static Trace Run(TaskTree tree, FanOut pattern, RunOptions? options = null) => Run(tree, NoTime(pattern), options);

    public static Trace Run(TaskTree tree, Func<TimeProvider, FanOut> pattern, RunOptions? options = null)
    {
        options ??= RunOptions.Default;
        var runner = new TreeRunner(tree, pattern, name => throw new ArgumentException($"no named pattern {name} in this test"), options);
        return HarnessThread.TryInvoke(runner.Run, () => runner.Progress, options.StuckAfter, out var trace) ? trace : runner.Abandon(options.StuckAfter);
    }

    public static async Task WhenAll(IReadOnlyList<Func<CancellationToken, Task>> children, CancellationToken token) =>
        await Task.WhenAll(children.Select(c => c(token)));

    public static Leaf Ok(int work) => new() { Work = work };

    public static Leaf Fail(int work, ErrorKind error = ErrorKind.IOException) => new() { Work = work, Then = LeafEnd.Fail, Error = error };

    public static Leaf Hang() => new() { Then = LeafEnd.Hang };

    public static TaskTree Tree(params TreeNode[] children) => new(new Group(children));
}
