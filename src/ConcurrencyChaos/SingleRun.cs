using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Patterns;
using ConcurrencyChaos.Reporting;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos;

/// <summary>Execute then Judge, for one tree: the unit every search, shrink and replay is made of.</summary>
internal static class SingleRun
{
    /// <summary>Runs on a harness thread under the watchdog: a stuck run is abandoned and reported, never hung.</summary>
    public static RunReport OnHarnessThread(TaskTree tree, ChaosPattern pattern, RunOptions options, IReadOnlyCollection<string>? invariants)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var runner = Runner(tree, pattern, options);
        var trace = HarnessThread.TryInvoke(runner.Run, () => runner.Progress, options.StuckAfter, out var finished)
            ? finished
            : runner.Abandon(options.StuckAfter);
        return Judged(tree, pattern, trace, invariants);
    }

    /// <summary>Runs on the current thread (which must be a harness thread, or a test that accepts being hung).</summary>
    public static RunReport OnThisThread(TaskTree tree, ChaosPattern pattern, RunOptions options, IReadOnlyCollection<string>? invariants, Action<TreeRunner>? started = null)
    {
        var runner = Runner(tree, pattern, options);
        started?.Invoke(runner);
        return Judged(tree, pattern, runner.Run(), invariants);
    }

    internal static TreeRunner Runner(TaskTree tree, ChaosPattern pattern, RunOptions options) =>
        new(tree, pattern.Factory, id => PatternCatalog.Get(id).Create, options);

    /// <exception cref="ChaosException">
    /// A registered operation failed by itself, or a pattern threw its own exception before returning a task:
    /// the run is not the experiment its tree describes.
    /// </exception>
    internal static RunReport Judged(TaskTree tree, ChaosPattern pattern, Trace trace, IReadOnlyCollection<string>? invariants)
    {
        if (trace.Diagnostics.FirstOrDefault(d => d.Kind.IsBrokenSetup()) is { } broken)
        {
            var what = broken.Kind == DiagnosticKind.OperationError ? $"leaf {broken.NodeId}'s {broken.Message}" : broken.Message;
            throw new ChaosException(
                $"ConcurrencyChaos: {what}. No verdict is given: the run is not the experiment its tree describes.\n\n"
                + $"Tree (pattern '{pattern.Name}', scheduler seed {tree.Seed}):\n{TreeText.Render(tree, trace, pattern.Name)}");
        }

        return new(tree, pattern.Name, trace, Judge.Check(tree, trace, invariants));
    }
}
