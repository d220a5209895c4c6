using ConcurrencyChaos.Cli.Input;
using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Patterns;
using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos.Cli.Patterns;

/// <summary>The patterns a command may name: the catalog's, then the team's own from <c>--assembly</c>, each id once.</summary>
internal sealed class PatternSet
{
    private readonly Dictionary<string, KnownPattern> _byId;

    private PatternSet(IReadOnlyList<KnownPattern> all)
    {
        All = all;
        _byId = all.ToDictionary(p => p.Id, StringComparer.Ordinal);
        Vocabulary = Chaos.Vocabulary.WithPatterns(all.Where(p => !p.IsCatalog).Select(p => p.Id));
    }

    /// <summary>The catalog alone.</summary>
    public static PatternSet Catalog { get; } = new([.. PatternCatalog.All.Select(KnownPattern.FromCatalog)]);

    /// <summary>Every pattern: catalog order, then the team's in the order found.</summary>
    public IReadOnlyList<KnownPattern> All { get; }

    /// <summary>The ids a scenario file may name: the built-in vocabulary plus the team's pattern ids.</summary>
    public ScenarioVocabulary Vocabulary { get; }

    /// <summary>The catalog plus <paramref name="own"/> (whose ids are unique and not catalog ids: <see cref="PatternAssemblies"/> checked).</summary>
    public static PatternSet With(IEnumerable<KnownPattern> own) => new([.. Catalog.All, .. own]);

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

    /// <summary>How <c>Chaos.Verify</c> replays scenarios naming the team's patterns.</summary>
    public ScenarioOptions ScenarioOptions(RunOptions run) => new()
    {
        Patterns = All.Where(p => !p.IsCatalog).ToDictionary(p => p.Id, p => p.Factory, StringComparer.Ordinal),
        Run = run,
    };
}
