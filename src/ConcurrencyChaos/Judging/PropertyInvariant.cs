namespace ConcurrencyChaos.Judging;

/// <summary>
/// property: the consumer's post-run property (<c>ChaosOptions.Property</c>) holds. A <see cref="ChaosInvariant"/> like
/// any other, made from a function instead of a class.
/// </summary>
internal sealed class PropertyInvariant(Func<RunView, PropertyVerdict> property) : ChaosInvariant
{
    /// <summary>The id of the post-run property's violations.</summary>
    public const string PropertyId = "property";

    /// <inheritdoc />
    public override string Id => PropertyId;

    /// <inheritdoc />
    public override string Summary => "The property given in the options holds after the run.";

    /// <inheritdoc />
    public override IEnumerable<string> Check(RunView run)
    {
        var verdict = property(run) ?? throw new InvalidOperationException("The property returned null instead of a PropertyVerdict.");
        return verdict.Message is { } message ? [message] : [];
    }
}
