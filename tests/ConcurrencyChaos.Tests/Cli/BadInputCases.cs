using System.Runtime.Versioning;
using System.Diagnostics;

namespace ConcurrencyChaos.Tests.Cli;

/// <summary>Every crash, hang and exit-3 case of issue 16's "Why", as a process run of the real tool.</summary>
[UnsupportedOSPlatform("windows")] // FIFOs, /dev/zero, file modes, signals
internal static class BadInputCases
{
    private const string Scenario = """
        { "name": "two-errors", "tree": { "children": [
            { "work": 10, "then": "fail", "error": "IOException" }, { "work": 10, "then": "fail", "error": "TimeoutException" } ] },
          "expect": { "when-all": ["errors-observed", "fail-fast"], "task-group": [] } }
        """;

    public static IReadOnlyDictionary<string, BadInputCase> All { get; } = Build().ToDictionary(c => c.Name, StringComparer.Ordinal);

    private static IEnumerable<BadInputCase> Build()
    {
        // Options.
        yield return new("trees-abc", ["explore", "--pattern", "when-all", "--trees", "abc"], "--trees: 'abc' is not a whole number");
        yield return new("trees-too-large", ["explore", "--pattern", "when-all", "--trees", "99999999999"], "--trees: '99999999999' is out of range");
        yield return new("max-nodes-abc", ["explore", "--pattern", "when-all", "--max-nodes", "abc"], "--max-nodes: 'abc' is not a whole number");
        yield return new("time-too-long", ["explore", "--pattern", "when-all", "--time", "99999999999999h"], "--time: '99999999999999h' is too long");
        yield return new("seed-abc", ["explore", "--pattern", "when-all", "--seed", "abc"], "--seed: 'abc' is not a whole number");
        yield return new("pattern-typo", ["explore", "--pattern", "when-al"], "Did you mean 'when-all'?");

        // Configuration: a malformed chaos.json is read before any command, help included (three stand for all).
        foreach (var command in new[] { "run", "explore", "--help" })
        {
            yield return new($"malformed-chaos-json-{command.TrimStart('-')}", [command], "chaos.json:1:14: invalid JSON", dir => Write(dir, "chaos.json", "{ \"explore\": "));
        }

        yield return new("chaos-json-seed-too-large", ["explore", "--pattern", "when-all"], "explore:seed: '99999999999' is out of range", dir => Write(dir, "chaos.json", """{ "explore": { "seed": 99999999999 } }"""));
        yield return new("env-trees-abc", ["explore", "--pattern", "when-all"], "environment variable CHAOS_explore__trees: 'abc' is not a whole number", Environment: Env("CHAOS_explore__trees", "abc"));
        yield return new("env-log-level-bogus", ["patterns"], "CHAOS_Logging__LogLevel__Default: 'Bogus' is not a log level", Environment: Env("CHAOS_Logging__LogLevel__Default", "Bogus"));
        yield return new("env-time-abc", ["explore", "--pattern", "when-all"], "CHAOS_explore__time: 'abc' is not a duration", Environment: Env("CHAOS_explore__time", "abc"));

        // Files.
        yield return new("lone-surrogate", ["run", "s.json"], "s.json:1:11: a string holds a lone surrogate escape", dir => Write(dir, "s.json", """{ "name": "x\uD800", "tree": { "children": [ {} ] }, "expect": { "when-all": [] } }"""));
        yield return new("dev-zero", ["run", "/dev/zero"], "/dev/zero: is a device");
        yield return new("fifo-named-json", ["run", "."], "pipe.json: is a named pipe (FIFO)", dir => MakeFifo(Path.Combine(dir, "pipe.json")));
        yield return new("fifo-given", ["run", "pipe.json"], "pipe.json: is a named pipe (FIFO)", dir => MakeFifo(Path.Combine(dir, "pipe.json")));
        yield return new("too-large", ["run", "big.json"], "big.json: is larger than 16 MiB", dir => File.WriteAllBytes(Path.Combine(dir, "big.json"), new byte[(16 * 1024 * 1024) + 1]));
        yield return new("unreadable-folder", ["run", "."], "secret: cannot read the folder (permission denied)", dir =>
        {
            Write(dir, "secret/one.json", Scenario);
            File.SetUnixFileMode(Path.Combine(dir, "secret"), UnixFileMode.None);
        }, AsNobody: CliProcess.CanRunAsNobody);
        yield return new("three-typos", ["run", "typos.json"], "3 problem(s)", dir => Write(dir, "typos.json", """
            { "name": "t", "tree": { "children": [ { "wrok": 5 }, { "then": "fial" } ] }, "expect": { "when-al": [] } }
            """));

        // Hangs and duplicates: two links to the folder itself, `self -> .`, a link up from a subfolder; *.JSON is a scenario too.
        yield return new("links-followed-once", ["run", "."], "\n2 passed, 0 failed", dir =>
        {
            Write(dir, "one.JSON", Scenario);
            Directory.CreateDirectory(Path.Combine(dir, "sub"));
            File.CreateSymbolicLink(Path.Combine(dir, "loop-1"), ".");
            File.CreateSymbolicLink(Path.Combine(dir, "loop-2"), ".");
            File.CreateSymbolicLink(Path.Combine(dir, "self"), ".");
            File.CreateSymbolicLink(Path.Combine(dir, "sub", "up"), "..");
        }, Code: 0);

        // Results that were misleading.
        yield return new("time-1ms-searches-no-tree", ["explore", "--pattern", "task-group", "--time", "1ms"], "task-group: searched no trees");
        yield return new("root-names-another-pattern", ["run", "tg.json"], "'when-all' never runs on this tree", dir => Write(dir, "tg.json", """
            { "name": "tg", "tree": { "pattern": "task-group", "children": [ { "work": 1 } ] }, "expect": { "when-all": [] } }
            """));

        // The team's assemblies.
        yield return new("assembly-missing", ["explore", "--assembly", "Team.dll", "--pattern", "fetch-all"], "--assembly Team.dll: no such file");
        yield return new("assembly-not-dotnet", ["explore", "--assembly", "Team.dll", "--pattern", "fetch-all"], "--assembly Team.dll: is not a .NET assembly", dir => Write(dir, "Team.dll", "not an assembly"));
        yield return new("assembly-misused-attribute", ["patterns", "--assembly", CliProcess.TeamAssembly("ConcurrencyChaos.TeamPatterns.Broken")], "MisusedPatterns.NoTokenAsync: has the wrong signature");
        yield return new("chaos-json-assemblies-load", ["explore", "--pattern", "fetch-all-safely", "--trees", "5", "--seed", "1"], "fetch-all-safely: held on 5 trees", dir =>
            Write(dir, "chaos.json", $$"""{ "assemblies": [{{System.Text.Json.JsonSerializer.Serialize(CliProcess.TeamAssembly("ConcurrencyChaos.TeamPatterns"))}}] }"""), Code: 0);
        yield return new("chaos-json-assemblies-not-a-list", ["patterns"], "assemblies: must be a list", dir => Write(dir, "chaos.json", """{ "assemblies": "Team.dll" }"""));
    }

    private static Dictionary<string, string> Env(string name, string value) => new(StringComparer.Ordinal) { [name] = value };

    private static void Write(string dir, string name, string text)
    {
        var file = Path.Combine(dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
    }
}
