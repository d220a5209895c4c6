using ConcurrencyChaos.Model;
using ConcurrencyChaos.Scenarios;
using FsCheck.Xunit;
using static ConcurrencyChaos.Tests.Scenarios.ScenarioTestData;

namespace ConcurrencyChaos.Tests.Scenarios;

public sealed class ScenarioWriterTests
{
    [Fact]
    public void Writes_the_design_example_canonically()
    {
        var text = ScenarioWriter.Write(Parse(Example));

        Assert.Equal(
            """
            {
              "name": "when-all-loses-second-error",
              "about": "Seed pitfall 1: a plain catch sees only one of the group's errors.",
              "tree": {
                "children": [
                  {
                    "work": 10,
                    "then": "fail",
                    "error": "IOException"
                  },
                  {
                    "work": 10,
                    "then": "fail",
                    "error": "TimeoutException"
                  }
                ]
              },
              "cancelAfter": null,
              "seed": 0,
              "expect": {
                "task-group": [],
                "when-all": [
                  "errors-observed",
                  "fail-fast"
                ]
              }
            }

            """,
            text);
    }

    [Fact]
    public void Leaves_omit_defaults_and_spell_enums_in_kebab_case()
    {
        var tree = new TaskTree(
            new Group(
                new Leaf(),
                new Leaf { Then = LeafEnd.ThrowSync, OnCancel = CancelBehavior.Swallow, Cleanup = 2, CleanupError = ErrorKind.TimeoutException },
                new Group() { Pattern = "when-any" })
            {
                Pattern = "supervisor",
            },
            CancelAfter: 40,
            Seed: 9);
        var expect = new Dictionary<string, IReadOnlyList<string>> { ["when-any"] = ["terminates", "errors-observed"], ["async-void"] = [] };

        var text = ScenarioWriter.Write(tree, "defaults", null, expect);

        Assert.Equal(
            """
            {
              "name": "defaults",
              "tree": {
                "pattern": "supervisor",
                "children": [
                  {},
                  {
                    "then": "throw-sync",
                    "onCancel": "swallow",
                    "cleanup": 2,
                    "cleanupError": "TimeoutException"
                  },
                  {
                    "pattern": "when-any",
                    "children": []
                  }
                ]
              },
              "cancelAfter": 40,
              "seed": 9,
              "expect": {
                "async-void": [],
                "when-any": [
                  "terminates",
                  "errors-observed"
                ]
              }
            }

            """,
            text);
    }

    [Fact]
    public void Output_does_not_depend_on_expect_insertion_order()
    {
        var tree = new TaskTree(new Group(new Leaf()));
        var a = new Dictionary<string, IReadOnlyList<string>> { ["when-all"] = ["fail-fast"], ["async-void"] = [], ["supervisor"] = [] };
        var b = new Dictionary<string, IReadOnlyList<string>> { ["supervisor"] = [], ["when-all"] = ["fail-fast"], ["async-void"] = [] };

        Assert.Equal(ScenarioWriter.Write(tree, "x", null, a), ScenarioWriter.Write(tree, "x", null, b));
        Assert.Equal(new Scenario("x", null, tree, a), new Scenario("x", null, tree, b));
    }

