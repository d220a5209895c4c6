using System.Globalization;
using System.Text;
using ConcurrencyChaos.Model;
using static ConcurrencyChaos.Reporting.HtmlText;

namespace ConcurrencyChaos.Reporting;

/// <summary>
/// A pattern × invariant table as one self-contained HTML page: green where the pattern held, a link
/// where it broke the invariant to that cell's minimal counterexample further down the page.
/// </summary>
internal static class HtmlMatrixPage
{
    /// <summary>The page for these rows; invariants come in the order of <paramref name="rules"/>, unknown ones after, by id.</summary>
    public static string Render(IReadOnlyList<ReportedMatrixRow> rows, IReadOnlyList<InvariantRule> rules, IReadOnlyList<string>? columns = null)
    {
        var order = rules.Select(r => r.Id).ToList();
        var invariants = columns?.ToList() ?? rows.SelectMany(r => r.ByInvariant.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(id => order.Contains(id) ? order.IndexOf(id) : int.MaxValue)
            .ThenBy(id => id, StringComparer.Ordinal)
            .ToList();

        // One section per distinct counterexample; cells sharing one link to the same section.
        var sections = new List<(string Anchor, ReportedMatrixRow Row, ReportedCounterexample Counterexample)>();
        var anchorOf = new Dictionary<ReportedCounterexample, string>(ReferenceEqualityComparer.Instance);
        foreach (var row in rows)
        {
            foreach (var id in invariants)
            {
                if (row.ByInvariant.TryGetValue(id, out var found) && found is not null && !anchorOf.ContainsKey(found))
                {
                    var anchor = "cx-" + Anchor(row.PatternId, id);
                    anchorOf[found] = anchor;
                    sections.Add((anchor, row, found));
                }
            }
        }

        var broken = rows.Count(r => r.ByInvariant.Values.Any(c => c is not null));
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta charset="utf-8"/>
            <title>ConcurrencyChaos: patterns × invariants</title>
            <style>
            {HtmlReportPage.Css}
            </style>
            </head>
            <body>
            <h1 class="title">Patterns × invariants</h1>
            <p class="figures">{rows.Count} patterns, {invariants.Count} invariants; {broken} patterns broke at least one. Each failing cell links to its minimal counterexample.</p>
            <table class="matrix">
            <thead><tr><th>pattern</th>
            """);
        foreach (var id in invariants)
        {
            var rule = rules.FirstOrDefault(r => r.Id == id)?.Summary ?? id;
            html.Append(CultureInfo.InvariantCulture, $"<th title=\"{Escape(rule)}\">{Escape(id)}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr data-pattern=\"{Escape(row.PatternId)}\"><th class=\"pattern\">{Escape(row.PatternId)}{(row.IsStructured ? "<span class=\"structured\">structured</span>" : "")}</th>");
            foreach (var id in invariants)
            {
                if (!row.ByInvariant.TryGetValue(id, out var found))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td class=\"unchecked\" data-invariant=\"{Escape(id)}\">—</td>");
                }
                else if (found is null)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td class=\"held\" data-invariant=\"{Escape(id)}\">✓ held</td>");
                }
                else
                {
                    html.Append(CultureInfo.InvariantCulture,
                        $"<td class=\"broke\" data-invariant=\"{Escape(id)}\"><a href=\"#{anchorOf[found]}\">✗ broke ({found.Tree.NodeCount} nodes)</a></td>");
                }
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p class=\"figures\">✓ held on every tree searched · ✗ broke: links to the minimal counterexample · — not checked</p>\n");
        foreach (var (anchor, row, counterexample) in sections)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<section class=\"counterexample\" id=\"{anchor}\">\n<h2>{Escape(HtmlReportPage.Title(counterexample))}</h2>\n");
            HtmlReportPage.Body(html, counterexample, rules, 3, anchor + "-");
            html.Append("</section>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
