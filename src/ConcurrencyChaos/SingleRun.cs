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
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before or during the run.</exception>
    public static RunReport OnHarnessThread(TaskTree tree, ChaosPattern pattern, RunOptions options, InvariantSet? invariants, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tree);
        cancellationToken.ThrowIfCancellationRequested();
        var runner = Runner(tree, pattern, options);
        using var cancel = cancellationToken.Register(runner.Cancel);
        var trace = HarnessThread.TryInvoke(runner.Run, () => runner.Progress, options.StuckAfter, out var finished)
            ? finished
            : runner.Abandon(options.StuckAfter);
        return Judged(tree, pattern, NotCancelled(trace, cancellationToken), invariants);
    }

    /// <summary>Runs on the current thread (which must be a harness thread, or a test that accepts being hung).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before or during the run.</exception>
    public static RunReport OnThisThread(TaskTree tree, ChaosPattern pattern, RunOptions options, InvariantSet? invariants, Action<TreeRunner>? started = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var runner = Runner(tree, pattern, options);
        started?.Invoke(runner);
        using var cancel = cancellationToken.Register(runner.Cancel);
        return Judged(tree, pattern, NotCancelled(runner.Run(), cancellationToken), invariants);
    }

    /// <summary>A run the caller cancelled is no experiment: it is never judged.</summary>
    private static Trace NotCancelled(Trace trace, CancellationToken cancellationToken) =>
        trace.Status == RunStatus.Cancelled ? throw new OperationCanceledException("The run was cancelled by its caller.", cancellationToken) : trace;

    internal static TreeRunner Runner(TaskTree tree, ChaosPattern pattern, RunOptions options) =>
        new(tree, pattern.Factory, id => PatternCatalog.Get(id).Create, options);

    /// <exception cref="ChaosException">
    /// A registered operation failed by itself, or a pattern threw its own exception before returning a task:
    /// the run is not the experiment its tree describes.
    /// </exception>
    /// <remarks>Judged by <paramref name="invariants"/>, or the catalog when null.</remarks>
    internal static RunReport Judged(TaskTree tree, ChaosPattern pattern, Trace trace, InvariantSet? invariants)
    {
        if (trace.Diagnostics.FirstOrDefault(d => d.Kind.IsBrokenSetup()) is { } broken)
        {
            var what = broken.Kind == DiagnosticKind.OperationError ? $"leaf {broken.NodeId}'s {broken.Message}" : broken.Message;
            throw new ChaosException(
                $"ConcurrencyChaos: {what}. No verdict is given: the run is not the experiment its tree describes.\n\n"
                + $"Tree (pattern '{pattern.Name}', scheduler seed {tree.Seed}):\n{TreeText.Render(tree, trace, pattern.Name)}");
        }

        return new(tree, pattern.Name, trace, Judge.Check(tree, trace, invariants ?? InvariantSet.Catalog, pattern.Bounds)) { Bounds = pattern.Bounds };
    }
}
