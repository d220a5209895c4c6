using System.Reflection;
using ConcurrencyChaos.Scenarios;
using ConcurrencyChaos.Xunit;

namespace ConcurrencyChaos.Tests.XunitIntegration;

/// <summary>A scenario folder made for each test next to the test assembly's folder (so finding it walks up one level).</summary>
public sealed class ScenarioDataTests : IDisposable
{
    private const string TwoFailures = """
        {
          "name": "two-failures",
          "tree": { "children": [
              { "work": 10, "then": "fail", "error": "IOException" },
              { "work": 20, "then": "fail", "error": "TimeoutException" } ] },
          "expect": { "when-all": ["errors-observed", "fail-fast"], "task-group": [] }
        }
        """;

    private const string OwnPattern = """
        {
          // Comments and trailing commas are allowed, as in every scenario file.
          "name": "own-pattern",
          "tree": { "children": [ { "work": 10, "then": "fail" }, { "work": 20 }, ] },
          "expect": { "mine": ["fail-fast"] },
        }
        """;

    private static readonly MethodInfo TestMethod = typeof(ScenarioDataTests).GetMethod(nameof(Rows_are_file_and_pattern_for_every_expect_key))!;

    private readonly string _name = $"scenario-data-{Guid.NewGuid():N}";
    private readonly string _root;

