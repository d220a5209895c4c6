using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ConcurrencyChaos.Cli.Console;
using ConcurrencyChaos.Cli.Reports;
using ConcurrencyChaos.Execution;
using Microsoft.Extensions.Configuration;

namespace ConcurrencyChaos.Cli.Commands;

/// <summary>
/// <c>chaos explore --pattern ID</c>: searches generated trees for a counterexample within a tree
/// and time budget (shardable). On one, prints it, saves it as a scenario and exits 1; else prints
/// the one-line result and exits 0. Ctrl+C stops the search cleanly and still writes the report.
/// Defaults come from configuration section <c>explore</c> (chaos.json, CHAOS_explore__trees...).
/// </summary>
internal static class ExploreCommand
{
    public static Command Create(CliContext context)
    {
        var settings = context.Configuration.GetSection("explore");
        var pattern = new Option<string>("--pattern")
        {
            Description = "The catalog pattern to search (see `chaos patterns`).",
            Required = true,
        };
        pattern.Validators.Add(OptionParsers.ValidatePatternId);
        var trees = new Option<int>("--trees")
        {
            Description = "How many trees to run (this shard's share).",
            DefaultValueFactory = _ => Setting(settings, "trees", 1000),
        };
        trees.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError($"--trees must be at least 1 (got {r.GetValueOrDefault<int>()})."); } });
        var seed = new Option<int?>("--seed")
        {
            Description = "The search seed (random when omitted; always printed). The same seed finds the same counterexample.",
            DefaultValueFactory = _ => settings["seed"] is { } s ? Setting(settings, "seed", 0) : null,
        };
        var time = new Option<TimeSpan?>("--time")
        {
            Description = "Real-time budget, e.g. 500ms, 30s, 2m (no limit when omitted).",
            CustomParser = OptionParsers.ParseDuration,
            DefaultValueFactory = _ => settings["time"] is { } t && OptionParsers.TryParseDuration(t, out var d) ? d : null,
        };
        var shard = new Option<(int Index, int Count)>("--shard")
        {
            Description = "Run shard INDEX/COUNT of the search (0-based), e.g. 1/4; give every CI job the same --seed.",
            HelpName = "INDEX/COUNT",
            CustomParser = OptionParsers.ParseShard,
            DefaultValueFactory = _ => (0, 1),
        };
        var save = new Option<string>("--save")
        {
            Description = "Folder to save a counterexample in, as a scenario file.",
            HelpName = "DIR",
            DefaultValueFactory = _ => settings["save"] ?? Path.Combine("scenarios", "found"),
        };
        var maxNodes = new Option<int>("--max-nodes")
        {
            Description = "The most nodes a generated tree may have.",
            DefaultValueFactory = _ => Setting(settings, "maxNodes", 16),
        };
        maxNodes.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 2) { r.AddError($"--max-nodes must be at least 2 (got {r.GetValueOrDefault<int>()})."); } });
        var invariant = new Option<string[]>("--invariant")
        {
            Description = $"Check only this invariant (repeatable; default: all of {string.Join(", ", Judging.InvariantCatalog.Ids)}).",
            HelpName = "ID",
        };
        invariant.Validators.Add(r =>
        {
            foreach (var id in r.Tokens.Select(t => t.Value).Where(id => !Judging.InvariantCatalog.Contains(id)))
            {
                r.AddError($"Unknown invariant id '{id}' in --invariant. Known ids: {string.Join(", ", Judging.InvariantCatalog.Ids)}.");
            }
        });
        var report = ReportTargets.CreateOption();
        var strategy = new Option<string>("--strategy")
        {
            Description = "How same-instant work is ordered: random (uniform, the default) or pct (probabilistic concurrency testing: random task priorities with a few change points). Both replay exactly from the seed.",
            DefaultValueFactory = _ => "random",
        };
        strategy.AcceptOnlyFromAmong("random", "pct");
        var firstOnly = new Option<bool>("--first-only")
        {
            Description = "Stop at the first counterexample (by default the search goes on and reports one minimal counterexample per broken invariant).",
        };

        var command = new Command("explore", "Search generated task trees for a counterexample to a pattern.")
        {
            pattern, trees, seed, time, shard, save, maxNodes, invariant, report, strategy, firstOnly,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var (shardIndex, shardCount) = parseResult.GetValue(shard);
            var options = new ChaosOptions
            {
                MaxTrees = parseResult.GetValue(trees),
                Seed = parseResult.GetValue(seed),
                TimeBudget = parseResult.GetValue(time),
                ShardIndex = shardIndex,
                ShardCount = shardCount,
                MaxNodes = parseResult.GetValue(maxNodes),
                Invariants = parseResult.GetValue(invariant) is { Length: > 0 } ids ? ids : null,
                AllFindings = !parseResult.GetValue(firstOnly),
                Run = RunOptions.Default with { Strategy = parseResult.GetValue(strategy) == "pct" ? SchedulingStrategy.Pct : SchedulingStrategy.Random },
            };
            return Task.FromResult(Explore(context, parseResult.GetRequiredValue(pattern), options, parseResult.GetValue(save)!, ReportTargets.Pairs(parseResult.GetValue(report)), cancellationToken));
        });
        return command;
    }

    private static int Explore(CliContext context, string patternId, ChaosOptions options, string saveFolder, IReadOnlyList<(string Format, string File)> reports, CancellationToken cancellationToken)
    {
        var label = options.ShardCount > 1
            ? string.Create(CultureInfo.InvariantCulture, $"{patternId} shard {options.ShardIndex}/{options.ShardCount}")
            : patternId;
        var progress = new ProgressDisplay(context.Error, context.ErrorIsTerminal, label, options.MaxTrees);
        ChaosResult result;
        try
        {
            result = Chaos.Check(patternId, options with { Progress = progress }, cancellationToken);
        }
        finally
        {
            progress.Finish();
        }

        string? savedTo = null;
        foreach (var counterexample in result.Counterexamples)
        {
            context.Out.WriteLine(counterexample.ToString());
            var saved = Save(counterexample, saveFolder);
            savedTo ??= saved;
            context.Out.WriteLine($"Saved as {saved}: `chaos run {saved}` replays it.");
        }

        context.Out.WriteLine(result.ToString());
        var @case = new ReportCase
        {
            Suite = "explore",
            Pattern = patternId,
            Passed = result.Passed,
            Description = result.ToString(),
            Time = result.Elapsed,
            Actual = [.. result.Counterexamples.SelectMany(c => c.Violations).Select(v => v.Invariant).Distinct()],
            Seed = result.Seed,
            Trees = result.TreesRun,
            StoppedEarly = result.StoppedEarly,
            Counterexample = result.Counterexample?.ToString(),
            Found = result.Counterexample,
            CounterexampleNodes = result.Counterexample?.NodeCount,
            SavedTo = savedTo,
        };
        ReportTargets.WriteAll(new Report("explore", [@case], cancellationToken.IsCancellationRequested, result.Elapsed), reports, context.Error);
        return result.Passed ? ExitCodes.Held : ExitCodes.Violated;
    }

    /// <summary>Writes the counterexample's scenario JSON as <c>DIR/name.json</c> and returns the path.</summary>
    private static string Save(Counterexample counterexample, string folder)
    {
        using var document = JsonDocument.Parse(counterexample.ScenarioJson);
        var name = document.RootElement.GetProperty("name").GetString() ?? "counterexample";
        var path = Path.Combine(folder, name + ".json");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(path, counterexample.ScenarioJson);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new BadInputException($"cannot save the counterexample in '{folder}': {e.Message}");
        }

        return path;
    }

    private static int Setting(IConfiguration settings, string key, int fallback)
    {
        var text = settings[key];
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BadInputException($"configuration explore:{key} = '{text}' is not a whole number (chaos.json or CHAOS_explore__{key}).");
    }
}
