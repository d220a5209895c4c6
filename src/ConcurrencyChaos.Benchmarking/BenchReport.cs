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
    /// <summary>Gets the public path (<c>Chaos.Check</c>) beside execution alone.</summary>
    public IReadOnlyList<PublicPathRow> PublicPath { get; init; } = [];

    /// <summary>Gets judging alone by tree size.</summary>
    public IReadOnlyList<JudgingRow> Judging { get; init; } = [];

    /// <summary>Gets the baselines measured in the same run, with the public path's ratio to each.</summary>
    public IReadOnlyList<BaselineRow> Baselines { get; init; } = [];

    /// <summary>Gets how many trees the fresh-process figure covers.</summary>
    public int FreshProcessTrees { get; init; }

    /// <summary>Gets the process CPU milliseconds of the first <see cref="FreshProcessTrees"/> trees of a fresh process; null when not measured.</summary>
    public double? FreshProcessMilliseconds { get; init; }

    /// <summary>Gets the cost of rewriting a real assembly; null when not measured.</summary>
    public RewriteRow? Rewrite { get; init; }

    /// <summary>Gets the cost of a controlled run of rewritten code against the same fan-out hand-written; null when not measured.</summary>
    public RewrittenRow? Rewritten { get; init; }

    /// <summary>Gets how many trees each scheduling strategy needs to find the lost-update race.</summary>
    public IReadOnlyList<StrategyRow> Strategies { get; init; } = [];

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
        AppendPublicPath(text);
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

        if (Strategies.Count > 0)
        {
            text.Append("\n| strategy (lost-update race, Chaos.Assert) | found | median trees to find | tree limit |\n|---|---:|---:|---:|\n");
            foreach (var r in Strategies)
            {
                text.Append(c, $"| {r.Strategy} | {r.Found}/{r.Seeds} | {r.MedianTreesToFind:0.#} | {r.MaxTrees:#,0} |\n");
            }
        }

        return text.ToString();
    }

    private void AppendPublicPath(StringBuilder text)
    {
        var c = CultureInfo.InvariantCulture;
        if (PublicPath.Count > 0)
        {
            text.Append("| path | MaxNodes | nodes/tree | trees/CPU-s | nodes/CPU-s | B/node | trees |\n|---|---:|---:|---:|---:|---:|---:|\n");
            foreach (var r in PublicPath)
            {
                text.Append(c, $"| {r.Path} | {r.MaxNodes} | {r.NodesPerTree:0.0} | {r.TreesPerCpuSecond:#,0} | {r.NodesPerCpuSecond:#,0} | {r.BytesPerNode:#,0} | {r.Trees:#,0} |\n");
            }

            text.Append('\n');
        }

        if (Judging.Count > 0)
        {
            text.Append("| judging alone | ms/tree | ns/node |\n|---:|---:|---:|\n");
            foreach (var r in Judging)
            {
                text.Append(c, $"| {r.Nodes} nodes | {r.MillisecondsPerTree:0.###} | {r.NanosecondsPerNode:#,0} |\n");
            }

            text.Append('\n');
        }

        if (Baselines.Count > 0)
        {
            text.Append("| baseline (same run) | trees | trees/CPU-s | trees/wall-s | Chaos.Check ÷ baseline (per CPU-s) |\n|---|---:|---:|---:|---:|\n");
            foreach (var r in Baselines)
            {
                text.Append(c, $"| {r.Baseline} | {r.Trees} | {r.TreesPerCpuSecond:#,0.#} | {r.TreesPerWallSecond:#,0.#} | {r.PublicPathRatio:#,0}× |\n");
            }

            text.Append('\n');
        }

        if (Rewrite is { } rewrite)
        {
            text.Append("| rewrite time | MB | call sites rewritten | CPU s (median) | wall s (median) | repeats | cold CPU s |\n|---|---:|---:|---:|---:|---:|---:|\n");
            text.Append(c, $"| {rewrite.Assembly} | {rewrite.Megabytes:0.0} | {rewrite.CallSites:#,0} | {rewrite.MedianCpuSeconds:0.00} | {rewrite.MedianWallSeconds:0.00} | {rewrite.Repeats} | {rewrite.ColdCpuSeconds:0.00} |\n\n");
        }

        if (Rewritten is { } rewritten)
        {
            text.Append("| rewritten vs hand-written | trees | rounds | hand-written CPU ms | rewritten CPU ms | ratio |\n|---|---:|---:|---:|---:|---:|\n");
            text.Append(c, $"| {rewritten.FanOut} | {rewritten.Trees:#,0} | {rewritten.Rounds} | {rewritten.HandWrittenCpuMilliseconds:#,0} | {rewritten.RewrittenCpuMilliseconds:#,0} | {rewritten.Ratio:0.00}× |\n\n");
        }

        if (FreshProcessMilliseconds is { } fresh)
        {
            text.Append(c, $"Fresh process, first {FreshProcessTrees:#,0} trees through Chaos.Check: {fresh:0} ms CPU\n\n");
        }
    }
}
