using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ConcurrencyChaos.Cli.Reports;

/// <summary>
/// JUnit XML as CI servers read it: one <c>testsuite</c> per command, one <c>testcase classname="scenario"
/// name="pattern"</c> per case, a <c>failure</c> whose message is the first line of the description and
/// whose text is the whole description (and the counterexample, for a search).
/// </summary>
internal static class JUnitReportWriter
{
    public static XDocument Render(Report report)
    {
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", $"chaos {report.Command}"),
            new XAttribute("tests", report.Cases.Count),
            new XAttribute("failures", report.FailedCount),
            new XAttribute("errors", 0),
            new XAttribute("skipped", 0),
            new XAttribute("time", Seconds(report.Elapsed)));
        if (report.Cancelled)
        {
            suite.Add(new XElement("properties", new XElement("property", new XAttribute("name", "cancelled"), new XAttribute("value", "true"))));
        }

        foreach (var c in report.Cases)
        {
            var testcase = new XElement(
                "testcase",
                new XAttribute("classname", c.Suite),
                new XAttribute("name", c.Pattern),
                new XAttribute("time", Seconds(c.Time)));
            if (c.File is not null)
            {
                testcase.Add(new XAttribute("file", c.File));
            }

            if (!c.Passed)
            {
                var text = c.Counterexample is null ? c.Description : c.Description + "\n\n" + c.Counterexample;
                testcase.Add(new XElement("failure", new XAttribute("message", FirstLine(c.Description)), new XAttribute("type", "ConcurrencyChaos"), text));
            }
            else
            {
                testcase.Add(new XElement("system-out", c.Description));
            }

            suite.Add(testcase);
        }

        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite));
    }

    /// <summary>Writes the report as UTF-8 without a byte order mark (some CI readers choke on one).</summary>
    public static void Write(Report report, string path)
    {
        using var stream = File.Create(path);
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), Indent = true });
        Render(report).Save(writer);
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}
