using System.CommandLine;
using ConcurrencyChaos.Cli.Patterns;
using ConcurrencyChaos.Execution;

namespace ConcurrencyChaos.Cli.Commands;

/// <summary>Options shared by the commands that run patterns: the team's assemblies and real-time mode.</summary>
internal static class CommonOptions
{
    /// <summary><c>--assembly PATH</c>, repeatable: load the <c>[ChaosPattern]</c> methods of a team's assembly.</summary>
    public static Option<string[]> Assembly() => new("--assembly")
    {
        Description = "Load the [ChaosPattern(\"id\")] methods of this assembly (repeatable; also \"assemblies\" in chaos.json), so --pattern and scenario files may name them.",
        HelpName = "PATH",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary><c>--real-time</c>: run on the thread pool and the real clock instead of the deterministic runtime.</summary>
    public static Option<bool> RealTime() => new("--real-time")
    {
        Description = "Run on the thread pool with the real clock instead of the deterministic runtime: for patterns that leave it by themselves (e.g. when-each-break). Not reproducible.",
    };

    /// <summary>The catalog plus the patterns of the configured and the given assemblies.</summary>
    /// <exception cref="BadInputException">An assembly or a <c>[ChaosPattern]</c> in it is not usable.</exception>
    public static PatternSet Patterns(CliContext context, string[]? assemblies)
    {
        var paths = context.Settings.Assemblies.Concat(assemblies ?? []).ToList();
        return paths.Count == 0 ? PatternSet.Catalog : PatternSet.With(PatternAssemblies.Load(paths));
    }

    /// <summary>The run budgets: controlled by default, real-time with <c>--real-time</c>.</summary>
    public static RunOptions Run(bool realTime) => realTime ? new RunOptions { Mode = ExecutionMode.RealTime } : RunOptions.Default;

    /// <summary>
    /// Says on stderr when a pattern cannot be run exactly on the deterministic runtime (its code leaves it by
    /// itself), so its verdicts may differ from run to run, and how to run it for real instead.
    /// </summary>
    public static void NoteIfNotControlled(CliContext context, KnownPattern pattern, bool realTime)
    {
        if (!pattern.RunsControlled && !realTime)
        {
            context.Error.WriteLine(
                $"chaos: note: {pattern.Id} leaves the deterministic runtime by itself (its awaits resume on the thread pool), so its controlled runs carry a thread-pool diagnostic and may not replay exactly; do not pin its verdicts on a seed. Add --real-time to run it on the thread pool and the real clock.");
        }
    }
}
