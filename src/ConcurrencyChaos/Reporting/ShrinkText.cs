using System.Globalization;

namespace ConcurrencyChaos.Reporting;

/// <summary>How a counterexample was shrunk, in words that fit every case (no "from 3 to 3 nodes", no "1 steps").</summary>
internal static class ShrinkText
{
    /// <summary>"shrunk from 5 to 3 nodes in 6 steps", "3 nodes, simplified in 1 step" or "3 nodes, already minimal".</summary>
    public static string Describe(int originalNodes, int nodes, int steps)
    {
        var stepText = string.Create(CultureInfo.InvariantCulture, $"{steps} step{(steps == 1 ? "" : "s")}");
        return originalNodes != nodes
            ? string.Create(CultureInfo.InvariantCulture, $"shrunk from {originalNodes} to {nodes} nodes in {stepText}")
            : steps == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{nodes} nodes, already minimal")
                : string.Create(CultureInfo.InvariantCulture, $"{nodes} nodes, simplified in {stepText}");
    }
}
