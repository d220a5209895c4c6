using System.Reflection;
using NetArchTest.Rules;

namespace ConcurrencyChaos.Tests.Architecture;

/// <summary>
/// The folder graph of docs/architecture.md, enforced: each stage uses Model and its own folder (Execution also
/// the scheduler it runs on and the Polly operations it calls; Patterns the Polly helpers), and only the
/// conductor — the root namespace: Chaos, the search, the single run — uses more than one stage. A type that
/// breaks it is named in the failure with the namespace it reached into.
/// </summary>
public sealed class StageDependencyTests
{
    private const string Root = "ConcurrencyChaos";

    private static readonly Assembly Core = typeof(Chaos).Assembly;

    /// <summary>Every stage and what it may use besides Model and itself.</summary>
    public static TheoryData<string, string[]> Stages => new()
    {
        { "Model", [] },
        { "Runtime", [] },
        { "Execution", ["Runtime", "Operations"] },
        { "Generation", [] },
        { "Judging", [] },
        { "Shrinking", [] },
        { "Reporting", [] },
        { "Scenarios", [] },
        { "Operations", [] },
        { "Patterns", ["Operations"] },
    };

    [Theory]
    [MemberData(nameof(Stages))]
    public void A_stage_uses_only_Model_and_its_own_folder(string stage, string[] alsoAllowed)
    {
        var allowed = new HashSet<string>(["Model", stage, .. alsoAllowed], StringComparer.Ordinal);
        string[] forbidden =
        [
            .. StageNamespaces().Where(ns => !allowed.Contains(ns)).Select(ns => $"{Root}.{ns}"),
            .. ConductorTypes(),
        ];

        var result = Types.InAssembly(Core).That().ResideInNamespace($"{Root}.{stage}")
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"{stage} reaches outside Model and its own folder: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_folder_of_the_core_is_a_known_stage()
    {
        var known = Stages.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        Assert.All(StageNamespaces(), ns => Assert.Contains(ns, known));
    }

    [Fact]
    public void The_check_catches_a_stage_that_reaches_into_another()
    {
        // Reporting drawing orphans by asking the judge would be the classic slip; the judge's own types are the bait.
        var result = Types.InAssembly(Core).That().ResideInNamespace($"{Root}.Judging")
            .ShouldNot().HaveDependencyOnAny($"{Root}.Model").GetResult();

        Assert.False(result.IsSuccessful);
    }

    /// <summary>The first namespace segment under the root of every type in the core, e.g. Model, Runtime.</summary>
    private static IEnumerable<string> StageNamespaces() => Core.GetTypes()
        .Select(t => t.Namespace ?? "")
        .Where(ns => ns.StartsWith(Root + ".", StringComparison.Ordinal))
        .Select(ns => ns[(Root.Length + 1)..].Split('.')[0])
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal);

    /// <summary>The conductor's types: everything in the root namespace of the core but the structured-concurrency primitive.</summary>
    private static IEnumerable<string> ConductorTypes() => Core.GetTypes()
        .Where(t => t.Namespace == Root)
        .Select(t => t.FullName!.Split('+')[0])
        .Where(name => !name.StartsWith($"{Root}.TaskGroup", StringComparison.Ordinal) && !name.StartsWith($"{Root}.<", StringComparison.Ordinal))
        .Distinct(StringComparer.Ordinal);
}
