using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>The invariants the judge checks, by id, in the order their violations are reported.</summary>
public static class InvariantCatalog
{
    /// <summary>Every invariant, in catalog order. Adding one is one new file and one line here.</summary>
    internal static IReadOnlyList<Invariant> All { get; } =
    [
        new ErrorsObservedInvariant(),
        new NoOrphansInvariant(),
        new CancellationPropagatedInvariant(),
        new FailFastInvariant(),
        new TerminatesInvariant(),
        new WorkDoneInvariant(),
        new NoCrashInvariant(),
        new AssertionInvariant(),
    ];

    /// <summary>The ids of every invariant, in catalog order.</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(i => i.Id)];

    /// <summary>Every invariant's id and rule, in catalog order: what reports say about them.</summary>
    internal static IReadOnlyList<InvariantRule> Rules { get; } = [.. All.Select(i => new InvariantRule(i.Id, i.Summary))];

    /// <summary>Whether <paramref name="id"/> names an invariant.</summary>
    public static bool Contains(string id) => Find(id) is not null;

    /// <summary>The rule an invariant checks, in one sentence.</summary>
    /// <exception cref="ArgumentException">No invariant has this id.</exception>
    public static string Describe(string id) => Get(id).Summary;

    /// <summary>
    /// Checks that every id names an invariant: the one check of invariant ids, for every option, argument
    /// and command-line flag that takes them.
    /// </summary>
    /// <param name="ids">The ids to check.</param>
    /// <param name="paramName">The name of the parameter they came in, for the exception.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is null or names no invariant; the message names it and lists the known ids.</exception>
    public static void Validate(IEnumerable<string> ids, string paramName) => Validate(ids, paramName, Ids);

    /// <summary>
    /// Checks your own invariants as a search or a replay given them checks them before anything runs (each is not
    /// null, its id is kebab-case, not a built-in invariant's and given once, its summary is not blank), then that every
    /// id of <paramref name="ids"/> names a built-in invariant or one of <paramref name="custom"/>.
    /// </summary>
    /// <param name="ids">The ids to check.</param>
    /// <param name="custom">Your own invariants (e.g. <c>ChaosOptions.CustomInvariants</c>).</param>
    /// <param name="paramName">The name of the parameter <paramref name="ids"/> came in, for the exception.</param>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> or <paramref name="custom"/> is null.</exception>
    /// <exception cref="ArgumentException">A custom invariant is malformed (the message names its type), or an id names no invariant.</exception>
    public static void Validate(IEnumerable<string> ids, IEnumerable<ChaosInvariant> custom, string paramName)
    {
        ArgumentNullException.ThrowIfNull(ids, paramName);
        _ = InvariantSet.Select(custom, null, ids, paramName, nameof(custom));
    }

    /// <summary>Checks that every id of <paramref name="ids"/> is one of <paramref name="known"/>: the one loop behind every check of ids.</summary>
    internal static void Validate(IEnumerable<string> ids, string paramName, IReadOnlyList<string> known)
    {
        ArgumentNullException.ThrowIfNull(ids, paramName);
        foreach (var id in ids)
        {
            if (id is null || !known.Contains(id, StringComparer.Ordinal))
            {
                throw Unknown(id, paramName, known);
            }
        }
    }

    /// <summary>The invariant with this id.</summary>
    /// <exception cref="ArgumentException">No invariant has this id.</exception>
    internal static Invariant Get(string id) => Find(id) ?? throw Unknown(id, nameof(id));

    /// <summary>The error for an id that names no invariant among <paramref name="known"/> (the catalog's by default).</summary>
    private static ArgumentException Unknown(string? id, string paramName, IEnumerable<string>? known = null) =>
        new($"Unknown invariant id '{id}'. Known ids: {string.Join(", ", known ?? Ids)}.", paramName);

    private static Invariant? Find(string id) => All.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));
}
