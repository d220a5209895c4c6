namespace ConcurrencyChaos.Rewriting;

/// <summary>
/// Which assemblies are rewritten: never .NET's own nor the harness's (its shims would call themselves); in a
/// folder, by default every other assembly except the framework-like ones (<c>System.*</c>, <c>Microsoft.*</c>) and
/// the test frameworks'.
/// </summary>
internal static class AssemblySelection
{
    /// <summary>The harness's own assemblies and the libraries it ships with.</summary>
    private static readonly string[] Harness =
    [
        "ConcurrencyChaos", "ConcurrencyChaos.Shims", "ConcurrencyChaos.Rewriting", "ConcurrencyChaos.Xunit",
        "ConcurrencyChaos.Hosting", "ConcurrencyChaos.Cli", "ConcurrencyChaos.Benchmarking",
    ];

    /// <summary>Name prefixes left out of a folder by default: .NET, Microsoft's libraries, test frameworks and what they bring (Newtonsoft.Json), the harness's dependencies.</summary>
    private static readonly string[] SkippedByDefault =
    [
        "System.", "Microsoft.", "mscorlib", "netstandard", "WindowsBase", "FSharp.Core", "FsCheck", "Mono.Cecil",
        "xunit", "NUnit", "nunit", "MSTest", "testhost", "coverlet", "NetArchTest", "Newtonsoft.Json",
    ];

    /// <summary>Why <paramref name="name"/> at <paramref name="path"/> must never be rewritten, or null.</summary>
    public static string? Refusal(string name, string path)
    {
        if (Harness.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return "it is part of the ConcurrencyChaos harness, which is never rewritten";
        }

        var framework = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(typeof(object).Assembly.Location)));
        return name is "System.Private.CoreLib" or "mscorlib" or "netstandard"
            || (framework is not null && Path.GetFullPath(path).StartsWith(framework + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            ? "it is part of .NET itself, which is never rewritten"
            : null;
    }

    /// <summary>Whether a folder's assembly named <paramref name="name"/> is rewritten when no list is given.</summary>
    public static bool ByDefault(string name) =>
        !Harness.Contains(name, StringComparer.OrdinalIgnoreCase)
        && !SkippedByDefault.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
