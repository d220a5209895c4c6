using System.Xml.Linq;

namespace ConcurrencyChaos.Tests.Cli;

public sealed class PicturesAndBenchCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("chaos-cli-pictures-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Replay_with_timeline_writes_an_svg_of_the_run()
    {
        var file = Path.Combine(CliHarness.RepoRoot(), "scenarios", "patterns", "fire-and-forget-loses-the-error.json");
        var svg = Path.Combine(_dir, "out", "timeline.svg");

        var (code, _, error) = await CliHarness.RunAsync("replay", file, "--pattern", "fire-and-forget", "--timeline", svg);

        Assert.Equal(0, code); // the expectation for fire-and-forget is met
        Assert.Contains("wrote timeline", error, StringComparison.Ordinal);
        var doc = XDocument.Load(svg);
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        Assert.Contains(doc.Descendants(), e => ((string?)e.Attribute("class"))?.Split(' ').Contains("orphan-tail") == true);
    }

    [Fact]
    public async Task Replay_of_several_patterns_writes_one_timeline_per_pattern()
    {
        var file = Path.Combine(CliHarness.RepoRoot(), "scenarios", "patterns", "fire-and-forget-loses-the-error.json");
        var svg = Path.Combine(_dir, "t.svg");

        var (code, _, _) = await CliHarness.RunAsync("replay", file, "--timeline", svg);

        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(_dir, "t-fire-and-forget.svg")));
        Assert.True(File.Exists(Path.Combine(_dir, "t-task-group.svg")));
    }

    [Fact]
    public async Task Explore_with_an_html_report_writes_the_counterexample_page_with_its_timeline()
    {
        var html = Path.Combine(_dir, "report.html");

        var (code, _, _) = await CliHarness.RunAsync("explore", "--pattern", "when-all", "--trees", "500", "--seed", "4", "--save", Path.Combine(_dir, "found"), "--report", "html", html);

        Assert.Equal(1, code);
        var text = await File.ReadAllTextAsync(html);
        Assert.StartsWith("<!DOCTYPE html>", text, StringComparison.Ordinal);
        Assert.Contains("<svg", text, StringComparison.Ordinal);
        Assert.Contains("cancellation-propagated", text, StringComparison.Ordinal);
        Assert.Contains("[Fact]", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explore_that_holds_writes_an_html_page_listing_the_search()
    {
        var html = Path.Combine(_dir, "held.html");

        var (code, _, _) = await CliHarness.RunAsync("explore", "--pattern", "task-group", "--trees", "50", "--seed", "1", "--report", "html", html);

        Assert.Equal(0, code);
        var text = await File.ReadAllTextAsync(html);
        Assert.Contains("1 passed, 0 failed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patterns_with_html_writes_the_matrix_linking_broken_cells()
    {
        var html = Path.Combine(_dir, "matrix.html");

        var (code, output, _) = await CliHarness.RunAsync("patterns", "--trees", "40", "--html", html);

        Assert.Equal(0, code);
        Assert.Contains("task-group", output, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(html);
        Assert.Contains("href=\"#", text, StringComparison.Ordinal);
        Assert.Contains("when-all", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_quick_prints_every_table_with_figures()
    {
        var (code, output, _) = await CliHarness.RunAsync("bench", "--quick");

        Assert.Equal(0, code);
        Assert.Contains("| when-all | 10 | mixed | controlled |", output, StringComparison.Ordinal);
        Assert.Contains("| when-all | 10 | mixed | real-time |", output, StringComparison.Ordinal);
        Assert.Contains("search ms (median / max)", output, StringComparison.Ordinal);
        Assert.Contains("| execution alone | 16 |", output, StringComparison.Ordinal);
        Assert.Matches(@"Fresh process, first 1,000 trees through Chaos\.Check: \d+ ms CPU", output);
    }

    [Fact]
    public async Task Bench_first_trees_prints_the_cpu_milliseconds_of_this_process_first_trees()
    {
        var (code, output, _) = await CliHarness.RunAsync("bench", "--first-trees", "50");

        Assert.Equal(0, code);
        Assert.True(double.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture) > 0, output);
    }
}

public sealed class ExploreInvariantOptionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("chaos-cli-invariant-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Explore_limited_to_errors_observed_finds_when_all_losing_an_error_on_three_nodes()
    {
        var (code, output, _) = await CliHarness.RunAsync("explore", "--pattern", "when-all", "--trees", "500", "--seed", "1", "--invariant", "errors-observed", "--save", _dir);

        Assert.Equal(1, code);
        Assert.Contains("broke errors-observed on a 3-node tree", output, StringComparison.Ordinal);
        Assert.DoesNotContain("cancellation-propagated:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explore_with_an_unknown_invariant_is_bad_input_naming_it()
    {
        var (code, _, error) = await CliHarness.RunAsync("explore", "--pattern", "when-all", "--invariant", "no-orphan");

        Assert.Equal(2, code);
        Assert.Contains("'no-orphan'", error, StringComparison.Ordinal);
    }
}
