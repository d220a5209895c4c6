using System.Text;

namespace ConcurrencyChaos.Reporting;

/// <summary>Turns names into forms usable as file names, ids and C# identifiers.</summary>
internal static class Names
{
    /// <summary>The name a pattern given as a lambda goes by, having no readable name of its own.</summary>
    public const string Lambda = "your-pattern";

    /// <summary>"MyFanOut.RunAllAsync" → "my-fan-out-run-all-async".</summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (char.IsLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }

    /// <summary>"when-all" → "When_all"; a name that does not start with a letter gets one: "42" → "Pattern_42".</summary>
    public static string Identifier(string name)
    {
        var slug = Slug(name).Replace('-', '_');
        return slug.Length == 0 ? "Pattern"
            : char.IsLetter(slug[0]) ? char.ToUpperInvariant(slug[0]) + slug[1..]
            : "Pattern_" + slug;
    }
}
