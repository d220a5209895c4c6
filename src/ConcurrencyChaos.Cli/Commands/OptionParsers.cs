using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ConcurrencyChaos.Cli.Commands;

/// <summary>
/// Parsers for option and configuration values; a bad value is a parse error naming the value and what to
/// write instead (exit 2), never an exception.
/// </summary>
internal static partial class OptionParsers
{
    /// <summary>The longest duration taken: a year, longer than any CI job.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(365);

    /// <summary>Parses <c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c> (a positive number and a unit).</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration) => TryParseDuration(text, out duration, out _);

    /// <summary>Parses <c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c> (a positive number and a unit, at most <see cref="MaxDuration"/>).</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration, out string? problem)
    {
        duration = default;
        problem = null;
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || !double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            problem = $"'{text}' is not a duration: write a positive number and a unit, e.g. 500ms, 30s, 2m, 1h.";
            return false;
        }

        var milliseconds = n * match.Groups["unit"].Value switch
        {
            "ms" => 1.0,
            "s" => 1_000.0,
            "m" => 60_000.0,
            _ => 3_600_000.0,
        };
        if (milliseconds > MaxDuration.TotalMilliseconds)
        {
            problem = string.Create(CultureInfo.InvariantCulture, $"'{text}' is too long a duration: at most {MaxDuration.TotalDays:0} days ({MaxDuration.TotalHours:0}h).");
            return false;
        }

        duration = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }

    /// <summary>Parses a whole number from <paramref name="min"/> to <see cref="int.MaxValue"/>.</summary>
    public static bool TryParseWholeNumber(string text, int min, out int value, out string? problem)
    {
        problem = null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min)
        {
            return true;
        }

        var range = string.Create(CultureInfo.InvariantCulture, $"from {min} to {int.MaxValue}");
        var digits = text.StartsWith('-') ? text[1..] : text;
        problem = digits.Length > 0 && digits.All(char.IsAsciiDigit)
            ? $"'{text}' is out of range: write a whole number {range}."
            : $"'{text}' is not a whole number: write one {range}.";
        return false;
    }

    /// <summary>A System.CommandLine parser for a whole number of at least <paramref name="min"/>, naming the option in its error.</summary>
    public static Func<ArgumentResult, int> WholeNumber(int min) => result =>
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (TryParseWholeNumber(text, min, out var value, out var problem))
        {
            return value;
        }

        result.AddError($"{OptionName(result)}: {problem}");
        return min;
    };

    /// <summary>As <see cref="WholeNumber"/>, for an option that may be left out (null).</summary>
    public static Func<ArgumentResult, int?> OptionalWholeNumber(int min) => result => WholeNumber(min)(result);

    public static TimeSpan? ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (TryParseDuration(text, out var duration, out var problem))
        {
            return duration;
        }

        result.AddError($"{OptionName(result)}: {problem}");
        return null;
    }

    /// <summary>Parses <c>i/n</c>: shard index i (0-based) of n shards.</summary>
    public static bool TryParseShard(string text, out Shard shard, out string? problem)
    {
        shard = Shard.Whole;
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

        shard = new Shard(index, count);
        return true;
    }

    public static Shard ParseShard(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (TryParseShard(text, out var shard, out var problem))
        {
            return shard;
        }

        result.AddError($"{OptionName(result)}: {problem}");
        return Shard.Whole;
    }

    private static string OptionName(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;

    [GeneratedRegex(@"^(?<n>[0-9]+(\.[0-9]+)?)(?<unit>ms|s|m|h)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
