using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Judging;

/// <summary>A consumer's <see cref="ChaosInvariant"/> as the judge runs it: its messages become violations of its id, made without a finding.</summary>
internal sealed class CustomInvariant(ChaosInvariant rule) : Invariant
{
    /// <inheritdoc />
    public override string Id { get; } = rule.Id;

    /// <inheritdoc />
    public override string Summary { get; } = rule.Summary;

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The consumer's rule threw; the message names it.</exception>
    public override void Check(JudgeInput input, ref List<Violation>? found)
    {
        ArgumentNullException.ThrowIfNull(input);
        List<string> messages;
        try
        {
            messages = [.. rule.Check(input.View)];
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException($"The invariant '{Id}' ({rule.GetType().FullName}) threw while judging a run: {e.Message}", e);
        }

        foreach (var message in messages)
        {
            Add(input, ref found, new Violation(Id, message));
        }
    }
}
