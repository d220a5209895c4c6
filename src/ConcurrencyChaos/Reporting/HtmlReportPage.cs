using System.Globalization;
using System.Text;
using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using static ConcurrencyChaos.Reporting.HtmlText;

namespace ConcurrencyChaos.Reporting;

/// <summary>
/// A counterexample as one self-contained HTML page (inline CSS, inline SVG, no scripts). The page is
/// also well-formed XML, so tools and tests can read it with an XML parser.
/// </summary>
internal static class HtmlReportPage
{
    /// <summary>The page's style sheet, shared with the matrix page.</summary>
    public const string Css = """
        body { font-family: sans-serif; margin: 2em auto; max-width: 1040px; padding: 0 1em; color: #222; line-height: 1.4; }
        h1 { font-size: 1.5em; margin-bottom: 0.2em; }
        h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
        h3 { font-size: 1em; margin-top: 1.2em; }
        .figures { color: #555; margin-top: 0; }
        .invariant { font-weight: bold; color: #b00020; }
        .rule { color: #555; }
        pre { background: #f6f8fa; border: 1px solid #e1e4e8; border-radius: 4px; padding: 0.8em; overflow-x: auto; font-size: 0.9em; }
        .timeline { overflow-x: auto; border: 1px solid #e1e4e8; border-radius: 4px; }
        .warning { color: #8a6d00; background: #fff8e1; padding: 0.5em 0.8em; border-radius: 4px; }
        table.matrix { border-collapse: collapse; margin: 1em 0; }
        table.matrix th, table.matrix td { border: 1px solid #ccc; padding: 0.35em 0.7em; text-align: center; }
        table.matrix th.pattern { text-align: left; font-family: monospace; }
        td.held { background: #e6f4ea; color: #1e7b34; }
        td.broke { background: #fdecea; }
        td.broke a { color: #b00020; font-weight: bold; }
        td.unchecked { color: #999; }
        .structured { font-size: 0.75em; color: #1e7b34; border: 1px solid #1e7b34; border-radius: 3px; padding: 0 0.3em; margin-left: 0.4em; font-family: sans-serif; }
        pre.scenario { white-space: pre-wrap; overflow-wrap: anywhere; }
        .counterexample { border-top: 3px solid #eee; margin-top: 2.5em; }
        """;

    public static string Render(Counterexample counterexample)
    {
        var title = Title(counterexample);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta charset="utf-8"/>
            <title>ConcurrencyChaos: {Escape(title)}</title>
            <style>
            {Css}
            </style>
            </head>
            <body>
            <h1 class="title">{Escape(title)}</h1>

            """);
        Body(html, counterexample, 2, "");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>"when-all broke errors-observed, fail-fast".</summary>
    public static string Title(Counterexample counterexample) =>
        $"{counterexample.PatternName} broke {string.Join(", ", counterexample.Violations.Select(v => v.Invariant).Distinct())}";

    /// <summary>Everything but the page's frame and title, with headings at <paramref name="level"/> and ids prefixed by <paramref name="idPrefix"/>.</summary>
    public static void Body(StringBuilder html, Counterexample counterexample, int level, string idPrefix)
    {
        var h = string.Create(CultureInfo.InvariantCulture, $"h{level}");
        var replay = counterexample.IsDeterministic
            ? "replayed: same trace"
            : "NOT reproducible: the run left the runtime's control (real-time mode, or an escape: see diagnostics), so the same seed may find another counterexample";
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"figures\">Pattern <code>{Escape(counterexample.PatternName)}</code> · search seed <b>{counterexample.Seed}</b> · shrunk from {counterexample.OriginalNodeCount} to {counterexample.NodeCount} nodes in {counterexample.ShrinkSteps} steps · {Escape(replay)}</p>\n");

        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{idPrefix}violations\">\n<{h}>What went wrong</{h}>\n<ul>\n");
        foreach (var group in counterexample.Violations.GroupBy(v => v.Invariant))
        {
            var rule = InvariantCatalog.Contains(group.Key) ? InvariantCatalog.Describe(group.Key) : "";
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"invariant\">{Escape(group.Key)}</span> <span class=\"rule\">— {Escape(rule)}</span>\n<ul>\n");
            foreach (var v in group)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"violation\">{Escape(v.Message)}</li>\n");
            }

            html.Append("</ul></li>\n");
        }

        html.Append("</ul>\n</section>\n");

        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{idPrefix}tree\">\n<{h}>The minimal tree</{h}>\n<pre class=\"tree\">{Escape(TreeText.Render(counterexample.Tree, counterexample.Trace, counterexample.PatternName))}</pre>\n</section>\n");
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{idPrefix}timeline\">\n<{h}>Timeline</{h}>\n<div class=\"timeline\">\n{Pictures.TimelineSvg(counterexample)}</div>\n</section>\n");

        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{idPrefix}diagnostics\">\n<{h}>Diagnostics</{h}>\n");
        if (counterexample.Trace.Diagnostics.Count == 0)
        {
            html.Append("<p>None: the run stayed under the deterministic runtime's control.</p>\n");
        }
        else
        {
            html.Append("<ul class=\"warning\">\n");
            foreach (var d in counterexample.Trace.Diagnostics)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"diagnostic\">{Escape(d.ToString())}</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"figures\">Run status: {Escape(counterexample.Trace.Status.ToString())} at {Escape(Ms(counterexample.Trace.EndTime))} after {counterexample.Trace.Steps} steps.</p>\n</section>\n");

        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{idPrefix}test\">\n<{h}>Replay it: an xunit test to paste</{h}>\n<pre class=\"xunit\"><code>{Escape(CounterexampleText.XunitTest(counterexample))}</code></pre>\n</section>\n");
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{idPrefix}scenario\">\n<{h}>Keep it: a scenario file for scenarios/found/</{h}>\n<pre class=\"scenario\"><code>{Escape(counterexample.ScenarioJson)}</code></pre>\n</section>\n");
    }
}
