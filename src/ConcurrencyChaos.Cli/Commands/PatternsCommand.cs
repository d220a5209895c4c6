using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ConcurrencyChaos.Cli.Patterns;
using ConcurrencyChaos.Cli.Reports;
using ConcurrencyChaos.Judging;

namespace ConcurrencyChaos.Cli.Commands;

/// <summary>
/// <c>chaos patterns</c>: the catalog (id, kind, summary), the team's own patterns from <c>--assembly</c>, and a
/// pattern × invariant matrix, each cell a search of that pattern for that invariant alone with a fixed seed
/// and a modest budget: ✗N = a counterexample of N nodes, ✓ = held on every tree tried, — = never searched
/// (the command was cancelled first). A cancelled matrix exits 130/143; else 0.
/// </summary>
internal static class PatternsCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the catalog and matrix as JSON." };
        var trees = new Option<int>("--trees")
        {
            Description = "Trees per cell.",
            CustomParser = OptionParsers.WholeNumber(1),
            DefaultValueFactory = _ => 300,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Search seed of every cell.",
            CustomParser = OptionParsers.WholeNumber(int.MinValue),
            DefaultValueFactory = _ => 1,
        };
        var html = new Option<string?>("--html")
        {
            Description = "Also write the matrix as an HTML page, each broken cell linking to its minimal counterexample with its timeline.",
            HelpName = "FILE",
        };
        var assembly = CommonOptions.Assembly();
        var command = new Command("patterns", "List the pattern catalog (and your own patterns) and which invariants each pattern breaks.") { json, trees, seed, html, assembly };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var patterns = CommonOptions.Patterns(context, parseResult.GetValue(assembly));
            var matrix = Search(patterns, parseResult.GetValue(trees), parseResult.GetValue(seed), cancellationToken);
            return Task.FromResult(Show(context, matrix, parseResult.GetValue(json), parseResult.GetValue(html)));
        });
        return command;
    }

    /// <summary>Searches every cell in order until cancelled; the cells after that stay unsearched.</summary>
    private static Matrix Search(PatternSet patterns, int trees, int seed, CancellationToken cancellationToken)
    {
        var cells = new Dictionary<(string Pattern, string Invariant), ChaosResult>();
        foreach (var pattern in patterns.All)
        {
            foreach (var invariant in InvariantCatalog.Ids)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return new Matrix(patterns, cells, trees, seed, Cancelled: true);
                }

                try
                {
                    var result = Chaos.Check(pattern.ToChaosPattern(), new ChaosOptions { Seed = seed, MaxTrees = trees, Invariants = [invariant] }, cancellationToken);
                    if (!(result.Passed && cancellationToken.IsCancellationRequested))
                    {
                        cells[(pattern.Id, invariant)] = result; // a cell cut short by the cancellation was not searched
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return new Matrix(patterns, cells, trees, seed, Cancelled: true);
                }
            }
        }

        return new Matrix(patterns, cells, trees, seed, cancellationToken.IsCancellationRequested);
    }

    private static int Show(CliContext context, Matrix matrix, bool json, string? html)
    {
        if (html is not null)
        {
            WriteHtml(context, matrix, html);
        }

        if (json)
        {
            WriteJson(context.Out, matrix);
        }
        else
        {
            WriteText(context.Out, matrix);
        }

        return matrix.Cancelled ? ExitCodes.Cancelled : ExitCodes.Held;
    }

    private static void WriteHtml(CliContext context, Matrix matrix, string html)
    {
        // An invariant left out of a row's dictionary is drawn as "—" (not checked): the cells never searched.
        var rows = matrix.Patterns.All
            .Select(p => new MatrixRow(
                p.Id,
                p.IsStructured,
                InvariantCatalog.Ids.Where(i => matrix.Cells.ContainsKey((p.Id, i))).ToDictionary(i => i, i => matrix.Cells[(p.Id, i)].Counterexample)))
            .ToList();
        var page = Pictures.HtmlMatrix(rows, InvariantCatalog.Ids);
        if (matrix.Cancelled)
        {
            var notice = string.Create(CultureInfo.InvariantCulture, $"<p class=\"figures cancelled\"><b>Cancelled</b> after {matrix.Cells.Count} of {matrix.Patterns.All.Count * InvariantCatalog.Ids.Count} cells: the cells marked — were never searched, so they show nothing about their pattern.</p>\n");
            var at = page.IndexOf("<table", StringComparison.Ordinal);
            page = at < 0 ? page.Replace("</body>", notice + "</body>", StringComparison.Ordinal) : page.Insert(at, notice);
        }

        OutputFile.Write(html, "the HTML matrix", page);
        context.Error.WriteLine($"chaos: wrote {html}");
    }

    private static void WriteText(TextWriter output, Matrix matrix)
    {
        var all = matrix.Patterns.All;
        var idWidth = all.Max(p => p.Id.Length);
        output.WriteLine("Patterns:");
        foreach (var pattern in all)
        {
            var note = pattern.RunsControlled ? string.Empty : " (leaves the deterministic runtime: run it with --real-time; verdicts may vary)";
            output.WriteLine($"  {pattern.Id.PadRight(idWidth)}  {pattern.Kind,-10}  {pattern.Summary}{note}");
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Invariants broken (each cell: {matrix.Trees} trees, seed {matrix.Seed}; ✗N = counterexample of N nodes, ✗? = failed but not reproduced, ✓ = held, — = not searched):"));
        var header = new StringBuilder("  " + new string(' ', idWidth));
        foreach (var invariant in InvariantCatalog.Ids)
        {
            header.Append("  ").Append(invariant);
        }

        output.WriteLine(header.ToString());
        foreach (var pattern in all)
        {
            var row = new StringBuilder("  " + pattern.Id.PadRight(idWidth));
            foreach (var invariant in InvariantCatalog.Ids)
            {
                row.Append("  ").Append(Cell(matrix, pattern, invariant).PadRight(invariant.Length));
            }

            output.WriteLine(row.ToString());
        }

        if (matrix.Cancelled)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Cancelled after {matrix.Cells.Count} of {all.Count * InvariantCatalog.Ids.Count} cells: — marks the cells never searched."));
        }
    }

    private static string Cell(Matrix matrix, KnownPattern pattern, string invariant) =>
        !matrix.Cells.TryGetValue((pattern.Id, invariant), out var result) ? "—"
        : result.Counterexample is { } c ? string.Create(CultureInfo.InvariantCulture, $"✗{c.NodeCount}")
        : result.Passed ? "✓" : "✗?";

    private static void WriteJson(TextWriter output, Matrix matrix)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteNumber("treesPerCell", matrix.Trees);
            json.WriteNumber("seed", matrix.Seed);
            json.WriteBoolean("cancelled", matrix.Cancelled);
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
            foreach (var pattern in matrix.Patterns.All)
            {
                json.WriteStartObject();
                json.WriteString("id", pattern.Id);
                json.WriteBoolean("structured", pattern.IsStructured);
                json.WriteString("kind", pattern.Kind);
                json.WriteBoolean("runsControlled", pattern.RunsControlled);
                json.WriteString("summary", pattern.Summary);
                json.WriteStartObject("invariants");
                foreach (var invariant in InvariantCatalog.Ids)
                {
                    json.WriteStartObject(invariant);
                    if (matrix.Cells.TryGetValue((pattern.Id, invariant), out var result))
                    {
                        json.WriteBoolean("searched", true);
                        json.WriteBoolean("held", result.Passed);
                        json.WriteNumber("trees", result.TreesRun);
                        WriteNodes(json, result.Counterexample?.NodeCount);
                    }
                    else
                    {
                        json.WriteBoolean("searched", false);
                        json.WriteNull("held");
                        json.WriteNumber("trees", 0);
                        WriteNodes(json, null);
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

    private static void WriteNodes(Utf8JsonWriter json, int? nodes)
    {
        if (nodes is { } n)
        {
            json.WriteNumber("nodes", n);
        }
        else
        {
            json.WriteNull("nodes");
        }
    }
}
