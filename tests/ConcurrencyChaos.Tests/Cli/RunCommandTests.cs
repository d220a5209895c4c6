using System.Text.Json;
using System.Xml.Linq;

namespace ConcurrencyChaos.Tests.Cli;

public sealed class RunCommandTests : IDisposable
{
    private const string TwoErrors = """
        {
          "name": "two-errors",
          "tree": { "children": [
            { "work": 10, "then": "fail", "error": "IOException" },
            { "work": 10, "then": "fail", "error": "TimeoutException" } ] },
          "expect": { "when-all": ["errors-observed", "fail-fast"], "task-group": [] }
        }
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_repository_scenarios_all_pass()
    {
        var (code, output, error) = await CliHarness.RunAsync("run", Path.Combine(CliHarness.RepoRoot(), "scenarios"));

        Assert.True(code == 0, output + error);
        Assert.Matches(@"(?m)^\d+ passed, 0 failed$", output);
        Assert.DoesNotContain("✗", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Met_expectations_exit_0_with_a_line_per_scenario_and_pattern()
    {
        _temp.Write("two-errors.json", TwoErrors);

        var (code, output, _) = await CliHarness.RunAsync("run", _temp.Path);

        Assert.Equal(0, code);
        Assert.Contains("✓ ", output, StringComparison.Ordinal);
        Assert.Contains("under when-all: violated errors-observed, fail-fast, as expected", output, StringComparison.Ordinal);
        Assert.Contains("under task-group: held every invariant, as expected", output, StringComparison.Ordinal);
        Assert.EndsWith("2 passed, 0 failed" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_expectation_exits_1_and_says_what_differed()
    {
        _temp.Write("wrong.json", TwoErrors.Replace("[\"errors-observed\", \"fail-fast\"]", "[]", StringComparison.Ordinal));

        var (code, output, _) = await CliHarness.RunAsync("run", _temp.Path);

        Assert.Equal(1, code);
        Assert.Contains("✗ ", output, StringComparison.Ordinal);
        Assert.Contains("unexpected errors-observed", output, StringComparison.Ordinal);
        Assert.Contains("1 passed, 1 failed", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("syntax.json", "{ \"name\": ", "syntax.json:")]
    [InlineData("unknown-pattern.json", """{ "name": "x", "tree": { "children": [ {} ] }, "expect": { "when-al": [] } }""", "when-al")]
    [InlineData("unknown-invariant.json", """{ "name": "x", "tree": { "children": [ {} ] }, "expect": { "when-all": ["no-orphan"] } }""", "no-orphan")]
    [InlineData("missing-tree.json", """{ "name": "x", "expect": { "when-all": [] } }""", "tree")]
    [InlineData("bad-leaf.json", """{ "name": "x", "tree": { "children": [ { "work": -1 } ] }, "expect": { "when-all": [] } }""", "$.tree.children[0].work")]
    [InlineData("operation.json", """{ "name": "x", "tree": { "children": [ { "operation": "charge-card" } ] }, "expect": { "when-all": [] } }""", "$.tree.children[0].operation: names operation 'charge-card', but no operations are registered here")]
    [InlineData("unknown-field.json", """{ "name": "x", "tree": { "children": [ {} ] }, "expect": { "when-all": [] }, "colour": 1 }""", "colour")]
    public async Task Each_kind_of_malformed_file_exits_2_naming_the_file(string name, string json, string detail)
    {
        var file = _temp.Write(name, json);

        var (code, output, error) = await CliHarness.RunAsync("run", _temp.Path);

        Assert.Equal(2, code);
        Assert.Contains(file, error, StringComparison.Ordinal);
        Assert.Contains(detail, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task Every_malformed_file_is_reported_and_nothing_runs()
    {
        _temp.Write("good.json", TwoErrors);
        var first = _temp.Write("a-bad.json", "not json");
        var second = _temp.Write("z-bad.json", """{ "name": "x", "tree": { "children": [ {} ] }, "expect": { "nope": [] } }""");

        var (code, output, error) = await CliHarness.RunAsync("run", _temp.Path);

        Assert.Equal(2, code);
        Assert.Contains(first, error, StringComparison.Ordinal);
        Assert.Contains(second, error, StringComparison.Ordinal);
        Assert.Contains("2 problem(s) in the scenario files; nothing was run", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task A_missing_path_exits_2_naming_it()
    {
        var missing = _temp.File("nope");

        var (code, _, error) = await CliHarness.RunAsync("run", missing);

        Assert.Equal(2, code);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Junit_and_json_reports_have_one_case_per_scenario_and_pattern()
    {
        _temp.Write("two-errors.json", TwoErrors);
        _temp.Write("deeper/wrong.json", TwoErrors.Replace("two-errors", "wrong", StringComparison.Ordinal).Replace("\"task-group\": []", "\"task-group\": [\"terminates\"]", StringComparison.Ordinal));
        var junit = _temp.File("out/report.xml");
        var json = _temp.File("out/report.json");

        var (code, _, _) = await CliHarness.RunAsync("run", _temp.Path, "--report", "junit", junit, "--report", "json", json);

        Assert.Equal(1, code);
        var cases = XDocument.Load(junit).Descendants("testcase").ToList();
        Assert.Equal(4, cases.Count);
        var failed = Assert.Single(cases, c => c.Element("failure") is not null);
        Assert.Equal("wrong", failed.Attribute("classname")?.Value);
        Assert.Equal("task-group", failed.Attribute("name")?.Value);
        Assert.Contains("expectation not met", failed.Element("failure")!.Attribute("message")!.Value, StringComparison.Ordinal);

        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var root = document.RootElement;
        Assert.Equal("run", root.GetProperty("command").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(3, root.GetProperty("passed").GetInt32());
        Assert.Equal(1, root.GetProperty("failed").GetInt32());
        Assert.Equal(4, root.GetProperty("cases").GetArrayLength());
        var wrong = root.GetProperty("cases").EnumerateArray().Single(c => !c.GetProperty("passed").GetBoolean());
        Assert.Equal("terminates", Assert.Single(wrong.GetProperty("expected").EnumerateArray()).GetString());
        Assert.Empty(wrong.GetProperty("actual").EnumerateArray());
    }

    [Fact]
    public async Task A_cancelled_run_still_writes_its_report()
    {
        _temp.Write("two-errors.json", TwoErrors);
        var json = _temp.File("report.json");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var (code, output, _) = await CliHarness.RunAsync(cancelled.Token, "run", _temp.Path, "--report", "json", json);

        Assert.Equal(130, code);
        Assert.Contains("2 not run (cancelled)", output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.True(document.RootElement.GetProperty("cancelled").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_report_format_exits_2()
    {
        _temp.Write("two-errors.json", TwoErrors);

        var (code, _, error) = await CliHarness.RunAsync("run", _temp.Path, "--report", "html5", _temp.File("r.html"));

        Assert.Equal(2, code);
        Assert.Contains("html5", error, StringComparison.Ordinal);
    }
}
