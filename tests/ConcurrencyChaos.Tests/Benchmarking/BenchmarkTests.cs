using ConcurrencyChaos.Benchmarking;

namespace ConcurrencyChaos.Tests.Benchmarking;

/// <summary>The benchmark runs and fills every figure. It never asserts on timing.</summary>
public class BenchmarkTests
{
    [Fact]
    public void Quick_benchmark_fills_every_row()
    {
        var progress = new StringWriter();
        var report = Benchmark.Run(BenchOptions.Quick, progress);

        var o = BenchOptions.Quick;
        Assert.Equal(o.Sizes.Count * o.Patterns.Count * 3, report.Throughput.Count); // mixed + no-fail controlled, mixed real-time
        Assert.All(report.Throughput, row =>
        {
            Assert.True(row.TreesPerSecond > 0 && double.IsFinite(row.TreesPerSecond), $"{row}");
            Assert.True(row.NodesPerSecond > 0, $"{row}");
            Assert.True(row.Trees > 0, $"{row}");
            Assert.True(row.StepsPerTree > 0, $"{row}");
            if (row.Mode == "controlled")
            {
                Assert.True(row.BytesPerNode > 0, $"{row}");
            }
            else
            {
                Assert.NotNull(row.ControlledSpeedup);
            }
        });
        Assert.Equal(o.PublicPathMaxNodes.Count * 2, report.PublicPath.Count); // Chaos.Check and execution alone
        Assert.All(report.PublicPath, row => Assert.True(row.TreesPerCpuSecond > 0 && row.BytesPerNode > 0 && row.NodesPerTree >= 2, $"{row}"));
        Assert.Equal(o.JudgingSizes, report.Judging.Select(r => r.Nodes));
        Assert.All(report.Judging, row => Assert.True(row.NanosecondsPerNode > 0, $"{row}"));
        Assert.Equal(["real-time mode", "FsCheck on the thread pool"], report.Baselines.Select(r => r.Baseline));
        // A real-time run can break an invariant on a loaded machine (a thread held up past the tolerance), which
        // ends that search early: the figure is then per tree of fewer trees, still a figure.
        Assert.All(report.Baselines, row => Assert.True(row.Trees is > 0 && row.Trees <= o.BaselineTrees && row.PublicPathRatio > 0, $"{row}"));
        Assert.Null(report.FreshProcessMilliseconds); // only the CLI knows how to start a fresh process of itself
        Assert.Equal(o.SearchPatterns!.Count, report.Search.Count);
        Assert.All(report.Search, row =>
        {
            Assert.Equal(row.Seeds, row.Found);
            Assert.True(double.IsFinite(row.MedianSearchMs) && double.IsFinite(row.MedianShrinkMs), $"{row}");
            Assert.True(row.MedianShrunkNodes >= 2, $"{row}");
        });

        var rewrite = Assert.IsType<RewriteRow>(report.Rewrite);
        Assert.True(rewrite.Megabytes >= 1 && rewrite.CallSites > 0 && rewrite.Repeats == o.RewriteRepeats, $"{rewrite}");
        Assert.True(rewrite.MedianCpuSeconds > 0 && rewrite.MedianWallSeconds > 0 && rewrite.ColdCpuSeconds > 0, $"{rewrite}");
        var rewritten = Assert.IsType<RewrittenRow>(report.Rewritten);
        Assert.True(rewritten.Trees == o.RewrittenTrees && rewritten.Rounds == o.Repeats, $"{rewritten}");
        Assert.True(rewritten.HandWrittenCpuMilliseconds > 0 && rewritten.RewrittenCpuMilliseconds > 0 && double.IsFinite(rewritten.Ratio) && rewritten.Ratio > 0, $"{rewritten}");

        Assert.Equal(["Random", "Pct"], report.Strategies.Select(r => r.Strategy));
        Assert.All(report.Strategies, row => Assert.True(row.Seeds == o.StrategySeeds && row.MedianTreesToFind is > 0 and <= 2000, $"{row}"));

        var table = report.ToTable();
        Assert.DoesNotContain("NaN", table, StringComparison.Ordinal);
        Assert.Contains("| Chaos.Check | 16 |", table, StringComparison.Ordinal);
        Assert.Contains("| FsCheck on the thread pool |", table, StringComparison.Ordinal);
        Assert.Contains($"| {rewrite.Assembly} | ", table, StringComparison.Ordinal);
        Assert.Contains($"| {rewritten.FanOut} | ", table, StringComparison.Ordinal);
        foreach (var pattern in o.Patterns.Concat(o.SearchPatterns!))
        {
            Assert.Contains($"| {pattern} |", table, StringComparison.Ordinal);
        }

        var json = System.Text.Json.JsonDocument.Parse(report.ToJson()).RootElement;
        Assert.Equal(report.Throughput.Count, json.GetProperty("throughput").GetArrayLength());
        Assert.Equal(report.Search.Count, json.GetProperty("search").GetArrayLength());
        Assert.Equal(rewrite.CallSites, json.GetProperty("rewrite").GetProperty("callSites").GetInt32());
        Assert.Equal(rewritten.Ratio, json.GetProperty("rewritten").GetProperty("ratio").GetDouble());
        Assert.NotEmpty(progress.ToString());
    }

    [Fact]
    public void Bench_trees_have_exactly_the_asked_node_count_and_are_fixed_by_their_seed()
    {
        foreach (var nodes in new[] { 10, 50, 200 })
        {
            foreach (var mixed in new[] { true, false })
            {
                var tree = BenchTrees.Make(nodes, 3, mixed);
                Assert.Equal(nodes, tree.NodeCount);
                Assert.Equal(tree, BenchTrees.Make(nodes, 3, mixed));
            }
        }
    }
}
