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
    ];

    /// <summary>The ids of every invariant, in catalog order.</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(i => i.Id)];

    /// <summary>Whether <paramref name="id"/> names an invariant.</summary>
    public static bool Contains(string id) => Find(id) is not null;

    /// <summary>The rule an invariant checks, in one sentence.</summary>
    /// <exception cref="ArgumentException">No invariant has this id.</exception>
    public static string Describe(string id) => Get(id).Summary;

    /// <summary>The invariant with this id.</summary>
    /// <exception cref="ArgumentException">No invariant has this id.</exception>
    internal static Invariant Get(string id) =>
        Find(id) ?? throw new ArgumentException(
            $"Unknown invariant '{id}'. Known invariants: {string.Join(", ", Ids)}.", nameof(id));

    private static Invariant? Find(string id) => All.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));
}
