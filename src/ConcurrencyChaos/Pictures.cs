using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Reporting;

namespace ConcurrencyChaos;

/// <summary>
/// Failure pictures: a run drawn as an SVG timeline, and a counterexample (or a whole pattern ×
/// invariant matrix) as one self-contained HTML page. Every picture is plain text with no scripts
/// and no external assets, and the same input always gives the same string.
/// </summary>
public static class Pictures
{
    /// <summary>
    /// The run as an SVG timeline: one row per node in tree pre-order, a bar from start to end in
    /// virtual time, a ✕ per injected error (hollow when the error was lost), a marker where a node's
    /// token was cancelled, a dashed line where the caller cancelled, a solid line where the root ended
    /// (labelled with what the caller's await saw), each orphan's tail after its group ended, and a legend.
    /// </summary>
    /// <param name="report">The run to draw.</param>
    /// <returns>An SVG document.</returns>
    public static string TimelineSvg(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return TimelineDrawing.Render(ReportInputs.Drawn(report));
    }

    /// <summary>The minimal tree's run of <paramref name="counterexample"/> as an SVG timeline (see <see cref="TimelineSvg(RunReport)"/>).</summary>
    /// <param name="counterexample">The counterexample to draw.</param>
    /// <returns>An SVG document.</returns>
    public static string TimelineSvg(Counterexample counterexample)
    {
        ArgumentNullException.ThrowIfNull(counterexample);
        return TimelineSvg(counterexample.Report);
    }

    /// <summary>
    /// The counterexample as one self-contained HTML page: the violated invariants in plain words, the
    /// tree, the timeline, the scenario JSON and the xunit test to paste, the seed and shrink figures and
    /// any runtime diagnostics.
    /// </summary>
    /// <param name="counterexample">The counterexample to report.</param>
    /// <returns>An HTML document.</returns>
    public static string HtmlReport(Counterexample counterexample)
    {
        ArgumentNullException.ThrowIfNull(counterexample);
        return HtmlReportPage.Render(ReportInputs.Drawn(counterexample), InvariantCatalog.Rules);
    }

    /// <summary>
    /// A pattern × invariant table (for <c>chaos patterns</c>) as one self-contained HTML page; each
    /// failing cell links to that cell's minimal counterexample further down the page.
    /// </summary>
    /// <param name="rows">One row per pattern.</param>
    /// <param name="invariants">
    /// The columns, in order; by default every invariant some row checked. Give them all to draw a column that no
    /// row checked (e.g. cells never searched because the search was cancelled) as "—" rather than leave it out.
    /// </param>
    /// <returns>An HTML document.</returns>
    public static string HtmlMatrix(IReadOnlyList<MatrixRow> rows, IReadOnlyList<string>? invariants = null)
    {
        ArgumentNullException.ThrowIfNull(rows);

        // One reported counterexample per counterexample, so that cells sharing one still share one section.
        var reported = new Dictionary<Counterexample, ReportedCounterexample>(ReferenceEqualityComparer.Instance);
        return HtmlMatrixPage.Render(
            [
                .. rows.Select(row => new ReportedMatrixRow(
                    row.PatternId,
                    row.IsStructured,
                    row.ByInvariant.ToDictionary(
                        cell => cell.Key,
                        cell => cell.Value is { } found ? reported.TryGetValue(found, out var r) ? r : reported[found] = ReportInputs.Drawn(found) : null,
                        StringComparer.Ordinal))),
            ],
            InvariantCatalog.Rules,
            invariants);
    }
}
