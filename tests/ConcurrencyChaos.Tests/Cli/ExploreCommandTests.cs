using System.Text.Json;
using System.Xml.Linq;

namespace ConcurrencyChaos.Tests.Cli;

public sealed class ExploreCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_counterexample_exits_1_is_small_is_saved_and_run_then_fails_it_until_the_pattern_is_fixed()
    {
        var found = _temp.File("found");
        var json = _temp.File("explore.json");

        var (code, output, _) = await CliHarness.RunAsync("explore", "--pattern", "when-all", "--seed", "1", "--trees", "100", "--save", found, "--report", "json", json);

        Assert.Equal(1, code);
        Assert.Contains("ConcurrencyChaos: pattern 'when-all' broke", output, StringComparison.Ordinal);
        Assert.Contains("when-all: FAILED after", output, StringComparison.Ordinal);
        using (var document = JsonDocument.Parse(File.ReadAllText(json)))
        {
            var only = Assert.Single(document.RootElement.GetProperty("cases").EnumerateArray());
            Assert.InRange(only.GetProperty("counterexampleNodes").GetInt32(), 2, 3);
            Assert.Equal(1, only.GetProperty("seed").GetInt32());
            Assert.Equal(Path.Combine(found, "found-when-all-seed-1.json"), only.GetProperty("savedTo").GetString());
        }

        // The kept scenario expects when-all to hold and records what it broke: a regression test that fails until the fix.
        var saved = Assert.Single(Directory.GetFiles(found));
        var (runCode, runOutput, runError) = await CliHarness.RunAsync("run", saved);
        Assert.True(runCode == 1, runOutput + runError);
        Assert.Contains("0 passed, 1 failed", runOutput, StringComparison.Ordinal);
        Assert.Contains("(a kept counterexample: when-all broke", runOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_group_holds_and_exits_0_with_the_one_line_result()
    {
        var junit = _temp.File("explore.xml");

        var (code, output, _) = await CliHarness.RunAsync("explore", "--pattern", "task-group", "--seed", "7", "--trees", "60", "--save", _temp.File("found"), "--report", "junit", junit);

        Assert.Equal(0, code);
        Assert.Equal("task-group: held on 60 trees", output.Trim()[..28]);
        Assert.False(Directory.Exists(_temp.File("found")));
        var testcase = Assert.Single(XDocument.Load(junit).Descendants("testcase"));
        Assert.Equal("explore", testcase.Attribute("classname")?.Value);
        Assert.Equal("task-group", testcase.Attribute("name")?.Value);
        Assert.Null(testcase.Element("failure"));
    }

    [Fact]
    public async Task A_shard_runs_its_share_of_the_trees()
    {
        var (code, output, _) = await CliHarness.RunAsync("explore", "--pattern", "task-group", "--seed", "7", "--trees", "20", "--shard", "1/4");

        Assert.Equal(0, code);
        Assert.Contains("held on 20 trees", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pre_cancelled_search_stops_and_still_writes_its_reports()
    {
        var junit = _temp.File("r.xml");
        var json = _temp.File("r.json");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var (code, output, _) = await CliHarness.RunAsync(cancelled.Token, "explore", "--pattern", "when-all", "--seed", "1", "--report", "junit", junit, "--report", "json", json);

        Assert.Equal(130, code); // never "held": a cancelled search proves nothing
        Assert.Contains("when-all: cancelled after 0 of 1000 trees (seed 1)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("held", output, StringComparison.Ordinal);
        var testcase = Assert.Single(XDocument.Load(junit).Descendants("testcase"));
        Assert.NotNull(testcase.Element("failure"));
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.True(document.RootElement.GetProperty("cancelled").GetBoolean());
        Assert.Equal("cancelled", document.RootElement.GetProperty("cases")[0].GetProperty("stoppedEarly").GetString());
    }

    [Fact]
    public async Task A_time_budget_stops_the_search()
    {
        var (code, output, _) = await CliHarness.RunAsync("explore", "--pattern", "task-group", "--seed", "3", "--trees", "1000000", "--time", "300ms");

        Assert.Equal(0, code);
        Assert.Contains("stopped early: time budget", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--pattern", "when-al")]
    [InlineData("--time", "30")]
    [InlineData("--time", "-2s")]
    [InlineData("--shard", "4/4")]
    [InlineData("--shard", "1-4")]
    [InlineData("--trees", "0")]
    [InlineData("--max-nodes", "1")]
    public async Task Bad_option_values_exit_2_with_a_message(string option, string value)
    {
        string[] args = option == "--pattern" ? ["explore", option, value] : ["explore", "--pattern", "when-all", option, value];

        var (code, output, error) = await CliHarness.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(value, error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1.5s", 1_500)]
    public void Durations_take_a_unit(string text, int milliseconds)
    {
        Assert.True(ConcurrencyChaos.Cli.Commands.OptionParsers.TryParseDuration(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }
}
