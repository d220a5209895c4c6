using System.Globalization;
using ConcurrencyChaos.Benchmarking;

// Runs the benchmark behind `chaos bench` and prints the table; writes the JSON next to it when given a path.
// Usage: dotnet run -c Release --project bench/ConcurrencyChaos.Benchmarks -- [quick] [json-path] [key=value ...]
// key=value arguments override options (lists comma-separated), e.g. sizes=10 patterns=when-all searchSeeds=0
var options = args.Contains("quick") ? BenchOptions.Quick : BenchOptions.Default;
foreach (var arg in args.Where(a => a.Contains('=', StringComparison.Ordinal)))
{
    var (key, value) = (arg[..arg.IndexOf('=', StringComparison.Ordinal)].ToLowerInvariant(), arg[(arg.IndexOf('=', StringComparison.Ordinal) + 1)..]);
    var list = value.Split(',', StringSplitOptions.RemoveEmptyEntries);
    options = key switch
    {
        "sizes" => options with { Sizes = [.. list.Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
        "patterns" => options with { Patterns = list },
        "treesperset" => options with { TreesPerSet = int.Parse(value, CultureInfo.InvariantCulture) },
        "measuretime" => options with { MeasureTime = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)) },
        "repeats" => options with { Repeats = int.Parse(value, CultureInfo.InvariantCulture) },
        "realtimetrees" => options with { RealTimeTrees = int.Parse(value, CultureInfo.InvariantCulture) },
        "realtimescale" => options with { RealTimeScale = double.Parse(value, CultureInfo.InvariantCulture) },
        "searchseeds" => options with { SearchSeeds = int.Parse(value, CultureInfo.InvariantCulture) },
        "searchpatterns" => options with { SearchPatterns = list },
        "rewriterepeats" => options with { RewriteRepeats = int.Parse(value, CultureInfo.InvariantCulture) },
        "rewriteassembly" => options with { RewriteAssembly = value },
        "rewrittentrees" => options with { RewrittenTrees = int.Parse(value, CultureInfo.InvariantCulture) },
        "strategyseeds" => options with { StrategySeeds = int.Parse(value, CultureInfo.InvariantCulture) },
        "publicpathtrees" => options with { PublicPathTrees = int.Parse(value, CultureInfo.InvariantCulture) },
        "publicpathmaxnodes" => options with { PublicPathMaxNodes = [.. list.Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
        "warmup" => options with { WarmUp = TimeSpan.FromMilliseconds(int.Parse(value, CultureInfo.InvariantCulture)) },
        "judgingsizes" => options with { JudgingSizes = [.. list.Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
        "baselinetrees" => options with { BaselineTrees = int.Parse(value, CultureInfo.InvariantCulture) },
        _ => throw new ArgumentException($"Unknown option '{key}'."),
    };
}

var report = Benchmark.Run(options, Console.Error);
Console.WriteLine(report.ToTable());
if (args.FirstOrDefault(a => a.EndsWith(".json", StringComparison.Ordinal)) is { } path)
{
    File.WriteAllText(path, report.ToJson());
}
