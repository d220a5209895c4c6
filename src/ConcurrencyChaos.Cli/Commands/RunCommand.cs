using System.CommandLine;
using System.Diagnostics;
using ConcurrencyChaos.Cli.Reports;
using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos.Cli.Commands;

/// <summary>
/// <c>chaos run PATH...</c>: reads and validates every scenario file first (reporting every malformed
/// one, exit 2), then replays each scenario under each pattern its <c>expect</c> names and prints
/// one ✓/✗ line per scenario × pattern and a summary. Exit 0 when every expectation is met, else 1.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Scenario files or folders (searched recursively for *.json).",
            Arity = ArgumentArity.OneOrMore,
        };
        var report = ReportTargets.CreateOption();
        var command = new Command("run", "Replay scenario files and check every expectation.") { paths, report };
        command.SetAction((parseResult, cancellationToken) =>
            Task.FromResult(Run(context, parseResult.GetValue(paths) ?? [], ReportTargets.Pairs(parseResult.GetValue(report)), cancellationToken)));
        return command;
    }

    private static int Run(CliContext context, string[] paths, IReadOnlyList<(string Format, string File)> reports, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (scenarios, problems) = LoadAll(paths);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                context.Error.WriteLine($"chaos: {problem.Message}");
            }

            context.Error.WriteLine($"chaos: {problems.Count} scenario file(s) could not be read; nothing was run.");
            return ExitCodes.BadInput;
        }

        if (scenarios.Count == 0)
        {
            context.Error.WriteLine($"chaos: no scenario files (*.json) under {string.Join(", ", paths)}.");
            return ExitCodes.BadInput;
        }

        var cases = new List<ReportCase>();
        var notRun = 0;
        foreach (var scenario in scenarios)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                notRun += scenario.Expect.Count;
                continue;
            }

            var started = clock.Elapsed;
            var outcomes = Chaos.Verify(scenario);
            var each = (clock.Elapsed - started) / Math.Max(1, outcomes.Count);
            foreach (var outcome in outcomes)
            {
                context.Out.WriteLine($"{(outcome.Met ? "✓" : "✗")} {outcome.Describe()}");
                cases.Add(new ReportCase
                {
                    Suite = scenario.Name,
                    Pattern = outcome.PatternId,
                    Passed = outcome.Met,
                    Description = outcome.Describe(),
                    Time = each,
                    File = scenario.SourcePath,
                    Expected = outcome.Expected,
                    Actual = outcome.Actual,
                });
            }
        }

        var cancelled = notRun > 0;
        var result = new Report("run", cases, cancelled, clock.Elapsed);
        context.Out.WriteLine($"{result.PassedCount} passed, {result.FailedCount} failed{(cancelled ? $", {notRun} not run (cancelled)" : string.Empty)}");
        ReportTargets.WriteAll(result, reports, context.Error);
        return result.FailedCount == 0 && !cancelled ? ExitCodes.Held : ExitCodes.Violated;
    }

    /// <summary>Every scenario under <paramref name="paths"/>, and every problem met reading them (all of them, not just the first).</summary>
    internal static (List<Scenario> Scenarios, List<ScenarioException> Problems) LoadAll(IEnumerable<string> paths)
    {
        var scenarios = new List<Scenario>();
        var problems = new List<ScenarioException>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            IReadOnlyList<string> files;
            try
            {
                files = ScenarioReader.FindFiles(path);
            }
            catch (ScenarioException e)
            {
                problems.Add(e);
                continue;
            }

            foreach (var file in files)
            {
                if (!seen.Add(Path.GetFullPath(file)))
                {
                    continue;
                }

                try
                {
                    scenarios.Add(ScenarioReader.Load(file, Chaos.Vocabulary));
                }
                catch (ScenarioException e)
                {
                    problems.Add(e);
                }
            }
        }

        return (scenarios, problems);
    }
}
