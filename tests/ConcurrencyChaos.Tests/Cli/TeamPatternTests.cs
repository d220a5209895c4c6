using System.Text.Json;

namespace ConcurrencyChaos.Tests.Cli;

/// <summary>
/// <c>--assembly</c>: the team library's <c>[ChaosPattern]</c> methods (tests/ConcurrencyChaos.TeamPatterns, loaded
/// from its own bin folder as chaos would load a team's build) can be searched, kept, replayed and listed.
/// </summary>
public sealed class TeamPatternTests : IDisposable
{
    private static readonly string s_team = CliProcess.TeamAssembly("ConcurrencyChaos.TeamPatterns");

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Explore_finds_and_shrinks_the_bug_of_the_teams_fetch_all_and_run_replays_the_kept_scenario()
    {
        var found = _temp.File("found");

        // Seed 4's search meets a caller that cancels before the pages are done (seed 1's first meets a failed page).
        var (code, output, _) = await CliHarness.RunAsync("explore", "--assembly", s_team, "--pattern", "fetch-all", "--seed", "4", "--save", found);

        Assert.Equal(1, code);
        Assert.Contains("pattern 'fetch-all' broke cancellation-propagated", output, StringComparison.Ordinal);
        Assert.Contains("fetch-all: FAILED after", output, StringComparison.Ordinal);
        var saved = Path.Combine(found, "found-fetch-all-seed-4.json"); // the first of one counterexample per broken invariant
        Assert.Contains(saved, Directory.GetFiles(found));
        using (var scenario = JsonDocument.Parse(File.ReadAllText(saved)))
        {
            Assert.True(scenario.RootElement.GetProperty("expect").TryGetProperty("fetch-all", out _), "the kept scenario names the pattern by its real id");
        }

        // A kept counterexample is a regression test: it expects the pattern to hold, so it fails until fetch-all is fixed.
        var (runCode, runOutput, runError) = await CliHarness.RunAsync("run", "--assembly", s_team, saved);
        Assert.True(runCode == 1, runOutput + runError);
        Assert.Contains("a kept counterexample: fetch-all broke cancellation-propagated when it was found, and still does", runOutput, StringComparison.Ordinal);

        var (replayCode, replayOutput, _) = await CliHarness.RunAsync("replay", "--assembly", s_team, saved, "--pattern", "fetch-all-safely");
        Assert.Equal(0, replayCode);
        Assert.Contains("under fetch-all-safely: held every invariant (no expectation for fetch-all-safely)", replayOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_teams_correct_pattern_holds_and_its_factory_pattern_gets_the_runtimes_clock()
    {
        var (code, output, _) = await CliHarness.RunAsync("explore", "--assembly", s_team, "--pattern", "fetch-all-safely", "--seed", "1", "--trees", "300");
        var (deadlineCode, deadlineOutput, _) = await CliHarness.RunAsync("explore", "--assembly", s_team, "--pattern", "fetch-all-with-deadline", "--seed", "1", "--save", _temp.File("found"));

        Assert.Equal(0, code);
        Assert.StartsWith("fetch-all-safely: held on 300 trees", output, StringComparison.Ordinal);
        Assert.Equal(1, deadlineCode);
        Assert.Contains("broke no-orphans", deadlineOutput, StringComparison.Ordinal); // WaitAsync's minute passed in virtual time
    }

    [Fact]
    public async Task The_teams_own_invariant_is_searched_alone_by_id_kept_and_judged_again_by_run_and_replay()
    {
        var found = _temp.File("found");

        var (code, output, error) = await CliHarness.RunAsync(
            "explore", "--assembly", s_team, "--pattern", "fetch-all-with-deadline", "--invariant", "pages-end-with-the-fetch", "--seed", "1", "--save", found);

        Assert.True(code == 1, output + error);
        Assert.Contains("pattern 'fetch-all-with-deadline' broke pages-end-with-the-fetch on a", output, StringComparison.Ordinal);
        Assert.Contains("was still running when the fetch ended", output, StringComparison.Ordinal);
        Assert.DoesNotContain("no-orphans:", output, StringComparison.Ordinal); // only the invariant asked for is checked
        var saved = Assert.Single(Directory.GetFiles(found));
        using (var scenario = JsonDocument.Parse(File.ReadAllText(saved)))
        {
            Assert.Contains("pages-end-with-the-fetch", scenario.RootElement.GetProperty("found").GetProperty("fetch-all-with-deadline").EnumerateArray().Select(i => i.GetString()));
        }

        // The kept file names the team's invariant, so it reads with the assembly, and its runs are judged by it again.
        var (runCode, runOutput, runError) = await CliHarness.RunAsync("run", "--assembly", s_team, saved);
        Assert.True(runCode == 1, runOutput + runError);
        Assert.Contains("unexpected pages-end-with-the-fetch: page", runOutput, StringComparison.Ordinal);
        Assert.Contains("a kept counterexample: fetch-all-with-deadline broke", runOutput, StringComparison.Ordinal);

        var (replayCode, replayOutput, replayError) = await CliHarness.RunAsync("replay", "--assembly", s_team, saved);
        Assert.True(replayCode == 1, replayOutput + replayError);
        Assert.Contains("pages-end-with-the-fetch: page", replayOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_teams_invariant_id_is_unknown_without_its_assembly_and_listed_with_it()
    {
        var (code, _, error) = await CliHarness.RunAsync("explore", "--pattern", "when-all", "--invariant", "pages-end-with-the-fetch");
        var (withCode, withOutput, withError) = await CliHarness.RunAsync(
            "explore", "--assembly", s_team, "--pattern", "when-all", "--invariant", "pages-end-with-the-fech", "--trees", "1");

        Assert.Equal(2, code);
        Assert.Contains("unknown invariant id 'pages-end-with-the-fetch' in --invariant", error, StringComparison.Ordinal);
        Assert.Contains("load their assembly with --assembly PATH", error, StringComparison.Ordinal);
        Assert.True(withCode == 2, withOutput + withError);
        Assert.Contains("Did you mean 'pages-end-with-the-fetch'?", withError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scenario_naming_a_team_pattern_needs_its_assembly_and_says_so()
    {
        var file = _temp.Write("mine.json", """{ "name": "mine", "tree": { "children": [ { "work": 1 } ] }, "expect": { "fetch-all": [] } }""");

        var (code, _, error) = await CliHarness.RunAsync("run", file);
        var (withCode, withOutput, _) = await CliHarness.RunAsync("run", "--assembly", s_team, file);

        Assert.Equal(2, code);
        Assert.Contains("$.expect.fetch-all: unknown pattern id 'fetch-all'", error, StringComparison.Ordinal);
        Assert.Equal(0, withCode);
        Assert.Contains("1 passed, 0 failed", withOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_may_not_name_a_team_pattern()
    {
        var file = _temp.Write("group.json", """
            { "name": "g", "tree": { "children": [ { "pattern": "fetch-all", "children": [ { "work": 1 } ] } ] }, "expect": { "when-all": [] } }
            """);

        var (code, _, error) = await CliHarness.RunAsync("run", "--assembly", s_team, file);

        Assert.Equal(2, code);
        Assert.Contains("$.tree.children[0].pattern: 'fetch-all' is your own pattern; a group may name only a catalog pattern", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patterns_lists_the_teams_patterns_with_their_matrix_rows()
    {
        // Seed 4 meets fetch-all's cancellation-propagated bug within the 20 trees of a cell (seed 1 needs 38).
        var (code, output, _) = await CliHarness.RunAsync("patterns", "--assembly", s_team, "--trees", "20", "--seed", "4", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var fetchAll = json.RootElement.GetProperty("patterns").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "fetch-all");
        Assert.Equal("yours", fetchAll.GetProperty("kind").GetString());
        Assert.StartsWith("Task.WhenAll over every page", fetchAll.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.False(fetchAll.GetProperty("invariants").GetProperty("cancellation-propagated").GetProperty("held").GetBoolean());
        var own = json.RootElement.GetProperty("invariants").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "pages-end-with-the-fetch");
        Assert.Equal("No page is still running once the fetch has ended.", own.GetProperty("summary").GetString());
        Assert.True(fetchAll.GetProperty("invariants").GetProperty("pages-end-with-the-fetch").GetProperty("searched").GetBoolean());
    }

    [Fact]
    public async Task A_throttle_that_declares_its_bound_with_MaxConcurrency_is_judged_as_the_ideal_throttle_and_holds()
    {
        // Undeclared, the ideal would start every page at once, and a throttle stuck behind two hung pages would be
        // blamed for never ending (the in-process acceptance test of the same throttle shows it within these trees).
        var (code, output, error) = await CliHarness.RunAsync("explore", "--assembly", s_team, "--pattern", "fetch-two-at-a-time", "--trees", "2000", "--seed", "1", "--save", _temp.File("found"));

        Assert.True(code == 0, output + error);
        Assert.Contains("fetch-two-at-a-time: held on 2000 trees", output, StringComparison.Ordinal);

        var scenario = _temp.File("hang-hang-fail.json");
        File.WriteAllText(scenario, """
            { "name": "hang-hang-fail", "tree": { "children": [ { "then": "hang" }, { "then": "hang" }, { "work": 5, "then": "fail", "error": "IOException" } ] },
              "expect": { "fetch-two-at-a-time": [] } }
            """);
        var (runCode, runOutput, runError) = await CliHarness.RunAsync("run", "--assembly", s_team, scenario);
        Assert.True(runCode == 0, runOutput + runError);
    }

    [Fact]
    public async Task Every_misuse_of_the_attribute_is_named_at_once()
    {
        var (code, _, error) = await CliHarness.RunAsync("patterns", "--assembly", CliProcess.TeamAssembly("ConcurrencyChaos.TeamPatterns.Broken"));

        Assert.Equal(2, code);
        Assert.Contains("NoTokenAsync: has the wrong signature `static Task NoTokenAsync(IReadOnlyList<Func<CancellationToken, Task>>)`", error, StringComparison.Ordinal);
        Assert.Contains("InstanceAsync: must be static", error, StringComparison.Ordinal);
        Assert.Contains("WhenAllAsync: the id 'when-all' is a catalog pattern's id", error, StringComparison.Ordinal);
        Assert.Contains("SecondAsync: the id 'twice' is also used by ConcurrencyChaos.TeamPatterns.Broken.MisusedPatterns.FirstAsync", error, StringComparison.Ordinal);
        Assert.Contains("BadIdAsync: the id 'Fetch All' must be kebab-case", error, StringComparison.Ordinal);
        Assert.Contains("NoSlotsAsync: [MaxConcurrency(0)] must be at least 1", error, StringComparison.Ordinal);
    }
}
