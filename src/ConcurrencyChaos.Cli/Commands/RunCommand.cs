using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ConcurrencyChaos.Cli.Input;
using ConcurrencyChaos.Cli.Patterns;
using ConcurrencyChaos.Cli.Reports;
using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos.Cli.Commands;

/// <summary>
/// <c>chaos run PATH...</c>: finds and reads every scenario file first, reporting every problem of every file
/// (exit 2, nothing runs), then replays each scenario under each pattern its <c>expect</c> names and prints
/// one ✓/✗ line per scenario × pattern and a summary. Exit 0 when every expectation is met, 1 when one is
/// not, 130/143 when cancelled before every scenario ran (the reports are still written).
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Scenario files or folders (searched recursively for *.json, links followed once).",
            Arity = ArgumentArity.OneOrMore,
        };
        var assembly = CommonOptions.Assembly();
        var realTime = CommonOptions.RealTime();
        var report = ReportTargets.CreateOption();
        var command = new Command("run", "Replay scenario files and check every expectation.") { paths, assembly, realTime, report };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var patterns = CommonOptions.Patterns(context, parseResult.GetValue(assembly));
            return Task.FromResult(Run(context, patterns, parseResult.GetValue(paths) ?? [], parseResult.GetValue(realTime), ReportTargets.Pairs(parseResult.GetValue(report)), cancellationToken));
        });
        return command;
    }

    private static int Run(CliContext context, PatternSet patterns, string[] paths, bool realTime, IReadOnlyList<(string Format, string File)> reports, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (scenarios, problems) = LoadAll(patterns, paths);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                context.Error.WriteLine($"chaos: {problem}");
            }

            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chaos: {problems.Count} problem(s) in the scenario files; nothing was run."));
            return ExitCodes.BadInput;
        }

        if (scenarios.Count == 0)
        {
            context.Error.WriteLine($"chaos: no scenario files (*.json) under {string.Join(", ", paths)}.");
            return ExitCodes.BadInput;
        }

        foreach (var id in scenarios.SelectMany(s => s.Expect.Keys).Distinct(StringComparer.Ordinal))
        {
            CommonOptions.NoteIfNotControlled(context, patterns.Get(id, "a scenario"), realTime);
        }

        var options = patterns.ScenarioOptions(CommonOptions.Run(realTime));
        var cases = new List<ReportCase>();
        var notRun = 0;
        foreach (var scenario in scenarios)
        {
            IReadOnlyList<ScenarioOutcome> outcomes;
            var started = clock.Elapsed;
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                outcomes = Chaos.Verify(scenario, options, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                notRun += scenario.Expect.Count;
                continue;
            }

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

        var cancelled = cancellationToken.IsCancellationRequested;
        var result = new Report("run", cases, cancelled, clock.Elapsed);
        var notRunText = cancelled ? string.Create(CultureInfo.InvariantCulture, $", {notRun} not run (cancelled)") : string.Empty;
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.PassedCount} passed, {result.FailedCount} failed{notRunText}"));
        ReportTargets.WriteAll(result, reports, context.Error);
        return cancelled ? ExitCodes.Cancelled : result.FailedCount == 0 ? ExitCodes.Held : ExitCodes.Violated;
    }

    /// <summary>Every scenario under <paramref name="paths"/>, and every problem met finding and reading them (all of them, not just the first).</summary>
    internal static (List<Scenario> Scenarios, List<string> Problems) LoadAll(PatternSet patterns, IEnumerable<string> paths)
    {
        var (files, problems) = ScenarioFiles.Find(paths);
        var loader = new ScenarioLoader(patterns);
        var scenarios = new List<Scenario>();
        var allProblems = problems.ToList();
        foreach (var file in files)
        {
            var (scenario, fileProblems) = loader.Load(file);
            if (scenario is not null)
            {
                scenarios.Add(scenario);
            }

            allProblems.AddRange(fileProblems);
        }

        return (scenarios, allProblems);
    }
}
