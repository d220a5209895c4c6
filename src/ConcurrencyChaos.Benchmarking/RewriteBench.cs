using System.Diagnostics;
using ConcurrencyChaos.Rewriting;

namespace ConcurrencyChaos.Benchmarking;

/// <summary>
/// The cost of <c>chaos rewrite</c> / the <c>ChaosRewrite</c> target on a real assembly of more than a megabyte (by
/// default FSharp.Core.dll, which every consumer of the harness has beside it): a fresh copy in a temporary folder is
/// rewritten by a new <see cref="AssemblyRewriter"/> each time, the shim list included.
/// </summary>
internal static class RewriteBench
{
    /// <summary>The assembly rewritten when <see cref="BenchOptions.RewriteAssembly"/> is not set.</summary>
    public const string DefaultAssembly = "FSharp.Core.dll";

    public static RewriteRow Measure(BenchOptions options)
    {
        var source = options.RewriteAssembly ?? Path.Combine(AppContext.BaseDirectory, DefaultAssembly);
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"The assembly to rewrite is not at {source} (set BenchOptions.RewriteAssembly).", source);
        }

        var cold = Once(source);
        var cpu = new List<double>();
        var wall = new List<double>();
        for (var i = 0; i < options.RewriteRepeats; i++)
        {
            var run = Once(source);
            cpu.Add(run.Cpu.TotalSeconds);
            wall.Add(run.Wall.TotalSeconds);
        }

        return new RewriteRow(
            Path.GetFileName(source),
            new FileInfo(source).Length / 1e6,
            cold.CallSites,
            options.RewriteRepeats,
            Statistics.Median(cpu),
            Statistics.Median(wall),
            cold.Cpu.TotalSeconds);
    }

    private static (TimeSpan Cpu, TimeSpan Wall, int CallSites) Once(string source)
    {
        var folder = Directory.CreateTempSubdirectory("chaos-bench-rewrite-");
        try
        {
            var copy = Path.Combine(folder.FullName, Path.GetFileName(source));
            File.Copy(source, copy);
            var pdb = Path.ChangeExtension(source, ".pdb");
            if (File.Exists(pdb))
            {
                File.Copy(pdb, Path.ChangeExtension(copy, ".pdb"));
            }

            IReadOnlyList<RewrittenAssembly> results = [];
            var wall = Stopwatch.StartNew();
            var (cpu, _) = ProcessClock.Measure(() => results = new AssemblyRewriter().Rewrite([copy]));
            wall.Stop();
            var result = results.Single();
            return result.Status == RewriteStatus.Rewritten
                ? (cpu, wall.Elapsed, result.CallSites)
                : throw new InvalidOperationException($"{source} was not rewritten: {result}.");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
