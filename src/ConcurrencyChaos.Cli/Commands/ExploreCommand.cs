using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ConcurrencyChaos.Cli.Console;
using ConcurrencyChaos.Cli.Patterns;
using ConcurrencyChaos.Cli.Reports;

namespace ConcurrencyChaos.Cli.Commands;

/// <summary>
/// <c>chaos explore --pattern ID</c>: searches generated trees for a counterexample within a tree and time
/// budget (shardable). On one, prints it, saves it as a scenario and exits 1; when the search held, prints the
/// one-line result and exits 0. A search that ran no tree (its time ran out first) proves nothing: exit 2. A
/// cancelled search is never "held": it says so and exits 130 (143 on SIGTERM), after writing its reports.
/// Defaults come from configuration section <c>explore</c> (chaos.json, CHAOS_explore__trees...).
/// </summary>
internal static class ExploreCommand
{
    public static Command Create(CliContext context)
    {
        var settings = context.Settings;
        var pattern = new Option<string>("--pattern")
        {
            Description = "The pattern to search: a catalog id (see `chaos patterns`) or the id of a [ChaosPattern] in an --assembly.",
            Required = true,
            HelpName = "ID",
        };
        var trees = new Option<int>("--trees")
        {
            Description = "How many trees to run (this shard's share).",
            CustomParser = OptionParsers.WholeNumber(1),
            DefaultValueFactory = _ => settings.Trees ?? 1000,
        };
        var seed = new Option<int?>("--seed")
        {
            Description = "The search seed (random when omitted; always printed). The same seed finds the same counterexample.",
            CustomParser = OptionParsers.OptionalWholeNumber(int.MinValue),
            DefaultValueFactory = _ => settings.Seed,
            HelpName = "S",
        };
        var time = new Option<TimeSpan?>("--time")
        {
            Description = "Real-time budget, e.g. 500ms, 30s, 2m (no limit when omitted).",
            CustomParser = OptionParsers.ParseDuration,
            DefaultValueFactory = _ => settings.Time,
            HelpName = "DURATION",
        };
        var shard = new Option<Shard>("--shard")
        {
            Description = "Run shard INDEX/COUNT of the search (0-based), e.g. 1/4; give every CI job the same --seed.",
            HelpName = "INDEX/COUNT",
            CustomParser = OptionParsers.ParseShard,
            DefaultValueFactory = _ => Shard.Whole,
        };
        var save = new Option<string>("--save")
        {
            Description = "Folder to save a counterexample in, as a scenario file.",
            HelpName = "DIR",
            DefaultValueFactory = _ => settings.Save ?? Path.Combine("scenarios", "found"),
        };
        var maxNodes = new Option<int>("--max-nodes")
        {
            Description = "The most nodes a generated tree may have.",
            CustomParser = OptionParsers.WholeNumber(2),
            DefaultValueFactory = _ => settings.MaxNodes ?? 16,
        };
        var invariant = new Option<string[]>("--invariant")
        {
            Description = $"Check only this invariant (repeatable; default: all of {string.Join(", ", Judging.InvariantCatalog.Ids)}).",
            HelpName = "ID",
        };
        invariant.Validators.Add(InvariantIds.Validate);
        var assembly = CommonOptions.Assembly();
        var realTime = CommonOptions.RealTime();
        var report = ReportTargets.CreateOption();

        var command = new Command("explore", "Search generated task trees for a counterexample to a pattern.")
        {
            pattern, trees, seed, time, shard, save, maxNodes, invariant, assembly, realTime, report,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var patterns = CommonOptions.Patterns(context, parseResult.GetValue(assembly));
            var chosen = patterns.Get(parseResult.GetRequiredValue(pattern), "--pattern");
            var isRealTime = parseResult.GetValue(realTime);
            CommonOptions.NoteIfNotControlled(context, chosen, isRealTime);
            var theShard = parseResult.GetValue(shard);
            var options = new ChaosOptions
            {
                MaxTrees = parseResult.GetValue(trees),
                Seed = parseResult.GetValue(seed) ?? Random.Shared.Next(),
                TimeBudget = parseResult.GetValue(time),
                ShardIndex = theShard.Index,
                ShardCount = theShard.Count,
                MaxNodes = parseResult.GetValue(maxNodes),
                Invariants = parseResult.GetValue(invariant) is { Length: > 0 } ids ? ids : null,
                Run = CommonOptions.Run(isRealTime),
            };
            return Task.FromResult(Explore(context, chosen, options, parseResult.GetValue(save)!, ReportTargets.Pairs(parseResult.GetValue(report)), cancellationToken));
        });
        return command;
    }

    private static int Explore(CliContext context, KnownPattern pattern, ChaosOptions options, string saveFolder, IReadOnlyList<(string Format, string File)> reports, CancellationToken cancellationToken)
    {
        var label = options.ShardCount > 1
            ? string.Create(CultureInfo.InvariantCulture, $"{pattern.Id} shard {options.ShardIndex}/{options.ShardCount}")
            : pattern.Id;
        var progress = new ProgressDisplay(context.Error, context.ErrorIsTerminal, label, options.MaxTrees);
        ChaosResult? result = null;
        try
        {
            result = Chaos.Check(pattern.ToChaosPattern(), options with { Progress = progress }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run in flight stopped: the search has no result, only what the progress saw.
        }
        finally
        {
            progress.Finish();
        }

        var cancelled = cancellationToken.IsCancellationRequested;
        var seed = result?.Seed ?? options.Seed!.Value;
        var treesRun = result?.TreesRun ?? progress.Trees;
        string? savedTo = null;
        string line;
        int code;
        if (result?.Counterexample is { } counterexample)
        {
            context.Out.WriteLine(counterexample.ToString());
            savedTo = Save(counterexample, saveFolder);
            context.Out.WriteLine($"Saved as {savedTo}: `chaos run {savedTo}` replays it.");
            line = result.ToString();
            code = cancelled ? ExitCodes.Cancelled : ExitCodes.Violated;
        }
        else if (cancelled)
        {
            line = string.Create(CultureInfo.InvariantCulture, $"{pattern.Id}: cancelled after {treesRun} of {options.MaxTrees} trees (seed {seed}): not searched to the end, so nothing is proven; run it again with --seed {seed} to finish");
            code = ExitCodes.Cancelled;
        }
        else if (treesRun == 0)
        {
            line = string.Create(CultureInfo.InvariantCulture, $"{pattern.Id}: searched no trees (seed {seed}): the time budget of {options.TimeBudget?.TotalMilliseconds:0.#} ms ran out before the first tree ended, so nothing was checked; give --time more room");
            code = ExitCodes.BadInput;
        }
        else
        {
            // Not held without a counterexample: a failure the search saw but could not reproduce, for one.
            line = result!.ToString();
            code = result.Passed ? ExitCodes.Held : ExitCodes.Violated;
        }

        (code == ExitCodes.BadInput ? context.Error : context.Out).WriteLine(code == ExitCodes.BadInput ? "chaos: " + line : line);
        var @case = new ReportCase
        {
            Suite = "explore",
            Pattern = pattern.Id,
            Passed = code == ExitCodes.Held,
            Description = line,
            Time = result?.Elapsed ?? progress.Elapsed,
            Actual = result?.Counterexample is { } c ? [.. c.Violations.Select(v => v.Invariant).Distinct()] : [],
            Seed = seed,
            Trees = treesRun,
            StoppedEarly = cancelled ? "cancelled" : result?.StoppedEarly,
            Counterexample = result?.Counterexample?.ToString(),
            Found = result?.Counterexample,
            CounterexampleNodes = result?.Counterexample?.NodeCount,
            SavedTo = savedTo,
        };
        ReportTargets.WriteAll(new Report("explore", [@case], cancelled, result?.Elapsed ?? progress.Elapsed), reports, context.Error);
        return code;
    }

    /// <summary>Writes the counterexample's scenario JSON as <c>DIR/name.json</c> and returns the path.</summary>
    private static string Save(Counterexample counterexample, string folder)
    {
        using var document = JsonDocument.Parse(counterexample.ScenarioJson);
        var name = document.RootElement.GetProperty("name").GetString() ?? "counterexample";
        var path = Path.Combine(folder, name + ".json");
        OutputFile.Write(path, "the counterexample", counterexample.ScenarioJson);
        return path;
    }
}
