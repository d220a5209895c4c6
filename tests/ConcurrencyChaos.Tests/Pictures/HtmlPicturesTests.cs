using System.Xml;
using System.Xml.Linq;
using ConcurrencyChaos.Reporting;
using Draw = ConcurrencyChaos.Pictures;

namespace ConcurrencyChaos.Tests.Pictures;

public class HtmlPicturesTests
{
    private static readonly XNamespace Html = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_report_holds_violations_tree_timeline_json_and_test_escaped()
    {
        var counterexample = PictureSamples.WhenAllLostError();
        var html = Draw.HtmlReport(counterexample);
        var doc = Parse(html);
        var body = doc.Descendants(Html + "body").Single();

        Assert.Contains("when-all broke errors-observed", doc.Descendants(Html + "title").Single().Value, StringComparison.Ordinal);
        foreach (var v in counterexample.Violations)
        {
            Assert.Contains(v.Message, body.Value, StringComparison.Ordinal);
        }

        // The JSON and the test read back exactly, and were escaped on the way in.
        Assert.Equal(counterexample.ScenarioJson, Section(doc, "scenario").Descendants(Html + "code").Single().Value);
        Assert.Equal(CounterexampleText.XunitTest(ReportInputs.Of(counterexample)), Section(doc, "test").Descendants(Html + "code").Single().Value);
        Assert.Contains("&quot;name&quot;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"name\"", html, StringComparison.Ordinal);
        Assert.Contains(TreeText.Render(counterexample.Tree, counterexample.Trace, counterexample.PatternName), body.Value, StringComparison.Ordinal);

        // The timeline is inline, and figures are there.
        Assert.Single(Section(doc, "timeline").Descendants(Svg + "svg"));
        Assert.Contains($"search seed {counterexample.Seed}", body.Value, StringComparison.Ordinal);
        Assert.Contains($"in {counterexample.ShrinkSteps} steps", body.Value, StringComparison.Ordinal);
        Assert.NotNull(Section(doc, "diagnostics"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_is_deterministic()
    {
        Assert.Equal(Draw.HtmlReport(PictureSamples.FireAndForgetOrphan()), Draw.HtmlReport(PictureSamples.FireAndForgetOrphan()));
    }

    [Fact]
    public void The_matrix_links_each_failing_cell_to_its_counterexample()
    {
        var orphan = PictureSamples.FireAndForgetOrphan();
        var lost = PictureSamples.WhenAllLostError();
        var rows = new List<MatrixRow>
        {
            new("when-all", false, new Dictionary<string, Counterexample?> { ["errors-observed"] = lost, ["no-orphans"] = null }),
            new("fire-and-forget", false, new Dictionary<string, Counterexample?> { ["no-orphans"] = orphan, ["errors-observed"] = null }),
            new("task-group", true, new Dictionary<string, Counterexample?> { ["errors-observed"] = null }),
            new("<mine & yours>", false, new Dictionary<string, Counterexample?>()),
        };
        var html = Draw.HtmlMatrix(rows);
        var doc = Parse(html);

        var header = doc.Descendants(Html + "thead").Single().Descendants(Html + "th").Select(th => th.Value).ToList();
        Assert.Equal(["pattern", "errors-observed", "no-orphans"], header);

        var links = doc.Descendants(Html + "td").Where(td => td.Attribute("class")?.Value == "broke")
            .Select(td => td.Element(Html + "a")!.Attribute("href")!.Value).ToList();
        Assert.Equal(2, links.Count);
        foreach (var link in links)
        {
            Assert.StartsWith("#", link, StringComparison.Ordinal);
            var target = doc.Descendants().Single(e => e.Attribute("id")?.Value == link[1..]);
            Assert.Single(target.Descendants(Svg + "svg"));
        }

        Assert.Equal(3, doc.Descendants(Html + "td").Count(td => td.Attribute("class")?.Value == "held"));
        Assert.Contains(doc.Descendants(Html + "td"), td => td.Attribute("class")?.Value == "unchecked");
        Assert.Contains("&lt;mine &amp; yours&gt;", html, StringComparison.Ordinal);
        Assert.Contains(doc.Descendants(Html + "th"), th => th.Value == "<mine & yours>");
        Assert.Contains(doc.Descendants(Html + "th"), th => th.Value.Contains("task-group", StringComparison.Ordinal) && th.Value.Contains("structured", StringComparison.Ordinal));

        // Every id on the page is unique, so every link has one target.
        var ids = doc.Descendants().Select(e => e.Attribute("id")?.Value).OfType<string>().ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    private static XElement Section(XDocument doc, string idSuffix) =>
        doc.Descendants(Html + "section").Single(s => s.Attribute("id")!.Value.EndsWith(idSuffix, StringComparison.Ordinal));

    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }
}
