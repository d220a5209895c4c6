using ConcurrencyChaos.Model;
using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos.Tests.Scenarios;

public sealed class ScenarioTests
{
    private static readonly TaskTree Tree = new(new Group(new Leaf { Work = 3 }));

    [Fact]
    public void Expect_is_a_frozen_copy_in_ordinal_order()
    {
        var invariants = new List<string> { "terminates" };
        var expect = new Dictionary<string, IReadOnlyList<string>> { ["when-all"] = invariants, ["async-void"] = [] };

        var scenario = new Scenario("x", null, Tree, expect);
        invariants.Add("fail-fast");
        expect["supervisor"] = [];

        Assert.Equal(["async-void", "when-all"], scenario.Expect.Keys);
        Assert.Equal(["terminates"], scenario.Expect["when-all"]);
    }

    [Fact]
    public void Equality_is_structural_and_ignores_the_source_path()
    {
        var a = new Scenario("x", "about", Tree, new Dictionary<string, IReadOnlyList<string>> { ["when-all"] = ["fail-fast", "no-orphans"] });
        var b = new Scenario("x", "about", new TaskTree(new Group(new Leaf { Work = 3 })), new Dictionary<string, IReadOnlyList<string>> { ["when-all"] = ["fail-fast", "no-orphans"] }, "scenarios/x.json");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { About = null });
        Assert.NotEqual(a, b with { Tree = Tree with { Seed = 1 } });
        Assert.NotEqual(a, b with { Expect = new Dictionary<string, IReadOnlyList<string>> { ["when-all"] = ["no-orphans", "fail-fast"] } });
        Assert.NotEqual(a, b with { Expect = new Dictionary<string, IReadOnlyList<string>> { ["when-all"] = ["fail-fast", "no-orphans"], ["when-any"] = [] } });
        Assert.NotEqual(a, b with { Found = new Dictionary<string, IReadOnlyList<string>> { ["when-all"] = ["fail-fast"] } });
    }

    [Fact]
    public void Found_is_empty_unless_given_and_a_frozen_copy_in_ordinal_order()
    {
        var invariants = new List<string> { "fail-fast" };
        var found = new Dictionary<string, IReadOnlyList<string>> { ["when-all"] = invariants, ["await-in-turn"] = ["no-orphans"] };
        var plain = new Scenario("x", null, Tree, new Dictionary<string, IReadOnlyList<string>> { ["when-all"] = [] });

        var kept = plain with { Found = found };
        invariants.Add("terminates");

        Assert.Empty(plain.Found);
        Assert.Equal(["await-in-turn", "when-all"], kept.Found.Keys);
        Assert.Equal(["fail-fast"], kept.Found["when-all"]);
        Assert.Equal(kept, plain with { Found = new Dictionary<string, IReadOnlyList<string>> { ["await-in-turn"] = ["no-orphans"], ["when-all"] = ["fail-fast"] } });
        Assert.Equal(kept.GetHashCode(), (plain with { Found = kept.Found }).GetHashCode());
        Assert.Throws<ArgumentNullException>(() => plain with { Found = null! });
    }

    [Fact]
    public void Null_parts_are_refused()
    {
        var expect = new Dictionary<string, IReadOnlyList<string>>();

        Assert.Throws<ArgumentNullException>(() => new Scenario(null!, null, Tree, expect));
        Assert.Throws<ArgumentNullException>(() => new Scenario("x", null, null!, expect));
        Assert.Throws<ArgumentNullException>(() => new Scenario("x", null, Tree, null!));
        Assert.Throws<ArgumentNullException>(() => new Scenario("x", null, Tree, expect) with { Name = null! });
    }
}
