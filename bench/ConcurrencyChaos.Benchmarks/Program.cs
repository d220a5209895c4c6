using System.Reflection;

// Runs ConcurrencyChaos.Benchmarking.Benchmark (internal; the `chaos bench` CLI command is the
// supported entry point) and prints the table; writes the JSON next to it when given a path.
// Usage: dotnet run -c Release --project bench/ConcurrencyChaos.Benchmarks -- [quick] [json-path]
var assembly = typeof(ConcurrencyChaos.Chaos).Assembly;
var optionsType = assembly.GetType("ConcurrencyChaos.Benchmarking.BenchOptions", throwOnError: true)!;
var quick = args.Contains("quick");
var options = optionsType.GetProperty(quick ? "Quick" : "Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
// key=value arguments override options (lists comma-separated), e.g. sizes=10 patterns=when-all searchSeeds=0
options = optionsType.GetMethod("<Clone>$")!.Invoke(options, null)!;
foreach (var arg in args.Where(a => a.Contains('=')))
{
    var (key, value) = (arg[..arg.IndexOf('=')], arg[(arg.IndexOf('=') + 1)..]);
    var property = optionsType.GetProperty(key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)!;
    object parsed = property.PropertyType == typeof(int) ? int.Parse(value)
        : property.PropertyType == typeof(double) ? double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
        : property.PropertyType == typeof(TimeSpan) ? TimeSpan.FromMilliseconds(int.Parse(value))
        : property.PropertyType == typeof(IReadOnlyList<int>) ? value.Split(',').Select(int.Parse).ToArray()
        : value.Split(',', StringSplitOptions.RemoveEmptyEntries);
    property.SetValue(options, parsed);
}

var run = assembly.GetType("ConcurrencyChaos.Benchmarking.Benchmark", throwOnError: true)!.GetMethod("Run", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
var report = run.Invoke(null, [options, Console.Error])!;
Console.WriteLine(report.GetType().GetMethod("ToTable")!.Invoke(report, null));
if (args.FirstOrDefault(a => a.EndsWith(".json", StringComparison.Ordinal)) is { } path)
{
    File.WriteAllText(path, (string)report.GetType().GetMethod("ToJson")!.Invoke(report, null)!);
}
