using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConcurrencyChaos.Benchmarking;

/// <summary>What <see cref="Benchmark.Run"/> measured, with the machine it ran on.</summary>
/// <param name="Machine">The machine: processor count, OS, runtime and load.</param>
/// <param name="Throughput">The throughput rows.</param>
/// <param name="Search">The time-to-counterexample rows.</param>
public sealed record BenchReport(
    string Machine,
    IReadOnlyList<ThroughputRow> Throughput,
    IReadOnlyList<SearchRow> Search)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The figures as JSON (camelCase), for tools and CI.</summary>
    /// <returns>The JSON.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The figures as two Markdown tables.</summary>
    /// <returns>The tables.</returns>
    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(c, $"Machine: {Machine}\n\n");
        text.Append("| pattern | nodes | variant | mode | trees/s | nodes/s | wall trees/s | B/node | steps/tree | trees | controlled ÷ real-time |\n");
        text.Append("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in Throughput)
        {
            text.Append(c, $"| {r.Pattern} | {r.Nodes} | {r.Variant} | {r.Mode} | {r.TreesPerSecond:#,0.#} | {r.NodesPerSecond:#,0} | {r.WallTreesPerSecond:#,0.#} | {r.BytesPerNode:#,0} | {r.StepsPerTree:0.#} | {r.Trees:#,0} | {(r.ControlledSpeedup is { } x ? x.ToString("#,0", c) + "×" : "–")} |\n");
        }

        text.Append("\n| pattern | found | search ms (median / max) | shrink ms (median / max) | trees to find | shrunk nodes |\n");
        text.Append("|---|---:|---:|---:|---:|---:|\n");
        foreach (var r in Search)
        {
            text.Append(c, $"| {r.Pattern} | {r.Found}/{r.Seeds} | {r.MedianSearchMs:0.#} / {r.MaxSearchMs:0.#} | {r.MedianShrinkMs:0.#} / {r.MaxShrinkMs:0.#} | {r.MedianTreesToFind:0.#} | {r.MedianShrunkNodes:0.#} |\n");
        }

        return text.ToString();
    }
}
