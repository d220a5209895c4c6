using System.Globalization;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>Small helpers that keep violation messages worded the same way everywhere.</summary>
internal static class Words
{
    /// <summary>A virtual time, e.g. "10 ms".</summary>
    public static string Ms(long time) => string.Create(CultureInfo.InvariantCulture, $"{time} ms");

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count switch
        {
            0 => string.Empty,
            1 => all[0],
            _ => string.Join(", ", all.Take(all.Count - 1)) + " and " + all[^1],
        };
    }
}
