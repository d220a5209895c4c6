using static ConcurrencyChaos.Reporting.HtmlText;

namespace ConcurrencyChaos.Reporting;

/// <summary>The timeline's page size, row geometry and colours, and the ✕ it marks a thrown error with.</summary>
internal static class TimelineStyle
{
    public const double Width = 1000;
    public const double Margin = 16;
    public const double RowHeight = 24;
    public const double BarHeight = 12;
    public const double CharWidth = 7.3; // 12px monospace
    public const double NoteCharWidth = 6.4; // 11px bold sans-serif, generously
    public const string Red = "#d62728";
    public const string Orange = "#ff7f0e";
    public const string Amber = "#b8860b";
    public const string Ink = "#222222";
    public const string Completed = "#7fa7d4";
    public const string Faulted = "#b58fc9";
    public const string Canceled = "#b3b3b3";
    public const string Running = "#7fa7d4";

    /// <summary>A ✕ centred on the origin: the mark of a thrown error (hollow and bold when it was lost).</summary>
    public static string Cross(double arm, double halfWidth, string fill, string stroke, double strokeWidth)
    {
        var a = N(arm);
        var w = N(halfWidth);
        var m = N(-arm);
        var v = N(-halfWidth);
        return $"<polygon points=\"{v},{m} {w},{m} {w},{v} {a},{v} {a},{w} {w},{w} {w},{a} {v},{a} {v},{w} {m},{w} {m},{v} {v},{v}\" transform=\"rotate(45)\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{N(strokeWidth)}\" stroke-linejoin=\"round\"/>";
    }
}
