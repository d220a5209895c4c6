namespace ConcurrencyChaos.Shims;

/// <summary>
/// Put on an assembly by the rewriter: its calls of the APIs that leave a thread go through the shims of this
/// assembly. The rewriter leaves an assembly that carries it alone.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class ChaosRewrittenAttribute(string version) : Attribute
{
    /// <summary>Gets the version of the rewriting (the shims assembly's version) that rewrote it.</summary>
    public string Version { get; } = version;
}
