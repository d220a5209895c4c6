using System.CommandLine;
using ConcurrencyChaos.Benchmarking;

namespace ConcurrencyChaos.Cli.Commands;

/// <summary>
/// <c>chaos bench [--quick] [--json]</c>: how fast the harness searches — trees/s and nodes/s per core
/// in the controlled runtime for 10-, 50- and 200-node trees, allocations per node, the same trees in
/// real-time mode as the baseline, and time to find and shrink each naive pattern's counterexample.
/// Figures are measured here and now; on a shared machine read them as medians, not promises.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var quick = new Option<bool>("--quick") { Description = "A small, fast run (seconds) instead of the full measurement (about a minute)." };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON for machines." };
        var command = new Command("bench", "Measure how fast the harness runs and searches, against a real-time baseline.") { quick, json };
        command.SetAction(async (parseResult, _) =>
        {
            var report = Benchmark.Run(parseResult.GetValue(quick) ? BenchOptions.Quick : BenchOptions.Default, context.Error);
            await context.Out.WriteLineAsync(parseResult.GetValue(json) ? report.ToJson() : report.ToTable()).ConfigureAwait(false);
            return ExitCodes.Held;
        });
        return command;
    }
}
