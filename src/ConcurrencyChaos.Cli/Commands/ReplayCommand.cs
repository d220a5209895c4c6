using System.CommandLine;
using ConcurrencyChaos.Cli.Input;
using ConcurrencyChaos.Cli.Patterns;
using ConcurrencyChaos.Cli.Reports;

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
            HelpName = "ID",
        };
        var trace = new Option<bool>("--trace") { Description = "Also print every trace event." };
        var timeline = new Option<string?>("--timeline")
        {
            Description = "Draw the run as an SVG timeline in this file (one file per pattern: name-PATTERN.svg when several run).",
            HelpName = "FILE",
        };
        var assembly = CommonOptions.Assembly();
        var realTime = CommonOptions.RealTime();
        var command = new Command("replay", "Run one scenario once, deterministically, and show what every node did.") { file, pattern, trace, timeline, assembly, realTime };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var patterns = CommonOptions.Patterns(context, parseResult.GetValue(assembly));
            var request = new ReplayRequest(parseResult.GetRequiredValue(file), parseResult.GetValue(pattern), parseResult.GetValue(trace), parseResult.GetValue(timeline), parseResult.GetValue(realTime));
            return Task.FromResult(Replay(context, patterns, request, cancellationToken));
        });
        return command;
    }

    private static int Replay(CliContext context, PatternSet patterns, ReplayRequest request, CancellationToken cancellationToken)
    {
        var scenario = new ScenarioLoader(patterns).LoadOne(request.File);
        var ids = request.PatternId is null ? scenario.Expect.Keys.ToList() : [patterns.Get(request.PatternId, "--pattern").Id];
        if (request.PatternId is { } only && !ScenarioLoader.Runs(scenario, only))
        {
            throw new BadInputException($"{request.File}: $.tree.pattern: every group names its own pattern, so '{only}' would never run on this tree; replay it under a pattern the tree names, or remove \"pattern\" from the root group.");
        }

        var allMet = true;
        foreach (var id in ids)
        {
            var known = patterns.Get(id, request.File);
            CommonOptions.NoteIfNotControlled(context, known, request.RealTime);
            RunReport report;
            try
            {
                report = Chaos.Run(scenario.Tree, known.ToChaosPattern(), CommonOptions.Run(request.RealTime), null, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                context.Out.WriteLine($"{request.File} under {id}: cancelled before the run ended");
                return ExitCodes.Cancelled;
            }

            context.Out.WriteLine(report.ToString());
            if (request.Trace)
            {
                context.Out.WriteLine(report.Trace.ToText());
            }

            if (request.Timeline is { } timeline)
            {
                var svg = ids.Count == 1 ? timeline : Path.ChangeExtension(timeline, null) + "-" + id + (Path.GetExtension(timeline) is { Length: > 0 } ext ? ext : ".svg");
                OutputFile.Write(svg, "the timeline", Pictures.TimelineSvg(report));
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
                context.Out.WriteLine($"{(met ? "✓" : "✗")} {request.File} under {id}: {(met ? "held every invariant" : "violated " + string.Join(", ", report.Violations.Select(v => v.Invariant).Distinct()))} (no expectation for {id})");
            }

            context.Out.WriteLine();
            allMet &= met;
        }

        return cancellationToken.IsCancellationRequested ? ExitCodes.Cancelled : allMet ? ExitCodes.Held : ExitCodes.Violated;
    }
}
