using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using ConcurrencyChaos.Patterns;

namespace ConcurrencyChaos.Cli.Commands;

/// <summary>Parsers for option values shared by commands; they report bad values as parse errors (exit 2).</summary>
internal static partial class OptionParsers
{
    /// <summary>Parses <c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c> (a positive number and a unit).</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return false;
        }

        duration = match.Groups["unit"].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(n),
            "s" => TimeSpan.FromSeconds(n),
            "m" => TimeSpan.FromMinutes(n),
            _ => TimeSpan.FromHours(n),
        };
        return true;
    }

    public static TimeSpan? ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (TryParseDuration(text, out var duration))
        {
            return duration;
        }

        result.AddError($"'{text}' is not a duration: write a number and a unit, e.g. 500ms, 30s, 2m, 1h.");
        return null;
    }

    /// <summary>Parses <c>i/n</c>: shard index i (0-based) of n shards.</summary>
    public static bool TryParseShard(string text, out (int Index, int Count) shard, out string? problem)
    {
        shard = default;
        problem = null;
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            problem = $"'{text}' is not a shard: write INDEX/COUNT with a 0-based index, e.g. 0/4 for the first of four.";
            return false;
        }

        if (count < 1 || index >= count)
        {
            problem = $"'{text}' is not a shard: the index must be in 0..{Math.Max(count, 1) - 1} and the count at least 1.";
            return false;
        }

        shard = (index, count);
        return true;
    }

    public static (int Index, int Count) ParseShard(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (TryParseShard(text, out var shard, out var problem))
        {
            return shard;
        }

        result.AddError(problem!);
        return (0, 1);
    }

    /// <summary>Validates a catalog pattern id, listing the known ones when it is not.</summary>
    public static void ValidatePatternId(OptionResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (!PatternCatalog.TryGet(token.Value, out _))
            {
                result.AddError($"Unknown pattern id '{token.Value}'. Known ids: {string.Join(", ", PatternCatalog.All.Select(p => p.Id))}.");
            }
        }
    }

    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)(?<unit>ms|s|m|h)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
