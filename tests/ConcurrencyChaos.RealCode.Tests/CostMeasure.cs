using System.Diagnostics;
using System.Globalization;
using FsCheck.Fluent;

namespace ConcurrencyChaos.RealCode.Tests;

/// <summary>
/// The bench row of rewritten code: process CPU time of the same searches (same seeds, so the same trees) with the
/// rewritten library's correct group (ConfigureAwait(false) everywhere, through the shims), with the same library
/// as it was compiled (loaded from the library project's own output, not rewritten), and with the hand-written
/// structured group the harness ships (<c>task-group</c>). CPU time, not wall time, so a loaded machine does not
/// blur it. Run by hand: <c>dotnet ConcurrencyChaos.RealCode.Tests.dll measure PATH-OF-THE-ORIGINAL-LIBRARY</c>.
/// </summary>
public static class CostMeasure
{
    /// <summary>Measures and returns the figures as text.</summary>
    /// <returns>One line per pattern and the ratio.</returns>
    /// <param name="originalLibrary">The library's dll as compiled (its project's output).</param>
    public static string Run(string originalLibrary)
    {
        var context = new System.Runtime.Loader.AssemblyLoadContext("original", isCollectible: false);
        var original = context.LoadFromAssemblyPath(Path.GetFullPath(originalLibrary)).GetType("Contoso.FanOut.ResilientFanOut")!.GetMethod("RunAllAsync")!
            .CreateDelegate<Func<IReadOnlyList<Func<CancellationToken, Task>>, CancellationToken, Task>>();
        ChaosPattern[] patterns = [FanOuts.Pattern("configure-await-false-group"), ChaosPattern.Of(original, "original"), "task-group"];
        foreach (var pattern in patterns)
        {
            Search(pattern, 200); // warm up
        }

        var costs = patterns.Select(pattern => Search(pattern, 2000)).ToList();
        return string.Create(CultureInfo.InvariantCulture, $"rewritten library group: {costs[0].TotalMilliseconds:0} ms CPU for 5 x 2000 trees\n")
            + string.Create(CultureInfo.InvariantCulture, $"same library, not rewritten: {costs[1].TotalMilliseconds:0} ms CPU (ratio {costs[0] / costs[1]:0.00})\n")
            + string.Create(CultureInfo.InvariantCulture, $"hand-written task-group: {costs[2].TotalMilliseconds:0} ms CPU (ratio {costs[0] / costs[2]:0.00})\n");
    }

    /// <summary>CPU time of running (and judging) the same <paramref name="trees"/> generated trees, five times.</summary>
    private static TimeSpan Search(ChaosPattern pattern, int trees)
    {
        var sample = ChaosTrees.Arbitrary().Generator.Sample(trees, 30); // (number of trees, size)
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        for (var round = 0; round < 5; round++)
        {
            foreach (var tree in sample)
            {
                _ = Chaos.Run(tree, pattern);
            }
        }

        return Process.GetCurrentProcess().TotalProcessorTime - before;
    }
}
