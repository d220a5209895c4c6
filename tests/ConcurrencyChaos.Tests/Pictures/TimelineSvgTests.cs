using System.Globalization;
using System.Xml.Linq;
using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Reporting;
using ConcurrencyChaos.Runtime;
using Draw = ConcurrencyChaos.Pictures;

namespace ConcurrencyChaos.Tests.Pictures;

public class TimelineSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly Leaf FailIo = new() { Then = LeafEnd.Fail, Error = ErrorKind.IOException };
    private static readonly Leaf FailTimeout = new() { Then = LeafEnd.Fail, Error = ErrorKind.TimeoutException };

    [Fact]
    public void When_all_with_two_failing_leaves_marks_every_throw_and_exactly_one_lost_error()
    {
        var report = Chaos.Run(new TaskTree(new Group(FailIo, FailTimeout)), "when-all");
        var svg = Parse(Draw.TimelineSvg(report));

        var threw = report.Trace.Events.Where(e => e.Kind == TraceEventKind.Threw).ToList();
        Assert.Equal(2, threw.Count);
        var marks = Classed(svg, "fault").Concat(Classed(svg, "lost-fault")).ToList();
        Assert.Equal(threw.Select(e => e.NodeId).Order(), marks.Select(NodeOf).Order());

        var lost = threw.Where(e => !report.Trace.Root.ObservedErrors.Contains(e.Error!)).Select(e => e.NodeId).ToList();
        Assert.Single(lost);
        var lostMark = Assert.Single(Classed(svg, "lost-fault"));
        Assert.Equal(lost[0], NodeOf(lostMark));
        Assert.Contains("LOST", lostMark.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        Assert.Single(Classed(svg, "fault"));

        // Hovering a fault names the exception type.
        foreach (var mark in marks)
        {
            var error = threw.Single(e => e.NodeId == NodeOf(mark)).Error!;
            Assert.Contains(error.Kind.ToString(), mark.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        }

        // The lost error is listed below the plot too.
        var list = Assert.Single(Classed(svg, "lost-list"));
        Assert.Contains(lost[0], list.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_and_forget_draws_the_orphan_tail_after_its_group_ended()
    {
        var report = Chaos.Run(new TaskTree(new Group(new Leaf { Work = 1 })), "fire-and-forget");
        var svg = Parse(Draw.TimelineSvg(report));

        var tail = Assert.Single(Classed(svg, "orphan-tail"));
        Assert.Equal("0.0", NodeOf(tail));
        var rootEnd = Assert.Single(Classed(svg, "root-end"));
        var rootLineX = X(rootEnd.Element(Svg + "line")!, "x1");
        Assert.True(X(tail, "x") >= rootLineX - 0.05, "the tail starts where the group ended");
        Assert.Contains(Classed(svg, "row-note"), n => NodeOf(n) == "0.0" && n.Value.Contains("ORPHAN", StringComparison.Ordinal));
    }

    [Fact]
    public void Orphans_and_lost_errors_are_marked_whichever_invariants_the_run_was_checked_against()
    {
        // The marks are the judge's findings on every invariant; the title and the Violated list are the run's verdict.
        var tree = new TaskTree(new Group(FailIo with { Work = 10 }, new Leaf { Work = 5 }));
        var checkedAll = Parse(Draw.TimelineSvg(Chaos.Run(tree, "fire-and-forget")));
        var terminatesOnly = Chaos.Run(tree, "fire-and-forget", invariants: ["terminates"]);
        Assert.True(terminatesOnly.Passed);
        var svg = Parse(Draw.TimelineSvg(terminatesOnly));

        Assert.Equal(["0.0", "0.1"], Classed(svg, "orphan-tail").Select(NodeOf));
        Assert.Equal(["0.0"], Classed(svg, "lost-fault").Select(NodeOf));
        Assert.Equal(Classed(checkedAll, "orphan-tail").Select(NodeOf), Classed(svg, "orphan-tail").Select(NodeOf));
        Assert.Contains("every checked invariant held", svg.Root!.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        Assert.Empty(Classed(svg, "violations"));
        Assert.Contains("broke errors-observed, no-orphans", checkedAll.Root!.Element(Svg + "title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_timeline_marks_only_what_it_is_given_and_decides_nothing_itself()
    {
        var report = Chaos.Run(new TaskTree(new Group(new Leaf { Work = 1 })), "fire-and-forget");
        Assert.Contains(report.Violations, v => v.Finding is OrphanFinding);

        var unjudged = Parse(TimelineDrawing.Render(new ReportedRun(report.Tree, report.Trace, report.PatternName, [])));
        Assert.Empty(Classed(unjudged, "orphan-tail"));
        Assert.DoesNotContain(Classed(unjudged, "row-note"), n => n.Value.Contains("ORPHAN", StringComparison.Ordinal));
    }

    [Fact]
    public void A_caller_cancel_draws_a_dashed_line_and_a_marker_per_cancelled_token()
    {
        var tree = new TaskTree(
            new Group(new Leaf { Then = LeafEnd.Hang }, new Group(new Leaf { Then = LeafEnd.Hang }, new Leaf { Work = 2 }) { Pattern = "when-all" }),
            CancelAfter: 5);
        var report = Chaos.Run(tree, "when-all");
        var svg = Parse(Draw.TimelineSvg(report));

        var line = Assert.Single(Classed(svg, "caller-cancel"));
        Assert.Equal("5,3", line.Element(Svg + "line")!.Attribute("stroke-dasharray")!.Value.Replace(' ', ','));
        var cancelled = report.Trace.Nodes.Values.Where(n => n.TokenCancelled is not null).Select(n => n.NodeId).Order().ToList();
        Assert.Contains("0.0", cancelled);
        Assert.Contains("0.1.0", cancelled);
        Assert.Equal(cancelled, Classed(svg, "token-cancelled").Select(NodeOf).Order());
    }

    [Fact]
    public void No_caller_cancel_means_no_cancel_line()
    {
        var report = Chaos.Run(new TaskTree(new Group(FailIo, FailTimeout)), "when-all");
        var svg = Parse(Draw.TimelineSvg(report));
        Assert.Empty(Classed(svg, "caller-cancel"));
        Assert.Empty(Classed(svg, "token-cancelled"));
    }

    [Fact]
    public void The_root_end_line_says_what_the_callers_await_saw()
    {
        var report = Chaos.Run(new TaskTree(new Group(FailIo, FailTimeout)), "when-all");
        var svg = Parse(Draw.TimelineSvg(report));

        var rootEnd = Assert.Single(Classed(svg, "root-end"));
        Assert.Equal("0", NodeOf(rootEnd));
        Assert.Contains("await threw", rootEnd.Value, StringComparison.Ordinal);
        Assert.Contains(report.Trace.Root.Exception!, rootEnd.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_root_that_never_ends_gets_open_bars_and_no_root_end_line()
    {
        var report = Chaos.Run(new TaskTree(new Group(new Leaf { Then = LeafEnd.Hang })), "when-all");
        Assert.Null(report.Trace.Root.Outcome);
        var svg = Parse(Draw.TimelineSvg(report));

        Assert.Empty(Classed(svg, "root-end"));
        Assert.Equal(["0", "0.0"], Classed(svg, "open-end").Select(NodeOf).Order());
        Assert.All(Classed(svg, "bar"), bar => Assert.Contains("open", Classes(bar)));
    }

    [Fact]
    public void Every_node_gets_a_labelled_row_in_pre_order_and_a_bar_when_it_started()
    {
        var report = PictureSamples.Everything();
        var svg = Parse(Draw.TimelineSvg(report));

        var ids = report.Tree.Entries().Select(e => e.Id).ToList();
        var labels = Classed(svg, "node-label").ToList();
        Assert.Equal(ids, labels.Select(NodeOf));
        Assert.Equal(ids, Classed(svg, "bar").Select(NodeOf));
        Assert.Contains("when-all", labels.Single(l => NodeOf(l) == "0.2").Value, StringComparison.Ordinal);
        Assert.Contains("fail IOException", labels.Single(l => NodeOf(l) == "0.0").Value, StringComparison.Ordinal);

        // Rows go down the page in pre-order.
        var ys = labels.Select(l => X(l, "y")).ToList();
        Assert.Equal(ys.Order(), ys);
    }

    [Fact]
    public void The_legend_explains_every_mark()
    {
        var svg = Parse(Draw.TimelineSvg(PictureSamples.Everything()));
        var legend = Assert.Single(Classed(svg, "legend"));
        var text = legend.Value;
        foreach (var words in new[] { "completed", "faulted", "canceled", "never ended", "ORPHAN", "LOST", "token was cancelled", "caller cancelled", "root ended", "instant" })
        {
            Assert.Contains(words, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_one_leaf_tree_renders()
    {
        var report = Chaos.Run(new TaskTree(new Group(new Leaf())), "when-all");
        var svg = Parse(Draw.TimelineSvg(report));

        Assert.Equal(["0", "0.0"], Classed(svg, "bar").Select(NodeOf));
        Assert.Single(Classed(svg, "root-end"));
        Assert.Empty(Classed(svg, "orphan-tail"));
        Assert.Empty(Classed(svg, "fault"));
        Assert.Contains("every checked invariant held", svg.Root!.Element(Svg + "title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_run_gives_the_same_bytes_in_any_culture()
    {
        var first = Draw.TimelineSvg(PictureSamples.Everything());
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(first, Draw.TimelineSvg(PictureSamples.Everything()));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.DoesNotContain("<script", first, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href", first, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_counterexample_draws_its_minimal_run()
    {
        var counterexample = PictureSamples.WhenAllLostError();
        var svg = Parse(Draw.TimelineSvg(counterexample));
        Assert.Equal(counterexample.Tree.NodeCount, Classed(svg, "node-label").Count());
        Assert.Single(Classed(svg, "lost-fault"));
    }

    internal static XDocument Parse(string svg)
    {
        var doc = XDocument.Parse(svg);
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        return doc;
    }

    private static IEnumerable<XElement> Classed(XDocument doc, string name) =>
        doc.Descendants().Where(e => Classes(e).Contains(name));

    private static string[] Classes(XElement e) => (e.Attribute("class")?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string NodeOf(XElement e) => e.Attribute("data-node")?.Value ?? throw new InvalidOperationException($"{e.Name} has no data-node");

    private static double X(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);
}
