using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Hosting;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Tests.Hosting;

/// <summary>Hand-built trees and readings of a hosted run, shared by the hosting tests.</summary>
internal static class Hosted
{
    public static Leaf Ok(int work) => new() { Work = work };

    public static Leaf Fail(int work) => new() { Work = work, Then = LeafEnd.Fail, Error = ErrorKind.IOException };

    public static TaskTree Tree(params TreeNode[] children) => new(new Group(children));

    /// <summary>Runs <paramref name="tree"/> under the built-in hosted-service pattern, in real time.</summary>
    public static RunReport Run(TaskTree tree, HostedServiceChaosOptions? options = null) =>
        Chaos.Run(tree, HostedChaos.Pattern(options), HostedChaos.RealTime);

    /// <summary>The ids of the invariants the run broke, sorted.</summary>
    public static string[] Broken(RunReport report) =>
        [.. report.Violations.Select(v => v.Invariant).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Whether <paramref name="first"/> was recorded before <paramref name="then"/> (both must have happened).</summary>
    public static bool Before(TraceEvent? first, TraceEvent? then)
    {
        Assert.NotNull(first);
        Assert.NotNull(then);
        return first.Step < then.Step;
    }
}
