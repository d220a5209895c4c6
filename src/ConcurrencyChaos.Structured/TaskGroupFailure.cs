namespace ConcurrencyChaos;

/// <summary>
/// One error of a <see cref="TaskGroup"/>, with the member that threw it: a child (by the order it was started in
/// and the name it was given), the body, or a callback on the group's <see cref="TaskGroup.Token"/>.
/// </summary>
public sealed class TaskGroupFailure
{
    internal TaskGroupFailure(Exception exception, int? childIndex, string? childName, bool isBody)
    {
        Exception = exception;
        ChildIndex = childIndex;
        ChildName = childName;
        IsBody = isBody;
    }

    /// <summary>Gets the error, as it appears in <see cref="AggregateException.InnerExceptions"/>.</summary>
    public Exception Exception { get; }

    /// <summary>
    /// Gets the 0-based order in which the child that threw was started (by <c>Run</c> or <c>StartAsync</c>), counting
    /// every child the group started; <see langword="null"/> when the body or a callback threw.
    /// </summary>
    public int? ChildIndex { get; }

    /// <summary>Gets the name the child was started with; <see langword="null"/> if it has none, or for the body or a callback.</summary>
    public string? ChildName { get; }

    /// <summary>
    /// Gets a value indicating whether the body threw. When neither this nor <see cref="ChildIndex"/> is set, a callback
    /// registered on <see cref="TaskGroup.Token"/> threw when the group cancelled it.
    /// </summary>
    public bool IsBody { get; }

    /// <summary>Gets who threw, for messages: <c>child 2 "pricing"</c>, <c>child 2</c>, <c>the body</c> or <c>a callback on the group's token</c>.</summary>
    public string Member =>
        ChildIndex is { } index ? (ChildName is null ? $"child {index}" : $"child {index} \"{ChildName}\"")
        : IsBody ? "the body"
        : "a callback on the group's token";

    /// <summary>Returns who threw what: <c>child 2 "pricing": InvalidOperationException: boom</c>.</summary>
    /// <returns>The member, the error's type name and its message.</returns>
    public override string ToString() => $"{Member}: {Exception.GetType().Name}: {Exception.Message}";
}
