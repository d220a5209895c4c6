using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Patterns;

namespace ConcurrencyChaos.Cli.Commands;

/// <summary>
/// <c>chaos patterns</c>: the catalog (id, structured?, summary) and a pattern × invariant matrix,
/// each cell a search of that pattern for that invariant alone with a fixed seed and a modest
/// budget: ✗N = a counterexample of N nodes, ✓ = held on every tree tried.
/// </summary>
internal static class PatternsCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the catalog and matrix as JSON." };
        var trees = new Option<int>("--trees") { Description = "Trees per cell.", DefaultValueFactory = _ => 300 };
        trees.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError($"--trees must be at least 1 (got {r.GetValueOrDefault<int>()})."); } });
        var seed = new Option<int>("--seed") { Description = "Search seed of every cell.", DefaultValueFactory = _ => 1 };
        var html = new Option<string?>("--html")
        {
            Description = "Also write the matrix as an HTML page, each broken cell linking to its minimal counterexample with its timeline.",
            HelpName = "FILE",
        };
        var command = new Command("patterns", "List the pattern catalog and which invariants each pattern breaks.") { json, trees, seed, html };
        command.SetAction((parseResult, cancellationToken) =>
            Task.FromResult(List(context, parseResult.GetValue(json), parseResult.GetValue(trees), parseResult.GetValue(seed), parseResult.GetValue(html), cancellationToken)));
        return command;
    }

    private static int List(CliContext context, bool json, int trees, int seed, string? html, CancellationToken cancellationToken)
    {
        var cells = new Dictionary<(string Pattern, string Invariant), ChaosResult>();
        foreach (var pattern in PatternCatalog.All)
        {
            foreach (var invariant in InvariantCatalog.Ids)
            {
                var options = new ChaosOptions { Seed = seed, MaxTrees = trees, Invariants = [invariant] };
                cells[(pattern.Id, invariant)] = Chaos.Check(pattern.Id, options, cancellationToken);
            }
        }

        var cancelled = cancellationToken.IsCancellationRequested;
        if (html is not null)
        {
            var rows = PatternCatalog.All
                .Select(p => new MatrixRow(p.Id, p.IsStructured, InvariantCatalog.Ids.ToDictionary(i => i, i => cells[(p.Id, i)].Counterexample)))
                .ToList();
            try
            {
                File.WriteAllText(html, Pictures.HtmlMatrix(rows));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                throw new BadInputException($"cannot write the HTML matrix '{html}': {e.Message}");
            }

            context.Error.WriteLine($"chaos: wrote {html}");
        }

        if (json)
        {
            WriteJson(context.Out, cells, trees, seed, cancelled);
        }
        else
        {
            WriteText(context.Out, cells, trees, seed, cancelled);
        }

        return ExitCodes.Held;
    }

    private static void WriteText(TextWriter output, Dictionary<(string, string), ChaosResult> cells, int trees, int seed, bool cancelled)
    {
        var idWidth = PatternCatalog.All.Max(p => p.Id.Length);
        output.WriteLine("Patterns:");
        foreach (var pattern in PatternCatalog.All)
        {
            output.WriteLine($"  {pattern.Id.PadRight(idWidth)}  {(pattern.IsStructured ? "structured" : "naive     ")}  {pattern.Summary}");
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Invariants broken (each cell: {trees} trees, seed {seed}; ✗N = counterexample of N nodes, ✓ = held):"));
        var header = new StringBuilder("  " + new string(' ', idWidth));
        foreach (var invariant in InvariantCatalog.Ids)
        {
            header.Append("  ").Append(invariant);
        }

        output.WriteLine(header.ToString());
        foreach (var pattern in PatternCatalog.All)
        {
            var row = new StringBuilder("  " + pattern.Id.PadRight(idWidth));
            foreach (var invariant in InvariantCatalog.Ids)
            {
                row.Append("  ").Append(Cell(cells[(pattern.Id, invariant)]).PadRight(invariant.Length));
            }

            output.WriteLine(row.ToString());
        }

        if (cancelled)
        {
            output.WriteLine("(cancelled: cells searched after the cancellation ran no trees)");
        }
    }

    private static string Cell(ChaosResult result) =>
        result.Counterexample is { } c ? string.Create(CultureInfo.InvariantCulture, $"✗{c.NodeCount}") : "✓";

    private static void WriteJson(TextWriter output, Dictionary<(string, string), ChaosResult> cells, int trees, int seed, bool cancelled)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteNumber("treesPerCell", trees);
            json.WriteNumber("seed", seed);
            json.WriteBoolean("cancelled", cancelled);
            json.WriteStartArray("invariants");
            foreach (var invariant in InvariantCatalog.Ids)
            {
                json.WriteStartObject();
                json.WriteString("id", invariant);
                json.WriteString("summary", InvariantCatalog.Describe(invariant));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("patterns");
            foreach (var pattern in PatternCatalog.All)
            {
                json.WriteStartObject();
                json.WriteString("id", pattern.Id);
                json.WriteBoolean("structured", pattern.IsStructured);
                json.WriteString("summary", pattern.Summary);
                json.WriteStartObject("invariants");
                foreach (var invariant in InvariantCatalog.Ids)
                {
                    var result = cells[(pattern.Id, invariant)];
                    json.WriteStartObject(invariant);
                    json.WriteBoolean("held", result.Passed);
                    json.WriteNumber("trees", result.TreesRun);
                    if (result.Counterexample is { } c)
                    {
                        json.WriteNumber("nodes", c.NodeCount);
                    }
                    else
                    {
                        json.WriteNull("nodes");
                    }

                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
