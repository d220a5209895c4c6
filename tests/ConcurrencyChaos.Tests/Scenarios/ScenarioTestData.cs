using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos.Tests.Scenarios;

/// <summary>Ids, example files and helpers shared by the scenario tests.</summary>
internal static class ScenarioTestData
{
    /// <summary>The pattern ids the schema lists (the lead compares them with the real catalog later).</summary>
    public static readonly string[] PatternIds =
    [
        "when-all", "fire-and-forget", "when-any", "await-in-turn", "unlinked-token", "swallow-cancel",
        "parallel-foreach", "wait-async-timeout", "async-void", "task-group", "supervisor",
        "polly-timeout", "polly-retry", "channel-worker-pool", "when-each-break",
    ];

    /// <summary>The invariant ids the schema lists.</summary>
    public static readonly string[] InvariantIds =
        ["errors-observed", "no-orphans", "cancellation-propagated", "fail-fast", "terminates", "work-done", "no-crash", "assertion"];

    /// <summary>Operation names a test suite might register (odd spellings included).</summary>
    public static readonly string[] OperationNames = ["charge-card", "Orders.SaveAsync", "quote\"op"];

    public static readonly ScenarioVocabulary Vocabulary = new ScenarioVocabulary(
        new HashSet<string>(PatternIds, StringComparer.Ordinal),
        new HashSet<string>(InvariantIds, StringComparer.Ordinal)).WithOperations(OperationNames);

    public const string Source = "scenarios/x.json";

    /// <summary>The example of DESIGN.md section 9 (with its $schema line).</summary>
    public const string Example = """
        {
          "$schema": "../scenario.schema.json",
          "name": "when-all-loses-second-error",
          "about": "Seed pitfall 1: a plain catch sees only one of the group's errors.",
          "tree": { "children": [
              { "work": 10, "then": "fail", "error": "IOException" },
              { "work": 10, "then": "fail", "error": "TimeoutException" } ] },
          "cancelAfter": null,
          "seed": 0,
          "expect": { "when-all": ["errors-observed", "fail-fast"], "task-group": [] }
        }
        """;

    /// <summary>JSON written with single quotes for readability in test data.</summary>
    public static string Q(string json) => json.Replace('\'', '"');

    /// <summary>A valid document whose root has these two children (single-quoted JSON).</summary>
    public static string WithChildren(string child0, string child1 = "{}") =>
        Q($"{{ 'name': 'x', 'tree': {{ 'children': [ {child0}, {child1} ] }}, 'expect': {{ 'when-all': [] }} }}");

    public static Scenario Parse(string json) => ScenarioReader.Parse(json, Source, Vocabulary);

    public static ScenarioException ParseFails(string json) => Assert.Throws<ScenarioException>(() => Parse(json));

    /// <summary>Asserts the error names the file and the path, carries no line, and says <paramref name="gist"/>.</summary>
    public static void AssertError(ScenarioException error, string path, string gist)
    {
        Assert.Equal(Source, error.Source);
        Assert.Equal(path, error.JsonPath);
        Assert.Null(error.Line);
        Assert.Null(error.Column);
        Assert.StartsWith($"{Source}: {path}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(gist, error.Message, StringComparison.Ordinal);
    }
}