    [Fact]
    public void A_kept_counterexample_writes_found_after_expect_and_only_when_not_empty()
    {
        var tree = new TaskTree(new Group(new Leaf { OnCancel = CancelBehavior.Swallow }), CancelAfter: 0);
        var expect = new Dictionary<string, IReadOnlyList<string>> { ["when-all"] = [] };
        var found = new Dictionary<string, IReadOnlyList<string>> { ["when-all"] = ["cancellation-propagated"] };

        var text = ScenarioWriter.Write(tree, "found-when-all-seed-1", null, expect, found);

        Assert.Equal(
            """
            {
              "name": "found-when-all-seed-1",
              "tree": {
                "children": [
                  {
                    "onCancel": "swallow"
                  }
                ]
              },
              "cancelAfter": 0,
              "seed": 0,
              "expect": {
                "when-all": []
              },
              "found": {
                "when-all": [
                  "cancellation-propagated"
                ]
              }
            }

            """,
            text);
        Assert.Equal(ScenarioWriter.Write(tree, "x", null, expect), ScenarioWriter.Write(tree, "x", null, expect, new Dictionary<string, IReadOnlyList<string>>()));
        Assert.DoesNotContain("found", ScenarioWriter.Write(tree, "x", null, expect), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Refuses_a_blank_name(string name)
    {
        var tree = new TaskTree(new Group(new Leaf()));
        var expect = new Dictionary<string, IReadOnlyList<string>> { ["when-all"] = [] };

        Assert.Throws<ArgumentException>(() => ScenarioWriter.Write(tree, name, null, expect));
    }

    [Fact]
    public void Refuses_what_the_reader_would_refuse()
    {
        var ok = new Dictionary<string, IReadOnlyList<string>> { ["when-all"] = [] };
        var leaf = new TaskTree(new Group(new Leaf()));

        Assert.Throws<ArgumentException>(() => ScenarioWriter.Write(new TaskTree(new Group()), "x", null, ok));
        Assert.Throws<ArgumentException>(() => ScenarioWriter.Write(new TaskTree(new Group(new Leaf { Then = LeafEnd.Hang, OnCancel = CancelBehavior.Ignore })), "x", null, ok));
        Assert.Throws<ArgumentException>(() => ScenarioWriter.Write(new TaskTree(new Group(new Leaf { Work = -1 })), "x", null, ok));
        Assert.Throws<ArgumentException>(() => ScenarioWriter.Write(leaf with { CancelAfter = -1 }, "x", null, ok));
        Assert.Throws<ArgumentException>(() => ScenarioWriter.Write(leaf, "x", null, new Dictionary<string, IReadOnlyList<string>>()));
        Assert.Throws<ArgumentException>(() => ScenarioWriter.Write(leaf, "x", null, new Dictionary<string, IReadOnlyList<string>> { ["when-all"] = ["fail-fast", "fail-fast"] }));
        Assert.Throws<ArgumentException>(() => ScenarioWriter.Write(leaf, "x", null, ok, new Dictionary<string, IReadOnlyList<string>> { ["when-all"] = [] }));
        Assert.Throws<ArgumentException>(() => ScenarioWriter.Write(leaf, "x", null, ok, new Dictionary<string, IReadOnlyList<string>> { ["when-all"] = ["fail-fast", "fail-fast"] }));
        Assert.Throws<ArgumentException>(() => ScenarioWriter.Write(leaf, "x", null, ok, new Dictionary<string, IReadOnlyList<string>> { [" "] = ["fail-fast"] }));
    }

    [Property(Arbitrary = [typeof(ScenarioArbitraries)], MaxTest = 300)]
    public void Write_then_parse_gives_the_same_scenario(Scenario scenario)
    {
        var text = ScenarioWriter.Write(scenario);
        var read = Parse(text);

        Assert.Equal(scenario, read);
        Assert.Equal(scenario.Tree, read.Tree);
        Assert.Equal(scenario.Tree.CancelAfter, read.Tree.CancelAfter);
        Assert.Equal(scenario.Tree.Seed, read.Tree.Seed);
        Assert.Equal(scenario.Expect.Keys, read.Expect.Keys);
        foreach (var (pattern, invariants) in scenario.Expect)
        {
            Assert.Equal(invariants, read.Expect[pattern]);
        }

        Assert.Equal(scenario.Found.Keys, read.Found.Keys);
        foreach (var (pattern, invariants) in scenario.Found)
        {
            Assert.Equal(invariants, read.Found[pattern]);
        }

        Assert.Equal(text, ScenarioWriter.Write(read));
    }
}
