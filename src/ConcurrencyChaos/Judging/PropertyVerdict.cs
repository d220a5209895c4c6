namespace ConcurrencyChaos.Judging;

/// <summary>What a post-run property (<c>ChaosOptions.Property</c>) says of one run: it held, or it failed and why.</summary>
public sealed class PropertyVerdict
{
    private PropertyVerdict(string? message) => Message = message;

    /// <summary>Gets the verdict of a property that held.</summary>
    public static PropertyVerdict Holds { get; } = new(null);

    /// <summary>Gets whether the property held.</summary>
    public bool Held => Message is null;

    /// <summary>Gets why the property failed, in one line; null when it held.</summary>
    public string? Message { get; }

    /// <summary>The verdict of a property that failed: the run breaks the invariant <c>property</c> with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong, in one line.</param>
    /// <returns>The verdict.</returns>
    /// <exception cref="ArgumentException"><paramref name="message"/> is null or blank.</exception>
    public static PropertyVerdict Fails(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        return new(message);
    }

    /// <inheritdoc />
    public override string ToString() => Message is null ? "held" : $"failed: {Message}";
}
