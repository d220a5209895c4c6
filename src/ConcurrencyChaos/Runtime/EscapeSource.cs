using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace ConcurrencyChaos.Runtime;

/// <summary>
/// Names what took work of a run to another thread, from a stack: the async method that resumed there (user code,
/// or the BCL method such as <c>SemaphoreSlim.WaitAsync</c> that awaits with <c>ConfigureAwait(false)</c>), else the
/// mechanism that ran it (a pool task, a real timer, a work item, a thread), and the first frame of user code.
/// </summary>
internal static class EscapeSource
{
    /// <summary>BCL async methods whose name is not the public API that runs them.</summary>
    private static readonly Dictionary<string, string> PublicNames = new(StringComparer.Ordinal)
    {
        ["SemaphoreSlim.WaitUntilCountOrTimeoutAsync"] = "SemaphoreSlim.WaitAsync",
        ["Task.IterateWhenEach"] = "Task.WhenEach",
        ["Parallel.ForEachAsync"] = "Parallel.ForEachAsync",
    };

    private static readonly string FrameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? "";

    /// <summary>What started running the run's context on this thread, read from the stack where it switched to it.</summary>
    public static string Arrival(StackTrace stack)
    {
        string? mechanism = null;
        foreach (var frame in stack.GetFrames())
        {
            if (frame.GetMethod() is not { DeclaringType: { } type } method)
            {
                continue;
            }

            if (StateMachineOf(type) is { IsGenericParameter: true } or { Name: "__Canon" })
            {
                // Shared generic code: the box does not say which method it runs.
                mechanism ??= "an async method resumed on the thread pool after an await (ConfigureAwait(false), or a task completed on another thread)";
            }
            else if (StateMachineOf(type) is { } machine && !IsOurs(machine.Assembly))
            {
                var name = OwnerName(machine);
                return IsFramework(machine.Assembly)
                    ? $"{name} (a .NET method that continues on the thread pool)"
                    : $"{name} resumed on the thread pool after an await (ConfigureAwait(false), or a task completed on another thread)";
            }

            mechanism ??= Mechanism(type, method);
        }

        return mechanism ?? "the thread pool";
    }

    /// <summary>
    /// The first method of user code on <paramref name="stack"/> (not ours, not .NET's), as <c>Type.Method</c>, followed
    /// by the method the thread entered user code through when that is another one.
    /// </summary>
    public static string? UserFrame(StackTrace stack)
    {
        var user = stack.GetFrames()
            .Select(frame => frame.GetMethod())
            .Where(method => method?.DeclaringType is { } type && !IsOurs(type.Assembly) && !IsFramework(type.Assembly))
            .Select(method => StateMachineOf(method!.DeclaringType!) is { } machine ? OwnerName(machine) : $"{Outermost(method.DeclaringType!).Name}.{Unmangle(method.Name)}")
            .ToList();
        return user.Count == 0 ? null : user[0] == user[^1] ? user[0] : $"{user[0]}, entered through {user[^1]}";
    }

    private static string? Mechanism(Type type, MethodBase method) => (type.FullName ?? type.Name) switch
    {
        "System.Threading.TimerQueueTimer" => "a real timer (System.Threading.Timer, Task.Delay, WaitAsync or CancelAfter on the real clock)",
        "System.Threading.Tasks.Task" when method.Name.StartsWith("Execute", StringComparison.Ordinal) =>
            "a task on the thread pool (Task.Run, Task.Factory.StartNew or ContinueWith without the runtime's scheduler)",
        "System.Threading.QueueUserWorkItemCallback" or "System.Threading.QueueUserWorkItemCallbackDefaultContext" => "ThreadPool.QueueUserWorkItem",
        "System.Threading.Thread" when method.Name.Contains("Start", StringComparison.Ordinal) => "a new Thread",
        _ => null,
    };

    /// <summary>The async state machine a frame belongs to: the type itself, or the one a pool box is running.</summary>
    private static Type? StateMachineOf(Type type)
    {
        if (typeof(IAsyncStateMachine).IsAssignableFrom(type))
        {
            return type;
        }

        return type.IsGenericType && type.Name.StartsWith("AsyncStateMachineBox", StringComparison.Ordinal)
            ? type.GetGenericArguments().LastOrDefault()
            : null;
    }

    /// <summary><c>Type.Method</c> of the method a compiler-generated state machine belongs to.</summary>
    private static string OwnerName(Type machine)
    {
        var name = $"{Outermost(machine).Name}.{Unmangle(machine.Name)}";
        return PublicNames.GetValueOrDefault(name, name);
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer && type.Name.StartsWith('<'))
        {
            type = outer;
        }

        return type;
    }

    /// <summary><c>&lt;RunAsync&gt;d__3</c> → <c>RunAsync</c>; <c>&lt;&lt;Main&gt;g__Local|0_0&gt;d</c> → <c>Local</c>.</summary>
    private static string Unmangle(string name)
    {
        if (!name.StartsWith('<'))
        {
            return name;
        }

        var local = name.IndexOf("g__", StringComparison.Ordinal);
        if (local >= 0)
        {
            var end = name.IndexOf('|', local);
            return end > local ? name[(local + 3)..end] : name;
        }

        var close = name.IndexOf('>', StringComparison.Ordinal);
        return close > 1 ? name[1..close].TrimStart('<') : name;
    }

    private static bool IsOurs(Assembly assembly) => assembly.GetName().Name is "ConcurrencyChaos" or "ConcurrencyChaos.Shims";

    private static bool IsFramework(Assembly assembly) =>
        assembly.IsDynamic || string.Equals(Path.GetDirectoryName(assembly.Location), FrameworkDirectory, StringComparison.Ordinal);
}
