namespace ConcurrencyChaos.Judging;

/// <summary>
/// The invariants runs are judged by: the catalog's, then the consumer's own (<see cref="ChaosInvariant"/>) in the
/// order given, narrowed to a selection of ids. Made once per search or replay; every id is checked here, before
/// anything runs, so a typo is never mistaken for "holds".
/// </summary>
internal sealed class InvariantSet
{
    private InvariantSet(IReadOnlyList<Invariant> selected, IReadOnlyList<string> ids)
    {
        Selected = selected;
        Ids = ids;
    }

    /// <summary>Every catalog invariant, and nothing else.</summary>
    public static InvariantSet Catalog { get; } = new(InvariantCatalog.All, InvariantCatalog.Ids);

    /// <summary>The invariants a run is judged by, in the order their violations are reported.</summary>
    public IReadOnlyList<Invariant> Selected { get; }

    /// <summary>Every id this set knows (selected or not): the catalog's, then the consumer's.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>
    /// The catalog's invariants, <paramref name="custom"/> and <paramref name="property"/> (as the invariant
    /// <c>property</c>), narrowed to <paramref name="selected"/> (all when null).
    /// </summary>
    /// <param name="custom">The consumer's own invariants.</param>
    /// <param name="property">The consumer's post-run property, or null.</param>
    /// <param name="selected">The ids to check; null for all.</param>
    /// <param name="paramName">The parameter <paramref name="selected"/> came in, for the exception.</param>
    /// <param name="customParamName">The parameter <paramref name="custom"/> came in, for the exception.</param>
    /// <exception cref="ArgumentException">
    /// A custom invariant is null, or its id is not kebab-case, is a built-in one's or is repeated, or its summary is
    /// blank; or a selected id names no invariant (the message lists the known ids).
    /// </exception>
    public static InvariantSet Select(
        IEnumerable<ChaosInvariant> custom, Func<RunView, PropertyVerdict>? property, IEnumerable<string>? selected, string paramName, string customParamName)
    {
        ArgumentNullException.ThrowIfNull(custom, customParamName);
        var all = new List<Invariant>(InvariantCatalog.All);
        foreach (var rule in property is null ? custom : custom.Append(new PropertyInvariant(property)))
        {
            var id = rule?.Id;
            var problem = rule is null ? "is null"
                : !ChaosInvariant.IsWellFormedId(id) ? $"has the id '{id}', which is not kebab-case (lower-case letters and digits in words joined by single '-', e.g. \"orders-all-processed\")"
                : all.Any(i => i.Id == id) ? $"has the id '{id}', which {(InvariantCatalog.Contains(id!) ? "is a built-in invariant's" : "another invariant has")}; each id names one invariant"
                : string.IsNullOrWhiteSpace(rule.Summary) ? $"'{id}' has no summary; say its rule in one sentence"
                : null;
            if (problem is not null)
            {
                throw new ArgumentException($"The custom invariant {(rule is null ? "" : $"{rule.GetType().FullName} ")}{problem}.", customParamName);
            }

            all.Add(new CustomInvariant(rule!));
        }

        var ids = all.Select(i => i.Id).ToList();
        if (selected is null)
        {
            return new(all, ids);
        }

        var given = selected.ToList();
        InvariantCatalog.Validate(given, paramName, ids);
        var chosen = given.ToHashSet(StringComparer.Ordinal);
        return new([.. all.Where(i => chosen.Contains(i.Id))], ids);
    }
}
