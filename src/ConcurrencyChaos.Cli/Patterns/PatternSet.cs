using ConcurrencyChaos.Cli.Input;
using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Patterns;
using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos.Cli.Patterns;

/// <summary>
/// The patterns a command may name: the catalog's, then the team's own from <c>--assembly</c>, each id once; and the
/// invariants runs are judged by: the built-in ones, then the team's own <see cref="ChaosInvariant"/> classes.
/// </summary>
internal sealed class PatternSet
{
    private readonly Dictionary<string, KnownPattern> _byId;

    private PatternSet(IReadOnlyList<KnownPattern> all, IReadOnlyList<ChaosInvariant> invariants)
    {
        All = all;
        Invariants = invariants;
        InvariantIds = [.. InvariantCatalog.Ids, .. invariants.Select(i => i.Id)];
        _byId = all.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Vocabulary = Chaos.Vocabulary
            .WithPatterns(all.Where(p => !p.IsCatalog).Select(p => p.Id))
            .WithInvariants(invariants.Select(i => i.Id));
    }

    /// <summary>The catalog alone.</summary>
    public static PatternSet Catalog { get; } = new([.. PatternCatalog.All.Select(KnownPattern.FromCatalog)], []);

    /// <summary>Every pattern: catalog order, then the team's in the order found.</summary>
    public IReadOnlyList<KnownPattern> All { get; }

    /// <summary>The team's own invariants, judged next to the built-in ones in every run a command makes.</summary>
    public IReadOnlyList<ChaosInvariant> Invariants { get; }

    /// <summary>Every invariant id a command may name: the built-in ones, then the team's.</summary>
    public IReadOnlyList<string> InvariantIds { get; }

    /// <summary>The ids a scenario file may name: the built-in vocabulary plus the team's pattern and invariant ids.</summary>
    public ScenarioVocabulary Vocabulary { get; }

    /// <summary>
    /// The catalog plus <paramref name="own"/> and <paramref name="invariants"/> (whose ids are unique and not catalog
    /// ids: <see cref="PatternAssemblies"/> checked).
    /// </summary>
    public static PatternSet With(IEnumerable<KnownPattern> own, IEnumerable<ChaosInvariant> invariants) => new([.. Catalog.All, .. own], [.. invariants]);

    /// <summary>Whether a pattern has this id.</summary>
    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>The pattern with this id.</summary>
    /// <exception cref="BadInputException">None has it: the message says where the id came from, suggests the nearest and lists them all.</exception>
    public KnownPattern Get(string id, string where)
    {
        if (_byId.TryGetValue(id, out var pattern))
        {
            return pattern;
        }

        var hint = All.Any(p => !p.IsCatalog) ? string.Empty : " (your own patterns: load them with --assembly PATH)";
        throw new BadInputException($"unknown pattern id '{id}' in {where}.{Suggestions.DidYouMean(id, _byId.Keys)} Known ids: {string.Join(", ", _byId.Keys)}{hint}.");
    }

    /// <summary>
    /// The invariant ids of <c>--invariant</c>, or null (all of them) when none was given.
    /// </summary>
    /// <exception cref="BadInputException">An id names no invariant: the message suggests the nearest and lists them all.</exception>
    public IReadOnlyList<string>? SelectInvariants(string[]? ids)
    {
        foreach (var id in ids ?? [])
        {
            if (!InvariantIds.Contains(id, StringComparer.Ordinal))
            {
                var hint = Invariants.Count > 0 ? string.Empty : " (your own ChaosInvariant classes: load their assembly with --assembly PATH)";
                throw new BadInputException($"unknown invariant id '{id}' in --invariant.{Suggestions.DidYouMean(id, InvariantIds)} Known ids: {string.Join(", ", InvariantIds)}{hint}.");
            }
        }

        return ids is { Length: > 0 } ? ids : null;
    }

    /// <summary>The rule an invariant of <see cref="InvariantIds"/> checks, in one sentence.</summary>
    public string DescribeInvariant(string id) =>
        Invariants.FirstOrDefault(i => i.Id == id)?.Summary ?? InvariantCatalog.Describe(id);

    /// <summary>How <c>Chaos.Verify</c> replays scenarios naming the team's patterns, judged by the team's invariants too.</summary>
    public ScenarioOptions ScenarioOptions(RunOptions run) => new()
    {
        Patterns = All.Where(p => !p.IsCatalog).ToDictionary(p => p.Id, p => p.Factory, StringComparer.Ordinal),
        MaxConcurrency = All.Where(p => p.MaxConcurrency is not null).ToDictionary(p => p.Id, p => p.MaxConcurrency!.Value, StringComparer.Ordinal),
        Run = run,
        CustomInvariants = Invariants,
    };
}