    public ScenarioDataTests()
    {
        _root = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(AppContext.BaseDirectory)!)!, _name);
        Directory.CreateDirectory(Path.Combine(_root, "nested"));
        File.WriteAllText(Path.Combine(_root, "b-two-failures.json"), TwoFailures);
        File.WriteAllText(Path.Combine(_root, "nested", "a-own.json"), OwnPattern);
        File.WriteAllText(Path.Combine(_root, "scenario.schema.json"), "{}");
        File.WriteAllText(Path.Combine(_root, "notes.txt"), "not a scenario");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Rows_are_file_and_pattern_for_every_expect_key()
    {
        var rows = new ScenarioDataAttribute(_name).GetData(TestMethod).ToList();

        Assert.Equal(
            [
                [$"{_name}/b-two-failures.json", "task-group"],
                [$"{_name}/b-two-failures.json", "when-all"],
                [$"{_name}/nested/a-own.json", "mine"],
            ],
            rows);
        Assert.All(rows.SelectMany(r => r), v => Assert.IsType<string>(v)); // serializable: one test case per row
    }

    [Fact]
    public void Pattern_filters_the_rows()
    {
        var rows = new ScenarioDataAttribute(_name) { Pattern = "when-all" }.GetData(TestMethod).ToList();

        Assert.Equal([[$"{_name}/b-two-failures.json", "when-all"]], rows);
    }

    [Fact]
    public void A_single_file_and_a_rooted_path_work_too()
    {
        var file = Path.Combine(_root, "b-two-failures.json");

        Assert.Equal(2, new ScenarioDataAttribute($"{_name}/b-two-failures.json").GetData(TestMethod).Count());
        Assert.Equal([[file, "task-group"], [file, "when-all"]], new ScenarioDataAttribute(file).GetData(TestMethod));
    }

    [Fact]
    public void A_missing_folder_is_an_error_naming_where_it_looked()
    {
        var error = Assert.Throws<ArgumentException>(() => new ScenarioDataAttribute("no-such-scenarios").GetData(TestMethod).ToList());

        Assert.Contains("found no 'no-such-scenarios'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_is_one_row_whose_case_fails_with_the_readers_message()
    {
        File.WriteAllText(Path.Combine(_root, "c-broken.json"), "{ \"name\": ");

        var rows = new ScenarioDataAttribute(_name).GetData(TestMethod).ToList();

        Assert.Contains([$"{_name}/c-broken.json", ScenarioDataAttribute.UnreadablePattern], rows);
        var error = Assert.Throws<ScenarioException>(() => ScenarioCase.Verify($"{_name}/c-broken.json", ScenarioDataAttribute.UnreadablePattern));
        Assert.Contains("invalid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_whose_leaves_run_operations_verifies_with_them_registered_and_is_refused_without()
    {
        File.WriteAllText(Path.Combine(_root, "e-operations.json"), TwoFailures
            .Replace("\"work\": 10,", "\"work\": 10, \"operation\": \"charge-card\",", StringComparison.Ordinal)
            .Replace("\"work\": 20,", "\"work\": 20, \"operation\": \"send-email\",", StringComparison.Ordinal));
        var calls = 0;
        var options = new Execution.RunOptions
        {
            Operations = new Dictionary<string, Func<CancellationToken, Task>>
            {
                ["charge-card"] = _ => Task.FromResult(Interlocked.Increment(ref calls)),
                ["send-email"] = _ => Task.FromResult(Interlocked.Increment(ref calls)),
            },
        };

        Assert.Equal(["errors-observed", "fail-fast"], ScenarioCase.Verify($"{_name}/e-operations.json", "when-all", options: options).Actual);
        Assert.Empty(ScenarioCase.Verify($"{_name}/e-operations.json", "task-group", options: options).Actual);
        Assert.Equal(0, calls); // both leaves fail: Polly's fault replaces each call
        var refused = Assert.Throws<ScenarioException>(() => ScenarioCase.Verify($"{_name}/e-operations.json", "when-all"));
        Assert.Equal("$.tree.children[0].operation", refused.JsonPath);
    }

    [Fact]
    public void Verify_returns_the_met_outcome()
    {
        var outcome = ScenarioCase.Verify($"{_name}/b-two-failures.json", "when-all");

        Assert.True(outcome.Met);
        Assert.Equal(["errors-observed", "fail-fast"], outcome.Actual);
    }

    [Fact]
    public void Verify_fails_with_the_outcome_described_then_the_run()
    {
        File.WriteAllText(Path.Combine(_root, "d-wrong.json"), TwoFailures.Replace("\"task-group\": []", "\"task-group\": [\"no-orphans\"]", StringComparison.Ordinal));

        var failure = Assert.Throws<ChaosAssertException>(() => ScenarioCase.Verify($"{_name}/d-wrong.json", "task-group"));

        Assert.StartsWith(
            $"{_name}/d-wrong.json under task-group: expectation not met\n  expected no-orphans to be violated, but it held\n\n",
            failure.Message,
            StringComparison.Ordinal);
        Assert.EndsWith(failure.Report!.ToString(), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_runs_own_patterns_by_name()
    {
        var own = new ChaosPatterns { { "mine", static (children, token) => Task.WhenAll(children.Select(c => c(token))) } };

        Assert.True(ScenarioCase.Verify($"{_name}/nested/a-own.json", "mine", own).Met);

        var wrong = new ChaosPatterns { { "mine", TaskGroup.WhenAll } };
        var failure = Assert.Throws<ChaosAssertException>(() => ScenarioCase.Verify($"{_name}/nested/a-own.json", "mine", wrong));
        Assert.Contains("expected fail-fast to be violated, but it held", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_without_the_own_pattern_is_the_readers_unknown_pattern_error()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioCase.Verify($"{_name}/nested/a-own.json", "mine"));

        Assert.Contains("mine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_fails_for_a_pattern_the_file_does_not_name()
    {
        var failure = Assert.Throws<ChaosAssertException>(() => ScenarioCase.Verify($"{_name}/b-two-failures.json", "fire-and-forget"));

        Assert.Equal($"{_name}/b-two-failures.json: its expect names only task-group, when-all, not 'fire-and-forget'.", failure.Message);
    }

    [Fact]
    public void Own_patterns_may_not_reuse_catalog_ids_or_repeat()
    {
        Assert.Throws<ArgumentException>(() => new ChaosPatterns { { "when-all", TaskGroup.WhenAll } });
        Assert.Throws<ArgumentException>(() => new ChaosPatterns { { "mine", TaskGroup.WhenAll }, { "mine", TaskGroup.WhenAll } });
    }
}
