using System.CommandLine;

namespace ConcurrencyChaos.Cli.Reports;

/// <summary>The <c>--report FORMAT FILE</c> option (repeatable) and writing every report it asks for.</summary>
internal static class ReportTargets
{
    /// <summary>The formats <c>--report</c> accepts, with their writers. A new format is one line here.</summary>
    private static readonly Dictionary<string, Action<Report, string>> s_writers = new(StringComparer.Ordinal)
    {
        ["junit"] = JUnitReportWriter.Write,
        ["json"] = JsonReportWriter.Write,
        ["html"] = HtmlReportWriter.Write,
    };

    public static Option<string[]> CreateOption()
    {
        var option = new Option<string[]>("--report")
        {
            Description = $"Write a report: FORMAT FILE, FORMAT one of {string.Join(", ", s_writers.Keys)}. May be given once per format.",
            HelpName = "FORMAT FILE",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
        };
        option.Validators.Add(result =>
        {
            var tokens = result.Tokens.Select(t => t.Value).ToList();
            for (var i = 0; i + 1 < tokens.Count; i += 2)
            {
                if (!s_writers.ContainsKey(tokens[i]))
                {
                    result.AddError($"Unknown report format '{tokens[i]}' in --report. Known formats: {string.Join(", ", s_writers.Keys)}.");
                }
            }
        });
        return option;
    }

    /// <summary>The (format, file) pairs of the option's values.</summary>
    public static IReadOnlyList<(string Format, string File)> Pairs(string[]? values)
    {
        var pairs = new List<(string, string)>();
        for (var i = 0; values is not null && i + 1 < values.Length; i += 2)
        {
            pairs.Add((values[i], values[i + 1]));
        }

        return pairs;
    }

    /// <summary>Writes <paramref name="report"/> to every requested file, creating folders; reports what it wrote on <paramref name="error"/>.</summary>
    public static void WriteAll(Report report, IReadOnlyList<(string Format, string File)> targets, TextWriter error)
    {
        foreach (var (format, file) in targets)
        {
            OutputFile.Write(file, $"the {format} report", path => s_writers[format](report, path));
            error.WriteLine($"chaos: wrote {format} report {file}");
        }
    }
}
