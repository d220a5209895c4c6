using Contoso.FanOut;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ConcurrencyChaos.RealCode.Tests;

/// <summary>What rewriting keeps (the library's debug information) and what it reaches (method groups handed to the pool).</summary>
public sealed class RewrittenLibraryTests
{
    [Fact]
    public async Task A_stack_trace_through_rewritten_code_points_at_the_library_source_line()
    {
        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => ResilientFanOut.RunThrottledAsync(null!, CancellationToken.None));

        Assert.Matches(@"ResilientFanOut\.cs:line \d+", error.StackTrace);
    }

    [Fact]
    public void A_method_group_handed_to_the_thread_pool_is_redirected_at_the_call_that_takes_it()
    {
        // The delegate is made with ldftn (no call of the API in it); the call that hands it to the pool names the API,
        // and that call is what the rewriter redirects. RealCodeChaosTests runs this fan-out with no escape.
        using var library = AssemblyDefinition.ReadAssembly(typeof(LegacyFanOut).Assembly.Location);
        var body = library.MainModule.GetType("Contoso.FanOut.LegacyFanOut").NestedTypes
            .Single(t => t.Name.Contains(nameof(LegacyFanOut.RunOnPoolThroughMethodGroupsAsync), StringComparison.Ordinal))
            .Methods.Single(m => m.Name == "MoveNext").Body.Instructions;
        var methodGroups = body.Where(i => i.OpCode.Code == Code.Ldftn).Select(i => ((MethodReference)i.Operand).Name);
        var calls = body.Where(i => i.OpCode.Code is Code.Call or Code.Callvirt).Select(i => (MethodReference)i.Operand)
            .Where(m => m.Name is "QueueUserWorkItem" or "StartNew" or "Run")
            .Select(m => $"{m.DeclaringType.Name}.{m.Name}");

        Assert.Equal(["Execute", "RunQueued", "RunAsync"], methodGroups);
        Assert.Equal(["ThreadPoolShims.QueueUserWorkItem", "TaskFactoryShims.StartNew", "TaskShims.Run"], calls);
    }
}
