using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConcurrencyChaos.Benchmarking;

/// <summary>One throughput figure: a pattern over a set of same-sized trees, in one execution mode.</summary>
/// <param name="Pattern">The catalog pattern.</param>
/// <param name="Nodes">Nodes per tree.</param>
/// <param name="Variant">"mixed" (faults and cancellations) or "no-fail".</param>
/// <param name="Mode">"controlled" or "real-time".</param>
/// <param name="TreesPerSecond">Median trees per second on one thread: per CPU second of that thread where the OS gives thread CPU time (controlled), else per wall-clock second (always so in real time).</param>
/// <param name="NodesPerSecond">Median nodes per second, counted as <paramref name="TreesPerSecond"/>.</param>
/// <param name="WallTreesPerSecond">Median trees per wall-clock second (lower than <paramref name="TreesPerSecond"/> when the machine is loaded).</param>
/// <param name="BytesPerNode">Bytes allocated on the harness thread per node (controlled only; 0 in real time, where work runs on the pool).</param>
/// <param name="StepsPerTree">Mean scheduler steps (controlled) or trace events (real time) per tree.</param>
/// <param name="Trees">Trees run to get the figure (all repeats).</param>
/// <param name="ControlledSpeedup">For a real-time row: controlled trees/s of the same row divided by this row's; else null.</param>
internal sealed record ThroughputRow(
    string Pattern,
    int Nodes,
    string Variant,
    string Mode,
    double TreesPerSecond,
    double NodesPerSecond,
    double WallTreesPerSecond,
    double BytesPerNode,
    double StepsPerTree,
    long Trees,
    double? ControlledSpeedup);

/// <summary>Time to the first counterexample and to shrink it, for one pattern, over several search seeds.</summary>
/// <param name="Pattern">The catalog pattern.</param>
/// <param name="Seeds">Search seeds run.</param>
/// <param name="Found">Seeds whose search found a counterexample.</param>
/// <param name="MedianSearchMs">Median real ms from the start of the search to the first failing tree.</param>
/// <param name="MaxSearchMs">Slowest search.</param>
/// <param name="MedianShrinkMs">Median real ms to shrink it and replay the minimal tree.</param>
/// <param name="MaxShrinkMs">Slowest shrink.</param>
/// <param name="MedianTreesToFind">Median trees run before the first failure.</param>
/// <param name="MedianShrunkNodes">Median node count of the minimal tree.</param>
internal sealed record SearchRow(
    string Pattern,
    int Seeds,
    int Found,
    double MedianSearchMs,
    double MaxSearchMs,
    double MedianShrinkMs,
    double MaxShrinkMs,
    double MedianTreesToFind,
    double MedianShrunkNodes);

/// <summary>What <see cref="Benchmark.Run"/> measured, with the machine it ran on.</summary>
internal sealed record BenchReport(
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
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The figures as two Markdown tables.</summary>
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
