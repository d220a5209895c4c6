using System.Reflection;

// Runs ConcurrencyChaos.Benchmarking.Benchmark (internal; the `chaos bench` CLI command is the
// supported entry point) and prints the table; writes the JSON next to it when given a path.
// Usage: dotnet run -c Release --project bench/ConcurrencyChaos.Benchmarks -- [quick] [json-path]
var assembly = typeof(ConcurrencyChaos.Chaos).Assembly;
var optionsType = assembly.GetType("ConcurrencyChaos.Benchmarking.BenchOptions", throwOnError: true)!;
var quick = args.Contains("quick");
var options = optionsType.GetProperty(quick ? "Quick" : "Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
var run = assembly.GetType("ConcurrencyChaos.Benchmarking.Benchmark", throwOnError: true)!.GetMethod("Run", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
var report = run.Invoke(null, [options, Console.Error])!;
Console.WriteLine(report.GetType().GetMethod("ToTable")!.Invoke(report, null));
if (args.FirstOrDefault(a => a.EndsWith(".json", StringComparison.Ordinal)) is { } path)
{
    File.WriteAllText(path, (string)report.GetType().GetMethod("ToJson")!.Invoke(report, null)!);
}
