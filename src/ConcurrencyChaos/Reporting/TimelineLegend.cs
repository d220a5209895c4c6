using System.Globalization;
using System.Text;
using static ConcurrencyChaos.Reporting.HtmlText;
using static ConcurrencyChaos.Reporting.TimelineStyle;

namespace ConcurrencyChaos.Reporting;

/// <summary>The timeline's legend: every kind of mark with what it means, in two columns.</summary>
internal static class TimelineLegend
{
    /// <summary>Draws the legend with its heading at <paramref name="y"/>; returns where it ends.</summary>
    public static double Draw(StringBuilder svg, double y)
    {
        var items = new (string Mark, string Text)[]
        {
            (Swatch(Completed) + Swatch(Faulted, 16) + Swatch(Canceled, 32), "a node's life, start to end: completed / faulted / canceled"),
            ($"<rect x=\"0\" y=\"-6\" width=\"28\" height=\"12\" fill=\"{Running}\"/><path d=\"M30 -8 L37 0 L30 8\" fill=\"none\" stroke=\"{Ink}\" stroke-width=\"2\"/>", "never ended: the bar runs to the end of the run"),
            ($"<rect x=\"0\" y=\"-6\" width=\"12\" height=\"12\" fill=\"{Completed}\" stroke=\"#4d4d4d\"/><rect x=\"16\" y=\"-6\" width=\"12\" height=\"12\" rx=\"2\" fill=\"{Completed}\"/>", "group (square, outlined) / leaf"),
            ($"<rect x=\"0\" y=\"-6\" width=\"10\" height=\"12\" fill=\"{Completed}\"/><rect x=\"10\" y=\"-7\" width=\"26\" height=\"14\" fill=\"{Orange}\" stroke=\"#c45500\"/>", "ORPHAN tail: still running after its group ended (its end keeps the outcome colour)"),
            ($"<g transform=\"translate(14 0)\">{Cross(7, 2, Red, "#8b0000", 0.8)}</g>", "threw an injected error: the caller saw it, or is still waiting (hover: type)"),
            ($"<g transform=\"translate(14 0)\">{Cross(8, 2.6, "#ffffff", Red, 1.8)}</g>", "LOST error: thrown, never reached the caller's await"),
            ($"<rect x=\"0\" y=\"-2\" width=\"28\" height=\"8\" fill=\"{Completed}\"/><path d=\"M9 -9 L19 -9 L14 -1 Z\" fill=\"#f2b600\" stroke=\"{Amber}\"/>", "the node's cancellation token was cancelled"),
            ($"<line x1=\"14\" y1=\"-9\" x2=\"14\" y2=\"9\" stroke=\"{Amber}\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>", "the caller cancelled its token"),
            ($"<line x1=\"14\" y1=\"-9\" x2=\"14\" y2=\"9\" stroke=\"{Ink}\" stroke-width=\"2\"/>", "the root ended: what the caller's await saw"),
            ("<rect x=\"0\" y=\"-9\" width=\"36\" height=\"18\" fill=\"#e8eef5\"/><line x1=\"0\" y1=\"8\" x2=\"36\" y2=\"8\" stroke=\"#6c8ebf\" stroke-width=\"3\"/>", "one instant: same virtual ms, events in order"),
        };
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"legend\"><text x=\"{N(Margin)}\" y=\"{N(y)}\" font-weight=\"bold\" fill=\"{Ink}\">Legend</text>");
        y += 8;
        const double columnWidth = (Width - (2 * Margin)) / 2;
        for (var i = 0; i < items.Length; i++)
        {
            var x = Margin + ((i % 2) * columnWidth);
            var rowY = y + 14 + ((i / 2) * 22);
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"legend-item\" transform=\"translate({N(x)} {N(rowY)})\">{items[i].Mark}<text x=\"52\" y=\"4\" font-size=\"11\" fill=\"{Ink}\">{Escape(items[i].Text)}</text></g>");
        }

        svg.Append("</g>\n");
        return y + 14 + (((items.Length + 1) / 2) * 22);
    }

    private static string Swatch(string colour, double x = 0) =>
        $"<rect x=\"{N(x)}\" y=\"-6\" width=\"12\" height=\"12\" rx=\"2\" fill=\"{colour}\"/>";
}
