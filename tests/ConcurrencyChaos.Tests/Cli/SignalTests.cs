using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConcurrencyChaos.Tests.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM end <c>chaos</c> within a second, after it wrote its reports, with exit 130 / 143;
/// a cancelled command is never reported as held. Each test waits for the host to have started (its debug log
/// says so), so the signal reaches chaos's handler rather than the runtime's default.
/// </summary>
[UnsupportedOSPlatform("windows")] // POSIX signals
[Collection(CliProcess.Collection)]
public sealed class SignalTests : IDisposable
{
    private static readonly Dictionary<string, string> s_hostLog = new(StringComparer.Ordinal) { ["CHAOS_Logging__LogLevel__Default"] = "Debug" };

    /// <summary>
    /// chaos stops within 1 s of a signal (about 0.2 s on an idle machine); measured from here, which includes
    /// starting `kill` and a loaded two-core CI machine, allow twice that.
    /// </summary>
    private static readonly TimeSpan s_stopWithin = TimeSpan.FromSeconds(2);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Sigint_stops_a_long_search_within_a_second_writes_its_report_and_exits_130()
    {
        var report = _temp.File("explore.json");

        var (result, sinceSignal) = await SignalAsync(["explore", "--pattern", "task-group", "--trees", "100000000", "--seed", "1", "--report", "json", report], TimeSpan.FromMilliseconds(1500), "INT"); // past the first trees (and their JIT): a search stops between trees

        Assert.True(result.Code == 130, result.ToString());
        Assert.True(sinceSignal < s_stopWithin, $"took {sinceSignal.TotalSeconds:0.00} s after SIGINT; {result}");
        Assert.Contains("task-group: cancelled after", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("held", result.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.True(json.RootElement.GetProperty("cancelled").GetBoolean());
        Assert.False(json.RootElement.GetProperty("cases")[0].GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task Sigterm_stops_one_long_scenario_run_within_a_second_writes_its_report_and_exits_143()
    {
        var scenario = _temp.Write("big.json", BigScenario());
        var report = _temp.File("run.json");

        var (result, sinceSignal) = await SignalAsync(["run", scenario, "--report", "json", report], TimeSpan.FromMilliseconds(1000), "TERM");

        Assert.True(result.Code == 143, result.ToString());
        Assert.True(sinceSignal < s_stopWithin, $"took {sinceSignal.TotalSeconds:0.00} s after SIGTERM; {result}");
        Assert.Contains("0 passed, 0 failed, 1 not run (cancelled)", result.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.True(json.RootElement.GetProperty("cancelled").GetBoolean());
    }

    [Fact]
    public async Task Sigterm_during_patterns_marks_the_cells_never_searched_in_text_and_html_and_exits_143()
    {
        var html = _temp.File("matrix.html");

        var (result, sinceSignal) = await SignalAsync(["patterns", "--trees", "2000", "--html", html], TimeSpan.FromMilliseconds(500), "TERM");

        Assert.True(result.Code == 143, result.ToString());
        Assert.True(sinceSignal < s_stopWithin, $"took {sinceSignal.TotalSeconds:0.00} s after SIGTERM; {result}");
        Assert.Contains("— = not searched", result.Out, StringComparison.Ordinal);
        Assert.Contains("Cancelled after", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  task-group +— +— +— +— +—\s*$", result.Out);
        var page = File.ReadAllText(html);
        Assert.Contains("Cancelled", page, StringComparison.Ordinal);
        Assert.Contains("class=\"unchecked\"", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// Starts chaos with <paramref name="args"/>, waits until its host has started and then <paramref name="after"/>,
    /// sends <paramref name="signal"/>, and returns how it ended and how long it took after the signal.
    /// </summary>
    private async Task<(ProcessResult Result, TimeSpan SinceSignal)> SignalAsync(string[] args, TimeSpan after, string signal)
    {
        var sinceSignal = new Stopwatch();
        var result = await CliProcess.RunAsync(
            CliProcess.StartInfo(_temp.Path, args, s_hostLog),
            async (process, waitFor) =>
            {
                await waitFor("Hosting started");
                await Task.Delay(after);
                sinceSignal.Start();
                await CliProcess.SignalAsync(process, signal);
                await process.WaitForExitAsync();
                sinceSignal.Stop();
            });
        return (result, sinceSignal.Elapsed);
    }

    /// <summary>One scenario whose single run takes seconds: 8 × 8 × 8 × 8 × 8 leaves under when-all.</summary>
    private static string BigScenario()
    {
        static JsonNode Node(int depth) => depth == 0
            ? new JsonObject { ["work"] = 5 }
            : new JsonObject { ["children"] = new JsonArray([.. Enumerable.Range(0, 8).Select(_ => Node(depth - 1))]) };
        return new JsonObject
        {
            ["name"] = "big",
            ["tree"] = Node(5),
            ["expect"] = new JsonObject { ["when-all"] = new JsonArray() },
        }.ToJsonString();
    }
}
