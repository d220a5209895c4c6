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

    /// <summary>Every way this run breaks the rule, ordered by the node each one is about (tree pre-order).</summary>
    public abstract IEnumerable<Violation> Check(JudgeInput input);

    /// <summary>A violation of this invariant: what it found, and the line that says it.</summary>
    protected Violation Violated(Finding finding, string message) => new(Id, message) { Finding = finding };

    /// <summary>
    /// A violation of this invariant: what it found, and how <paramref name="say"/> words it from the finding alone, when
    /// its message is first read (most judged violations never are).
    /// </summary>
    protected Violation Violated(Finding finding, Func<Finding, string> say) => new(Id, finding, say);
}
