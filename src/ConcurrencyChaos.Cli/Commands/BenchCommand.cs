using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ConcurrencyChaos.Benchmarking;

namespace ConcurrencyChaos.Cli.Commands;

/// <summary>
/// <c>chaos bench [--quick] [--json]</c>: how fast the harness searches. The public path (<c>Chaos.Check</c>) beside
/// execution alone, per CPU second of the process, past warm-up; judging alone by tree size; the real-time mode and a
/// hand-written FsCheck property on the thread pool as baselines in the same run; the first trees of a fresh process
/// (measured in a child process: <c>--first-trees</c>); the controlled runtime by tree size and pattern; the time
/// to find and shrink each naive pattern's counterexample; and rewriting: the time to rewrite a real assembly of over a
/// megabyte, and a controlled run of rewritten code against the same fan-out hand-written. Figures are measured here
/// and now; read them as medians.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var quick = new Option<bool>("--quick") { Description = "A short run (seconds; still past warm-up, medians of 5) instead of the full measurement (minutes)." };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON for machines." };
        var firstTrees = new Option<int?>("--first-trees") { Description = "Only measure the CPU ms of this process's first N trees (what a fresh test process pays) and print it.", Hidden = true };
        var command = new Command("bench", "Measure how fast the harness runs and searches, against a real-time and an FsCheck-on-the-thread-pool baseline.") { quick, json, firstTrees };
        command.SetAction(async (parseResult, _) =>
        {
            if (parseResult.GetValue(firstTrees) is { } count)
            {
                await context.Out.WriteLineAsync(Benchmark.FirstTrees(count).ToString("0.###", CultureInfo.InvariantCulture)).ConfigureAwait(false);
                return ExitCodes.Held;
            }

            var options = parseResult.GetValue(quick) ? BenchOptions.Quick : BenchOptions.Default;
            var report = Benchmark.Run(options with { FreshProcess = () => FreshProcess(options.FreshProcessTrees) }, context.Error);
            await context.Out.WriteLineAsync(parseResult.GetValue(json) ? report.ToJson() : report.ToTable()).ConfigureAwait(false);
            return ExitCodes.Held;
        });
        return command;
    }

    /// <summary>Starts this tool again as <c>bench --first-trees N</c> and reads the CPU ms it prints; null if that fails.</summary>
    private static double? FreshProcess(int trees)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchCommand).Assembly.Location);
        }

        foreach (var arg in new[] { "bench", "--first-trees", trees.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start);
        if (child is null)
        {
            return null;
        }

        var output = child.StandardOutput.ReadToEnd();
        _ = child.StandardError.ReadToEnd();
        return child.WaitForExit(TimeSpan.FromMinutes(1)) && child.ExitCode == 0
            && double.TryParse(output.Trim().Split('\n')[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
            ? ms
            : null;
    }
}
