using System.Globalization;
using System.Text;
using ConcurrencyChaos.Patterns;
using ConcurrencyChaos.Scenarios;
using ConcurrencyChaos.Tests.Scenarios;

namespace ConcurrencyChaos.Tests.Architecture;

/// <summary>
/// The guard of every refactoring that promises "no behaviour change": for each catalog pattern that runs
/// controlled and search seeds 1–20, the counterexample <c>Chaos.Check</c> finds (its violations and its
/// scenario JSON, or the number of trees it held on), and the verdict of every committed scenario under
/// every pattern it names, must equal what was recorded in <c>same-seed.golden.txt</c>.
/// </summary>
/// <remarks>
/// A change that is meant to alter behaviour regenerates the file (<c>CHAOS_UPDATE_GOLDEN=1 dotnet test
/// --filter SameSeed</c>) and its commit says why; the diff of the golden file is then the review.
/// Patterns that leave the runtime by themselves (<see cref="CatalogPattern.RunsControlled"/> false) are
/// left out: their verdicts are not a pure function of the seed.
/// </remarks>
public sealed class SameSeedTests
{
    private const int Seeds = 20;

    [Fact]
    public void Every_catalog_search_and_every_committed_scenario_gives_the_recorded_verdict()
    {
        var actual = Record();
        var path = GoldenPath();
        if (Environment.GetEnvironmentVariable("CHAOS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            Assert.Fail(FirstDifference(expected, actual));
        }
    }

    private static string Record()
    {
        var text = new StringBuilder();
        foreach (var pattern in PatternCatalog.All.Where(p => p.RunsControlled))
        {
            for (var seed = 1; seed <= Seeds; seed++)
            {
                var result = Chaos.Check(pattern.Id, new ChaosOptions { Seed = seed });
                text.Append(CultureInfo.InvariantCulture, $"## search {pattern.Id} seed {seed}\n");
                if (result.Counterexample is not { } found)
                {
                    text.Append(CultureInfo.InvariantCulture, $"held on {result.TreesRun} trees, {result.NodesRun} nodes\n");
                    continue;
                }

                text.Append(CultureInfo.InvariantCulture, $"failed after {result.TreesRun} trees; deterministic: {found.IsDeterministic}\n");
                foreach (var violation in found.Violations)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{violation.Invariant}: {violation.Message}\n");
                }

                text.Append(found.ScenarioJson.ReplaceLineEndings("\n").TrimEnd('\n')).Append('\n');
            }
        }

        var root = Path.Combine(ScenarioSchemaTests.RepositoryRoot(), "scenarios");
        foreach (var file in ScenarioReader.FindFiles(root))
        {
            var scenario = ScenarioReader.Load(file, Chaos.Vocabulary);
            foreach (var outcome in Chaos.Verify(scenario))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                text.Append(CultureInfo.InvariantCulture, $"## scenario {relative} under {outcome.PatternId}: [{string.Join(", ", outcome.Actual)}]\n");
                foreach (var violation in outcome.Report.Violations)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{violation.Invariant}: {violation.Message}\n");
                }
            }
        }

        return text.ToString();
    }

    private static string FirstDifference(string expected, string actual)
    {
        var want = expected.Split('\n');
        var got = actual.Split('\n');
        var heading = "(start)";
        for (var i = 0; i < Math.Max(want.Length, got.Length); i++)
        {
            var w = i < want.Length ? want[i] : "(end of file)";
            var g = i < got.Length ? got[i] : "(end of output)";
            if (w.StartsWith("## ", StringComparison.Ordinal) && w == g)
            {
                heading = w;
            }

            if (w != g)
            {
                return $"Behaviour changed under {heading}, line {i + 1} of same-seed.golden.txt:\n  recorded: {w}\n  now:      {g}\n"
                    + "If the change is intended, regenerate with CHAOS_UPDATE_GOLDEN=1 and say why in the commit.";
            }
        }

        return "Behaviour changed (same lines, different endings).";
    }

    private static string GoldenPath() =>
        Path.Combine(ScenarioSchemaTests.RepositoryRoot(), "tests", "ConcurrencyChaos.Tests", "Architecture", "same-seed.golden.txt");
}
