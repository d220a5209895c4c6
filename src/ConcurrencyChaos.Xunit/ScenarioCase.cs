using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;
using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos.Xunit;

/// <summary>Replays one row of <see cref="ScenarioDataAttribute"/>: one scenario file under one pattern.</summary>
public static class ScenarioCase
{
    /// <summary>
    /// Loads <paramref name="file"/>, runs its tree under <paramref name="patternId"/> and asserts that the pattern
    /// violates exactly the invariants the file's <c>expect</c> lists for it.
    /// </summary>
    /// <param name="file">
    /// The scenario file: rooted, or relative to the test assembly's directory or a folder above it (then likewise
    /// from the working directory), as <see cref="ScenarioDataAttribute"/> yields it.
    /// </param>
    /// <param name="patternId">A catalog pattern id or one of <paramref name="ownPatterns"/>; a key of the file's <c>expect</c>.</param>
    /// <param name="ownPatterns">Your own patterns by name, which the file may name as well as catalog ids; none when null.</param>
    /// <param name="options">Budgets of the run, and the operations the file's leaves may run (<see cref="RunOptions.Operations"/>); defaults when null.</param>
    /// <returns>The outcome, met.</returns>
    /// <exception cref="ScenarioException">The file cannot be read or is not a valid scenario (it names an unknown pattern or invariant).</exception>
    /// <exception cref="ChaosAssertException">
    /// The file's <c>expect</c> does not name <paramref name="patternId"/>, or the run did not violate exactly the
    /// expected invariants; the message is <see cref="ScenarioOutcome.Describe"/> followed by the rendered run.
    /// </exception>
    public static ScenarioOutcome Verify(string file, string patternId, ChaosPatterns? ownPatterns = null, RunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(patternId);
        var vocabulary = (ownPatterns is null ? Chaos.Vocabulary : Chaos.Vocabulary.WithPatterns(ownPatterns.Ids))
            .WithOperations(options?.Operations.Keys ?? []);
        var path = ResolveFile(file);
        var scenario = ScenarioReader.Load(path, vocabulary) with { SourcePath = file };
        if (!scenario.Expect.TryGetValue(patternId, out var expected))
        {
            var named = scenario.Expect.Count == 0 ? "names no pattern" : $"names only {string.Join(", ", scenario.Expect.Keys)}";
            throw new ChaosAssertException($"{file}: its expect {named}, not '{patternId}'.");
        }

        var single = scenario with { Expect = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [patternId] = expected } };
        var outcome = Chaos.Verify(single, new ScenarioOptions
        {
            Patterns = ownPatterns?.Factories ?? ScenarioOptions.Default.Patterns,
            Run = options ?? RunOptions.Default,
        }).Single();
        return outcome.Met
            ? outcome
            : throw new ChaosAssertException($"{outcome.Describe()}\n\n{outcome.Report}", outcome.Report);
    }

    private static string ResolveFile(string file)
    {
        try
        {
            return ScenarioPaths.Resolve(file);
        }
        catch (FileNotFoundException e)
        {
            throw new ScenarioException(file, string.Empty, e.Message);
        }
    }
}
