namespace ConcurrencyChaos.Cli.Input;

/// <summary>"Did you mean" for a mistyped id: the known ids closest to it by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>
    /// <c> Did you mean 'when-all'?</c> (with a leading space) when some known id is within a few edits of
    /// <paramref name="typed"/> (a third of its length, at least 1, at most 3), else an empty string.
    /// </summary>
    public static string DidYouMean(string typed, IEnumerable<string> known)
    {
        var closest = Closest(typed, known);
        return closest.Count switch
        {
            0 => string.Empty,
            1 => $" Did you mean '{closest[0]}'?",
            _ => $" Did you mean {string.Join(" or ", closest.Select(c => $"'{c}'"))}?",
        };
    }

    /// <summary>The known ids nearest to <paramref name="typed"/> (ties kept, at most three), or none within reach.</summary>
    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> known)
    {
        var reach = Math.Clamp(typed.Length / 3, 1, 3);
        var scored = known
            .Distinct(StringComparer.Ordinal)
            .Select(id => (Id: id, Distance: Distance(typed.ToUpperInvariant(), id.ToUpperInvariant())))
            .Where(s => s.Distance <= reach || s.Id.StartsWith(typed, StringComparison.OrdinalIgnoreCase) && typed.Length >= 3)
            .ToList();
        if (scored.Count == 0)
        {
            return [];
        }

        var best = scored.Min(s => s.Distance);
        return [.. scored.Where(s => s.Distance == best).Select(s => s.Id).Take(3)];
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost 1.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
