namespace ConcurrencyChaos.Model;

/// <summary>How the pattern a report names was given: it decides how a pasted test refers to it.</summary>
internal enum PatternKind
{
    /// <summary>The name is a catalog id: a test passes it as a string.</summary>
    CatalogId,

    /// <summary>The name is the consumer's delegate's <c>Type.Method</c>: a test names the method.</summary>
    Delegate,

    /// <summary>A lambda, which has no readable name: a test gets a placeholder to fill in.</summary>
    Lambda,
}
