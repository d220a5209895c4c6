using System.Diagnostics.CodeAnalysis;

namespace ConcurrencyChaos;

/// <summary>
/// <see cref="TaskGroup.Run(Func{CancellationToken, Task})"/> for children that return a <see cref="ValueTask"/> or a
/// <see cref="ValueTask{TResult}"/>: <c>group.Run(ct =&gt; channel.Writer.WriteAsync(item, ct))</c>.
/// </summary>
/// <remarks>
/// These are extension methods, not overloads on <see cref="TaskGroup"/>, so that C# keeps choosing the
/// <see cref="Task"/> forms for <c>async</c> lambdas (which convert to both) and only reaches these when the child's
/// delegate returns a <see cref="ValueTask"/>. Each turns the value task into a task and starts it with
/// <c>Run</c>: the same child in every respect, its task given back as a <see cref="Task"/>.
/// </remarks>
public static class TaskGroupValueTaskExtensions
{
    private const string RunIsNotAsync = "Mirrors TaskGroup.Run: it starts a child, it does not await it.";

    /// <summary>Starts a child that returns a <see cref="ValueTask"/> in <paramref name="group"/>, passing it <see cref="TaskGroup.Token"/>.</summary>
    /// <param name="group">The group to start the child in.</param>
    /// <param name="work">The child; invoked synchronously, before <c>Run</c> returns.</param>
    /// <returns>The child's task, as <see cref="TaskGroup.Run(Func{CancellationToken, Task})"/>.</returns>
    /// <exception cref="InvalidOperationException">The group has ended.</exception>
    [SuppressMessage("Usage", "VSTHRD200:Use \"Async\" suffix for async methods", Justification = RunIsNotAsync)]
    public static Task Run(this TaskGroup group, Func<CancellationToken, ValueTask> work) => Run(group, null, work);

    /// <summary>Starts a named child that returns a <see cref="ValueTask"/> in <paramref name="group"/>, passing it <see cref="TaskGroup.Token"/>.</summary>
    /// <param name="group">The group to start the child in.</param>
    /// <param name="name">The child's name in <see cref="TaskGroupException.Failures"/>; <see langword="null"/> for none.</param>
    /// <param name="work">The child; invoked synchronously, before <c>Run</c> returns.</param>
    /// <returns>The child's task, as <see cref="TaskGroup.Run(string?, Func{CancellationToken, Task})"/>.</returns>
    /// <exception cref="InvalidOperationException">The group has ended.</exception>
    [SuppressMessage("Usage", "VSTHRD200:Use \"Async\" suffix for async methods", Justification = RunIsNotAsync)]
    public static Task Run(this TaskGroup group, string? name, Func<CancellationToken, ValueTask> work)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(work);
        return group.Run(name, ct => work(ct).AsTask());
    }

    /// <summary>Starts a child that returns a <see cref="ValueTask{TResult}"/> in <paramref name="group"/>, passing it <see cref="TaskGroup.Token"/>.</summary>
    /// <typeparam name="T">The child's result type.</typeparam>
    /// <param name="group">The group to start the child in.</param>
    /// <param name="work">The child; invoked synchronously, before <c>Run</c> returns.</param>
    /// <returns>The child's task, which holds its result once the group has ended, as <see cref="TaskGroup.Run{T}(Func{CancellationToken, Task{T}})"/>.</returns>
    /// <exception cref="InvalidOperationException">The group has ended.</exception>
    [SuppressMessage("Usage", "VSTHRD200:Use \"Async\" suffix for async methods", Justification = RunIsNotAsync)]
    public static Task<T> Run<T>(this TaskGroup group, Func<CancellationToken, ValueTask<T>> work) => Run(group, null, work);

    /// <summary>Starts a named child that returns a <see cref="ValueTask{TResult}"/> in <paramref name="group"/>, passing it <see cref="TaskGroup.Token"/>.</summary>
    /// <typeparam name="T">The child's result type.</typeparam>
    /// <param name="group">The group to start the child in.</param>
    /// <param name="name">The child's name in <see cref="TaskGroupException.Failures"/>; <see langword="null"/> for none.</param>
    /// <param name="work">The child; invoked synchronously, before <c>Run</c> returns.</param>
    /// <returns>The child's task, as <see cref="TaskGroup.Run{T}(string?, Func{CancellationToken, Task{T}})"/>.</returns>
    /// <exception cref="InvalidOperationException">The group has ended.</exception>
    [SuppressMessage("Usage", "VSTHRD200:Use \"Async\" suffix for async methods", Justification = RunIsNotAsync)]
    public static Task<T> Run<T>(this TaskGroup group, string? name, Func<CancellationToken, ValueTask<T>> work)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(work);
        return group.Run(name, ct => work(ct).AsTask());
    }
}
