using ConcurrencyChaos.Model;
using static ConcurrencyChaos.Tests.Invariants.Trees;

namespace ConcurrencyChaos.Tests.Invariants;

/// <summary>
/// no-crash: nothing escapes where a real application would crash. The runtime catches an exception that escaped an
/// <c>async void</c> method or a posted callback and reports it (<c>async-void-exception</c>); where a real process
/// would have died, the run breaks <c>no-crash</c> — even when the caller's await ended cleanly.
/// </summary>
public class NoCrashTests
{
    private const string Id = "no-crash";
    private static readonly TaskTree OneLeaf = Tree(Fails(10));

    [Fact]
    public void An_async_void_helper_that_throws_next_to_a_correct_group_would_crash_the_process()
    {
        var report = Chaos.Run(OneLeaf, async (children, ct) =>
        {
            LogInBackground();
            await TaskGroup.WhenAll(children, ct);
        }, invariants: [Id]);

        var crash = Assert.IsType<CrashFinding>(Assert.Single(report.Violations).Finding);
        Assert.Equal(DiagnosticKind.AsyncVoidException, crash.Diagnostic.Kind);
        Assert.Equal("InvalidOperationException escaped an async void method or a posted callback; in a real application this crashes the process", report.Violations[0].Message);
    }

    [Fact]
    public void Each_diagnostic_that_would_crash_is_a_violation_of_the_node_it_names()
    {
        var trace = Ran([
            new RuntimeDiagnostic(DiagnosticKind.AsyncVoidException, "0.0", "IOException from 0.0 escaped an async void method"),
            new RuntimeDiagnostic(DiagnosticKind.ThreadPool, "0.0", "ran on the pool"),
        ]);

        Assert.Equal(["IOException from 0.0 escaped an async void method"], Judging.Messages(Id, OneLeaf, trace));
        Assert.Equal("0.0", Assert.Single(Judging.Findings<CrashFinding>(Id, OneLeaf, trace)).NodeId);
    }

    [Fact]
    public void A_crash_the_runtime_cannot_attribute_is_the_roots()
    {
        var trace = Ran([new RuntimeDiagnostic(DiagnosticKind.AsyncVoidException, null, "TaskCanceledException escaped")]);
        Assert.Equal("0", Assert.Single(Judging.Findings<CrashFinding>(Id, OneLeaf, trace)).NodeId);
    }

    [Fact]
    public void Escapes_that_would_not_crash_are_left_to_the_diagnostics()
    {
        Assert.Empty(Judging.Messages(Id, OneLeaf, Ran([new RuntimeDiagnostic(DiagnosticKind.BlockingWait, "0.0", "blocked")])));
    }

#pragma warning disable VSTHRD100, VSTHRD200 // an async void helper is exactly what this test is about
    private static async void LogInBackground()
    {
        await Task.Yield();
        throw new InvalidOperationException("the log is full");
    }
#pragma warning restore VSTHRD100, VSTHRD200

    private static Trace Ran(IReadOnlyList<RuntimeDiagnostic> diagnostics)
    {
        var events = new TraceBuilder()
            .Started("0", 0).Started("0.0", 0)
            .Fails("0.0", 10, ErrorKind.IOException).Ended("0", 10, NodeOutcome.Faulted)
            .Events;
        var root = new RootResult(NodeOutcome.Faulted, "IOException from 0.0", [new InjectedError("0.0", ErrorKind.IOException, ErrorOrigin.Fail)]);
        return new Trace([.. events], root, RunStatus.Completed, diagnostics, 10, events.Count);
    }
}
