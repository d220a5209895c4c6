using System.Text;
using System.Xml.Linq;

namespace ConcurrencyChaos.Tests.Cli;

/// <summary>The "Smaller" and "Misleading results" items of issue 16 that need no process of their own.</summary>
public sealed class SmallerIssueTests : IDisposable
{
    private const string TwoErrors = """
        { "name": "two 'errors'", "tree": { "children": [
            { "work": 10, "then": "fail", "error": "IOException" }, { "work": 10, "then": "fail", "error": "TimeoutException" } ] },
          "expect": { "when-all": ["errors-observed", "fail-fast"], "task-group": [] } }
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Help_calls_the_command_chaos_and_shows_the_shard_default_as_written()
    {
        var (_, rootHelp, _) = await CliHarness.RunAsync("--help");
        var (_, exploreHelp, _) = await CliHarness.RunAsync("explore", "--help");

        Assert.Contains("chaos [command] [options]", rootHelp, StringComparison.Ordinal);
        Assert.DoesNotContain("ConcurrencyChaos.Cli", rootHelp, StringComparison.Ordinal);
        Assert.Contains("[default: 0/1]", exploreHelp, StringComparison.Ordinal);
        Assert.Contains("chaos explore [options]", exploreHelp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("explor", "Did you mean 'explore'?")]
    [InlineData("explore --patern when-all", "Did you mean '--pattern'?")]
    [InlineData("explore --pattern when-al", "Did you mean 'when-all'?")]
    [InlineData("explore --pattern when-all --invariant no-orphan", "Did you mean 'no-orphans'?")]
    public async Task Mistyped_ids_and_names_get_a_did_you_mean(string args, string hint)
    {
        var (code, _, error) = await CliHarness.RunAsync(args.Split(' '));

        Assert.Equal(2, code);
        Assert.Contains(hint, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_of_a_scenario_file_is_reported_in_one_run()
    {
        var file = _temp.Write("typos.json", """
            { "name": "t", "colour": 1,
              "tree": { "children": [ { "wrok": 5 }, { "then": "fial" } ] },
              "expect": { "when-al": ["no-orphan", "errors-observed", "fail-fst"] } }
            """);

        var (code, _, error) = await CliHarness.RunAsync("run", file);

        Assert.Equal(2, code);
        Assert.Contains("$.colour: unknown field 'colour'", error, StringComparison.Ordinal);
        Assert.Contains("$.tree.children[0].wrok: unknown field 'wrok'", error, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'work'?", error, StringComparison.Ordinal);
        Assert.Contains("$.tree.children[1].then: unknown value 'fial'", error, StringComparison.Ordinal);
        Assert.Contains("$.expect.when-al: unknown pattern id 'when-al'", error, StringComparison.Ordinal);
        Assert.Contains("$.expect.when-al[0]: unknown invariant id 'no-orphan'", error, StringComparison.Ordinal);
        Assert.Contains("$.expect.when-al[2]: unknown invariant id 'fail-fst'", error, StringComparison.Ordinal); // its index as written
        Assert.Contains("6 problem(s)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "name": "a", "name": "b", "tree": { "children": [ {} ] }, "expect": { "when-all": [] } }""", "$.name: duplicate field 'name'")]
    [InlineData("[]", "$: must be a scenario object, got array")]
    [InlineData("", "1:1: invalid JSON")]
    [InlineData("\uFEFF{ \"name\": 1 }", "$.name: must be a non-empty string")]
    public async Task Other_malformed_files_are_bad_input_too(string json, string says)
    {
        var file = _temp.Write("odd.json", json);

        var (code, _, error) = await CliHarness.RunAsync("run", file);

        Assert.Equal(2, code);
        Assert.Contains(says, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelled_children_at_the_root_is_named()
    {
        var file = _temp.Write("root.json", """{ "name": "t", "tree": { "childern": [ {} ] }, "expect": { "when-all": [] } }""");

        var (code, _, error) = await CliHarness.RunAsync("run", file);

        Assert.Equal(2, code);
        Assert.Contains("'childern' looks like a misspelling of 'children'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_have_no_byte_order_mark_and_keep_quotes_readable()
    {
        _temp.Write("two.json", TwoErrors);
        var junit = _temp.File("r.xml");
        var json = _temp.File("r.json");

        var (code, _, _) = await CliHarness.RunAsync("run", _temp.Path, "--report", "junit", junit, "--report", "json", json);

        Assert.Equal(0, code);
        Assert.Equal((byte)'<', File.ReadAllBytes(junit)[0]);
        Assert.Equal(4, XDocument.Load(junit).Descendants("testcase").Count() * 2);
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(json));
        Assert.Contains("two 'errors'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0027", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pattern_that_leaves_the_runtime_says_so_and_how_to_run_it_for_real()
    {
        var (_, _, error) = await CliHarness.RunAsync("explore", "--pattern", "when-each-break", "--trees", "3", "--seed", "1", "--save", _temp.File("found"));
        var (realCode, realOutput, realError) = await CliHarness.RunAsync("explore", "--pattern", "when-each-break", "--trees", "3", "--seed", "1", "--real-time", "--save", _temp.File("found"));

        Assert.Contains("note: when-each-break leaves the deterministic runtime", error, StringComparison.Ordinal);
        Assert.Contains("Add --real-time", error, StringComparison.Ordinal);
        Assert.True(realCode is 0 or 1, realOutput + realError);
        Assert.DoesNotContain("note:", realError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_root_group_naming_its_own_pattern_cannot_stand_for_the_pattern_under_test()
    {
        var file = _temp.Write("tg.json", """
            { "name": "tg", "tree": { "pattern": "task-group", "children": [ { "work": 1 } ] }, "expect": { "when-all": [], "task-group": [] } }
            """);

        var valid = _temp.Write("tg-only.json", File.ReadAllText(file).Replace("\"when-all\": [], ", string.Empty, StringComparison.Ordinal));

        var (code, output, error) = await CliHarness.RunAsync("run", file);
        var (replayCode, _, replayError) = await CliHarness.RunAsync("replay", valid, "--pattern", "when-any");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("$.expect.when-all: 'when-all' never runs on this tree", error, StringComparison.Ordinal);
        Assert.DoesNotContain("$.expect.task-group", error, StringComparison.Ordinal); // the tree names it: it runs
        Assert.Equal(2, replayCode);
        Assert.Contains("'when-any' would never run on this tree", replayError, StringComparison.Ordinal);
    }
}
