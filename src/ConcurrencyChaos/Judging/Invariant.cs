using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>
/// One rule a fan-out pattern must keep, judged as a pure function of the tree and its trace: no
/// clocks, no randomness, no running code. Register a new one in <see cref="InvariantCatalog"/>.
/// </summary>
internal abstract class Invariant
{
    /// <summary>The stable kebab-case id, e.g. "no-orphans".</summary>
    public abstract string Id { get; }

    /// <summary>The rule in one sentence.</summary>
    public abstract string Summary { get; }

    /// <summary>
    /// Adds every way this run breaks the rule to <paramref name="found"/> (made at the first), ordered by the node each
    /// one is about (tree pre-order). A list passed along, not an iterator: a run that holds, as most do, costs no
    /// object per invariant.
    /// </summary>
    public abstract void Check(JudgeInput input, ref List<Violation>? found);

    /// <summary>A violation of this invariant: what it found, and the line that says it.</summary>
    protected Violation Violated(Finding finding, string message) => new(Id, message) { Finding = finding };

    /// <summary>
    /// A violation of this invariant: what it found, and how <paramref name="say"/> words it from the finding alone, when
    /// its message is first read (most judged violations never are).
    /// </summary>
    protected Violation Violated(Finding finding, Func<Finding, string> say) => new(Id, finding, say);

    /// <summary>
    /// Adds <paramref name="violation"/> to <paramref name="found"/>, made at the first with room for one a node: grown
    /// from 4, it would copy itself a dozen times in a run that breaks rules at thousands of nodes, and a small tree's is small.
    /// </summary>
    protected static void Add(JudgeInput input, ref List<Violation>? found, Violation violation) => (found ??= new(input.Count)).Add(violation);
}
