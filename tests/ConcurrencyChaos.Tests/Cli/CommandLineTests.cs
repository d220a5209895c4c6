using System.Diagnostics;
using System.Text.Json;

namespace ConcurrencyChaos.Tests.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public async Task No_arguments_prints_help_and_exits_0()
    {
        var (code, output, _) = await CliHarness.RunAsync();

        Assert.Equal(0, code);
        Assert.Contains("explore", output, StringComparison.Ordinal);
        Assert.Contains("patterns", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("run", "--bogus", "scenarios")]
    [InlineData("frobnicate")]
    [InlineData("run")]
    [InlineData("explore")]
    public async Task Unknown_options_commands_and_missing_arguments_exit_2(params string[] args)
    {
        var (code, output, error) = await CliHarness.RunAsync(args);

        Assert.Equal(2, code);
        Assert.StartsWith("chaos: ", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("explore")]
    [InlineData("replay")]
    [InlineData("patterns")]
    public async Task Every_command_has_help(string command)
    {
        var (code, output, _) = await CliHarness.RunAsync(command, "--help");

        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_prints_the_run_and_its_trace_and_exits_0_when_met()
    {
        var file = Path.Combine(CliHarness.RepoRoot(), "scenarios", "seed-pitfalls", "pitfall-1-plain-catch-sees-one-error.json");

        var (code, output, _) = await CliHarness.RunAsync("replay", file, "--pattern", "when-all", "--trace");

        Assert.Equal(0, code);
        Assert.Contains("0 group (when-all)", output, StringComparison.Ordinal);
        // Which of the two same-instant errors is lost depends on the scheduler's order; that one is, never does.
        Assert.Matches(@"errors-observed: (TimeoutException|IOException) thrown by 0\.[01] at 10 ms never reached the caller", output);
        Assert.Contains("✓ ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_under_a_pattern_without_expectation_exits_1_when_it_breaks_something()
    {
        var file = Path.Combine(CliHarness.RepoRoot(), "scenarios", "seed-pitfalls", "pitfall-1-plain-catch-sees-one-error.json");

        var (code, output, _) = await CliHarness.RunAsync("replay", file, "--pattern", "fire-and-forget");

        Assert.Equal(1, code);
        Assert.Contains("no expectation for fire-and-forget", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_of_a_missing_file_exits_2_naming_it()
    {
        var (code, _, error) = await CliHarness.RunAsync("replay", "no/such/file.json");

        Assert.Equal(2, code);
        Assert.Contains("no/such/file.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patterns_json_has_the_whole_matrix_and_task_group_holds_everything()
    {
        var (code, output, _) = await CliHarness.RunAsync("patterns", "--json", "--trees", "40");

        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        var patterns = document.RootElement.GetProperty("patterns").EnumerateArray().ToList();
        Assert.Equal(ConcurrencyChaos.Patterns.PatternCatalog.All.Count, patterns.Count);
        var taskGroup = patterns.Single(p => p.GetProperty("id").GetString() == "task-group");
        Assert.True(taskGroup.GetProperty("structured").GetBoolean());
        Assert.All(taskGroup.GetProperty("invariants").EnumerateObject(), cell => Assert.True(cell.Value.GetProperty("held").GetBoolean()));
        var whenAll = patterns.Single(p => p.GetProperty("id").GetString() == "when-all");
        Assert.False(whenAll.GetProperty("invariants").GetProperty("errors-observed").GetProperty("held").GetBoolean());
    }

    [Fact]
    public async Task The_built_tool_runs_the_repository_scenarios_as_a_process()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ConcurrencyChaos.Cli.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = CliHarness.RepoRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("run");
        start.ArgumentList.Add("scenarios");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await output + await error);
        Assert.Contains(" passed, 0 failed", await output, StringComparison.Ordinal);
    }
}
