using ConcurrencyChaos.Model;
using Draw = ConcurrencyChaos.Pictures;

namespace ConcurrencyChaos.Tests.Pictures;

/// <summary>
/// The real counterexamples the example pictures in docs/pictures/ are drawn from. Set
/// CHAOS_WRITE_PICTURES to the repository root to (re)write the SVG and HTML files there.
/// </summary>
public class PictureSamples
{
    /// <summary>when-all on two failing leaves: await throws the first error, the second is LOST.</summary>
    public static Counterexample WhenAllLostError() =>
        Chaos.Check("when-all", new ChaosOptions { Seed = 1, Invariants = ["errors-observed"] }).Counterexample
        ?? throw new InvalidOperationException("when-all held errors-observed");

    /// <summary>fire-and-forget: the root returns at once while its child still runs (an orphan).</summary>
    public static Counterexample FireAndForgetOrphan() =>
        Chaos.Check("fire-and-forget", new ChaosOptions { Seed = 1, Invariants = ["no-orphans"] }).Counterexample
        ?? throw new InvalidOperationException("fire-and-forget held no-orphans");

    /// <summary>A hand-made 6-node tree under fire-and-forget with a nested when-all and a caller cancel: every kind of mark at once.</summary>
    public static RunReport Everything() => Chaos.Run(
        new TaskTree(
            new Group(
                new Leaf { Work = 10, Then = LeafEnd.Fail, Error = ErrorKind.IOException },
                new Leaf { Work = 30, Then = LeafEnd.Hang },
                new Group(new Leaf { Work = 5 }, new Leaf { Work = 50 }) { Pattern = "when-all" }),
            CancelAfter: 20),
        "fire-and-forget");

    [Fact]
    public void Writes_the_example_pictures_when_asked()
    {
        var root = Environment.GetEnvironmentVariable("CHAOS_WRITE_PICTURES");
        var whenAll = WhenAllLostError();
        var orphan = FireAndForgetOrphan();
        Assert.Contains(whenAll.Violations, v => v.Invariant == "errors-observed");
        Assert.Contains(orphan.Violations, v => v.Invariant == "no-orphans");
        if (string.IsNullOrEmpty(root))
        {
            return;
        }

        var dir = Path.Combine(root, "docs", "pictures");
        Directory.CreateDirectory(dir);
        // The README's two timelines come from the chaos command itself (see docs/pictures.md).
        File.WriteAllText(Path.Combine(dir, "when-all-lost-error.html"), Draw.HtmlReport(whenAll));
        File.WriteAllText(Path.Combine(dir, "fire-and-forget-nested.svg"), Draw.TimelineSvg(Everything()));
    }
}
