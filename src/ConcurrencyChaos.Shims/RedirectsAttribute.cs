namespace ConcurrencyChaos.Shims;

/// <summary>
/// Marks a shim: the rewriter replaces every call of the member <see cref="Member"/> of <see cref="Type"/>
/// whose parameters match this method's (for an instance member, after the receiver, which is this method's
/// first parameter) with a call of this method. Constructors are named <c>.ctor</c>, property getters
/// <c>get_Name</c>. Generic parameters of the type come first in this method's generic parameters, then the
/// member's own.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RedirectsAttribute(Type type, string member) : Attribute
{
    /// <summary>Gets the type that declares the redirected member (an open generic type for a generic one).</summary>
    public Type Type { get; } = type;

    /// <summary>Gets the redirected member's metadata name.</summary>
    public string Member { get; } = member;
}
