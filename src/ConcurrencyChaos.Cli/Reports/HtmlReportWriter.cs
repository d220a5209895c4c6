using System.Net;
using System.Text;

namespace ConcurrencyChaos.Cli.Reports;

/// <summary>
/// <c>--report html FILE</c>: for a search that found a counterexample, the full picture report
/// (violations, tree, timeline, scenario JSON, xunit test); otherwise a page listing the cases.
/// </summary>
internal static class HtmlReportWriter
{
    public static void Write(Report report, string file)
    {
        if (report.Cases is [{ Found: { } counterexample }])
        {
            File.WriteAllText(file, Pictures.HtmlReport(counterexample));
            return;
        }

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>chaos ")
            .Append(WebUtility.HtmlEncode(report.Command))
            .Append("</title><style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;text-align:left;vertical-align:top}")
            .Append(".pass{color:#1a7f37}.fail{color:#cf222e}pre{white-space:pre-wrap;margin:0}</style></head><body>\n")
            .Append("<h1>chaos ").Append(WebUtility.HtmlEncode(report.Command)).Append(": ")
            .Append(report.PassedCount).Append(" passed, ").Append(report.FailedCount).Append(" failed")
            .Append(report.Cancelled ? " (cancelled)" : "").Append("</h1>\n<table><tr><th></th><th>case</th><th>pattern</th><th>what happened</th></tr>\n");
        foreach (var c in report.Cases)
        {
            html.Append("<tr><td class=\"").Append(c.Passed ? "pass\">✓" : "fail\">✗").Append("</td><td>")
                .Append(WebUtility.HtmlEncode(c.Suite)).Append("</td><td>").Append(WebUtility.HtmlEncode(c.Pattern))
                .Append("</td><td><pre>").Append(WebUtility.HtmlEncode(c.Description)).Append("</pre></td></tr>\n");
        }

        html.Append("</table>\n");
        foreach (var c in report.Cases.Where(c => c.Found is not null))
        {
            html.Append("<h2>").Append(WebUtility.HtmlEncode(c.Pattern)).Append("</h2>\n").Append(Pictures.TimelineSvg(c.Found!)).Append('\n');
        }

        html.Append("</body></html>\n");
        File.WriteAllText(file, html.ToString());
    }
}
