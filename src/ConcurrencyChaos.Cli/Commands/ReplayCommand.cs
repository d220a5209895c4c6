using System.CommandLine;
using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos.Cli.Commands;

/// <summary>
/// <c>chaos replay FILE [--pattern ID] [--trace]</c>: one deterministic run of a scenario's tree per
/// pattern, printed in full (and its trace). Exit 0 when the expectation for each pattern is met (or
/// the run held every invariant, for a pattern the scenario does not mention), else 1.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The scenario file." };
        var pattern = new Option<string?>("--pattern")
        {
            Description = "Run under this pattern only (default: every pattern in the scenario's expect).",
        };
        pattern.Validators.Add(OptionParsers.ValidatePatternId);
        var trace = new Option<bool>("--trace") { Description = "Also print every trace event." };
        var timeline = new Option<string?>("--timeline")
        {
            Description = "Draw the run as an SVG timeline in this file (one file per pattern: name-PATTERN.svg when several run).",
            HelpName = "FILE",
        };
        var command = new Command("replay", "Run one scenario once, deterministically, and show what every node did.") { file, pattern, trace, timeline };
        command.SetAction((parseResult, _) =>
            Task.FromResult(Replay(context, parseResult.GetRequiredValue(file), parseResult.GetValue(pattern), parseResult.GetValue(trace), parseResult.GetValue(timeline))));
        return command;
    }

    private static int Replay(CliContext context, string file, string? patternId, bool trace, string? timeline)
    {
        Scenario scenario;
        try
        {
            scenario = ScenarioReader.Load(file, Chaos.Vocabulary);
        }
        catch (ScenarioException e)
        {
            throw new BadInputException(e.Message);
        }

        var patterns = patternId is null ? scenario.Expect.Keys.ToList() : [patternId];
        var allMet = true;
        foreach (var id in patterns)
        {
            var report = Chaos.Run(scenario.Tree, id);
            context.Out.WriteLine(report.ToString());
            if (trace)
            {
                context.Out.WriteLine(report.Trace.ToText());
            }

            if (timeline is not null)
            {
                var svg = patterns.Count == 1 ? timeline : Path.ChangeExtension(timeline, null) + "-" + id + (Path.GetExtension(timeline) is { Length: > 0 } ext ? ext : ".svg");
                WriteFile(svg, Pictures.TimelineSvg(report));
                context.Error.WriteLine($"chaos: wrote timeline {svg}");
            }

            bool met;
            if (scenario.Expect.TryGetValue(id, out var expected))
            {
                var outcome = new ScenarioOutcome(scenario, id, expected, report);
                met = outcome.Met;
                context.Out.WriteLine($"{(met ? "✓" : "✗")} {outcome.Describe()}");
            }
            else
            {
                met = report.Passed;
                context.Out.WriteLine($"{(met ? "✓" : "✗")} {file} under {id}: {(met ? "held every invariant" : "violated " + string.Join(", ", report.Violations.Select(v => v.Invariant).Distinct()))} (no expectation for {id})");
            }

            context.Out.WriteLine();
            allMet &= met;
        }

        return allMet ? ExitCodes.Held : ExitCodes.Violated;
    }

    private static void WriteFile(string path, string text)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllText(path, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new BadInputException($"cannot write the timeline '{path}': {e.Message}");
        }
    }
}
