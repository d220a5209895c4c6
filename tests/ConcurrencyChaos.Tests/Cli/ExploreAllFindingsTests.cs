using System.Text.Json;

namespace ConcurrencyChaos.Tests.Cli;

/// <summary>
/// <c>chaos explore</c> reports every broken invariant in one search by default (one minimal counterexample each, each
/// saved under its own name); <c>--first-only</c> stops at the first, and <c>--strategy pct</c> searches with PCT.
/// </summary>
public sealed class ExploreAllFindingsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task By_default_every_broken_invariant_gets_its_own_saved_counterexample()
    {
        var found = _temp.File("found");
        var json = _temp.File("explore.json");

        var (code, output, _) = await CliHarness.RunAsync("explore", "--pattern", "when-all", "--seed", "2", "--trees", "300", "--save", found, "--report", "json", json);

        Assert.Equal(1, code);
        var saved = Directory.GetFiles(found).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("found-when-all-seed-2.json", saved);
        Assert.True(saved.Count > 1, string.Join(", ", saved));
        Assert.Contains("counterexamples:", output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        var actual = document.RootElement.GetProperty("cases")[0].GetProperty("actual").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(actual.Count > 1, string.Join(", ", actual));
    }

    [Fact]
    public async Task First_only_stops_at_the_first_counterexample()
    {
        var found = _temp.File("found");

        var (code, output, _) = await CliHarness.RunAsync("explore", "--pattern", "when-all", "--seed", "2", "--trees", "300", "--first-only", "--save", found);

        Assert.Equal(1, code);
        Assert.Equal(["found-when-all-seed-2.json"], Directory.GetFiles(found).Select(Path.GetFileName));
        Assert.DoesNotContain("counterexamples:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pct_strategy_is_chosen_by_name_and_said_in_the_kept_scenario()
    {
        var found = _temp.File("found");

        var (code, _, _) = await CliHarness.RunAsync("explore", "--pattern", "when-all", "--seed", "1", "--trees", "50", "--strategy", "pct", "--first-only", "--save", found);

        Assert.Equal(1, code);
        Assert.Contains("PCT scheduling strategy", File.ReadAllText(Assert.Single(Directory.GetFiles(found))), StringComparison.Ordinal);
        var (bad, _, error) = await CliHarness.RunAsync("explore", "--pattern", "when-all", "--strategy", "fair");
        Assert.Equal(2, bad);
        Assert.Contains("fair", error, StringComparison.Ordinal);
    }
}
