using System.Reflection;
using System.Text.Json;
using ConcurrencyChaos.Scenarios;
#if XUNIT_V3
using Xunit;
using Xunit.Sdk;
using Xunit.v3;
#else
using Xunit.Sdk;
#endif

namespace ConcurrencyChaos.Xunit;

/// <summary>
/// Scenario files as xunit theory data: one row per scenario file × pattern its <c>expect</c> names, as two
/// strings, the file (relative to the folder the search found it under, with forward slashes) and the pattern id,
/// so every pair is its own test case in runners. Pair it with <see cref="ScenarioCase.Verify"/>:
/// <code>
/// [Theory, ScenarioData("scenarios")]
/// public void Scenario(string file, string pattern) => ScenarioCase.Verify(file, pattern);
/// </code>
/// </summary>
/// <remarks>
/// A relative <see cref="Path"/> is looked for in the test assembly's directory, then in each folder above it up to
/// the file system's root (so <c>"scenarios"</c> finds a folder copied to the test output, or the repository's
/// <c>scenarios/</c> folder), then likewise from the working directory. Files are those of
/// <see cref="ScenarioReader.FindFiles"/>, in ordinal order. Rows only need the <c>expect</c> keys, so they name a
/// consumer's own patterns too; a file that cannot be read yields one row with the pattern <c>"?"</c>, whose test
/// then fails with the reader's message.
/// </remarks>
/// <param name="path">A scenario file or a folder of them (searched recursively).</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ScenarioDataAttribute(string path) : DataAttribute
{
    /// <summary>The pattern id of the row of a file whose <c>expect</c> cannot be read.</summary>
    public const string UnreadablePattern = "?";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The scenario file or folder, as given.</summary>
    public string Path { get; } = path ?? throw new ArgumentNullException(nameof(path));

    /// <summary>Only rows of this pattern id; every pattern when null.</summary>
    public string? Pattern { get; set; }

#if XUNIT_V3
    /// <inheritdoc />
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([.. Rows(testMethod).Select(row => new TheoryDataRow<string, string>(row[0], row[1]))]);

    /// <summary>Rows are read from the files at discovery, so each scenario × pattern is its own test case in runners.</summary>
    /// <returns>True.</returns>
    public override bool SupportsDiscoveryEnumeration() => true;
#else
    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [.. Rows(testMethod).Select(row => new object[] { row[0], row[1] })];
#endif

    /// <summary>One (file, pattern id) pair per scenario file × pattern its <c>expect</c> names.</summary>
    private List<string[]> Rows(MethodInfo testMethod)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var start = System.IO.Path.GetDirectoryName(testMethod.DeclaringType?.Assembly.Location) is { Length: > 0 } dir
            ? dir
            : AppContext.BaseDirectory;
        var root = ScenarioPaths.FindBase(Path, start)
            ?? ScenarioPaths.FindBase(Path, Environment.CurrentDirectory)
            ?? throw new ArgumentException(
                $"ScenarioData: found no '{Path}' in {start}, {Environment.CurrentDirectory} or any folder above them.");
        var rows = new List<string[]>();
        foreach (var file in ScenarioReader.FindFiles(System.IO.Path.Combine(root, Path)))
        {
            var relative = ScenarioPaths.Relative(root, file);
            foreach (var pattern in ExpectKeys(file))
            {
                if (Pattern is null || pattern == Pattern || pattern == UnreadablePattern)
                {
                    rows.Add([relative, pattern]);
                }
            }
        }

        return rows;
    }

    /// <summary>The keys of the file's <c>expect</c> object in ordinal order, or <see cref="UnreadablePattern"/> alone.</summary>
    private static IReadOnlyList<string> ExpectKeys(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), DocumentOptions);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("expect", out var expect)
                && expect.ValueKind == JsonValueKind.Object)
            {
                var keys = expect.EnumerateObject().Select(p => p.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                if (keys.Count > 0)
                {
                    return keys;
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // Reported by the row's test, through ScenarioReader's message.
        }

        return [UnreadablePattern];
    }
}
