namespace ConcurrencyChaos.Benchmarking;

/// <summary>The one statistic every figure is: a median, robust to the noise of a shared machine.</summary>
internal static class Statistics
{
    /// <summary>The median, or NaN for no values.</summary>
    public static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
