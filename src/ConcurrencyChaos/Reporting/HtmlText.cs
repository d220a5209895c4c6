using System.Globalization;
using System.Text;

namespace ConcurrencyChaos.Reporting;

/// <summary>Escaping and number formatting shared by the SVG and HTML pictures.</summary>
internal static class HtmlText
{
    /// <summary>Escapes text for HTML and XML content and attribute values (both quote kinds).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when char.IsControl(c) && c is not '\n' and not '\r' and not '\t' => "",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>A coordinate: invariant culture, at most one decimal.</summary>
    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>An integer, invariant culture.</summary>
    public static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"10 ms".</summary>
    public static string Ms(long value) => string.Create(CultureInfo.InvariantCulture, $"{value} ms");

    /// <summary>A fragment id made of letters, digits and dashes.</summary>
    public static string Anchor(params string[] parts) => string.Join("--", parts.Select(Names.Slug));
}
