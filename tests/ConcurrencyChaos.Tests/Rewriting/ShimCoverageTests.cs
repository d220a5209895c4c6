using ConcurrencyChaos.Rewriting;
using Mono.Cecil;

namespace ConcurrencyChaos.Tests.Rewriting;

/// <summary>
/// Which overloads the rewriter redirects, read from .NET's own definitions: every overload of a member that leaves the
/// runtime's thread (or blocks it) finds a shim, so no overload a team happens to call is missed.
/// </summary>
public sealed class ShimCoverageTests
{
    private static readonly ShimMap Shims = ShimMap.Load(Path.Combine(AppContext.BaseDirectory, "ConcurrencyChaos.Shims.dll"));
    private static readonly ModuleDefinition CoreLib = ModuleDefinition.ReadModule(typeof(Task).Assembly.Location);

    public static TheoryData<string, string> EveryOverload => new()
    {
        { "System.Threading.Tasks.Task", "ContinueWith" },
        { "System.Threading.Tasks.Task`1", "ContinueWith" },
        { "System.Threading.Tasks.Task", "Wait" },
        { "System.Threading.Tasks.Task", "WaitAll" },
        { "System.Threading.Tasks.Task", "WaitAny" },
        { "System.Threading.Tasks.Task", "Run" },
        { "System.Threading.Tasks.TaskFactory", "StartNew" },
        { "System.Threading.Tasks.TaskToAsyncResult", "Begin" },
    };

    [Theory]
    [MemberData(nameof(EveryOverload))]
    public void Every_public_overload_has_a_shim(string type, string member)
    {
        var overloads = Overloads(type, member).ToList();

        Assert.NotEmpty(overloads);
        Assert.All(overloads, overload => Assert.True(Shims.Find(overload) is not null, $"{overload.FullName} has no shim"));
    }

    [Fact]
    public void FromAsync_is_redirected_where_it_waits_on_the_thread_pool_and_only_there()
    {
        // The IAsyncResult overloads wait for the operation on a pool thread and run the end method on TaskScheduler.Current;
        // the begin/end overloads call the end method from the operation's own callback, wherever the operation completes.
        var overloads = new[] { "System.Threading.Tasks.TaskFactory", "System.Threading.Tasks.TaskFactory`1" }
            .SelectMany(type => Overloads(type, "FromAsync"))
            .ToLookup(overload => overload.Parameters[0].ParameterType.FullName == "System.IAsyncResult");

        Assert.Equal(9, overloads[true].Count());
        Assert.All(overloads[true], overload => Assert.True(Shims.Find(overload) is not null, $"{overload.FullName} has no shim"));
        Assert.All(overloads[false], overload => Assert.True(Shims.Find(overload) is null, $"{overload.FullName} is redirected"));
    }

    private static IEnumerable<MethodDefinition> Overloads(string type, string member) =>
        CoreLib.GetType(type).Methods.Where(m => m.IsPublic && m.Name == member);
}
