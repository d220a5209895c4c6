using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Tests.Runtime;

public class DiagnosticLogTests
{
    [Fact]
    public void One_entry_per_kind_and_node_the_first_message_wins()
    {
        var log = new DiagnosticLog();
        log.Report(DiagnosticKind.ThreadPool, "0.1", "first");
        log.Report(DiagnosticKind.ThreadPool, "0.1", "second");
        log.Report(DiagnosticKind.ThreadPool, "0.2", "other node");
        log.Report(DiagnosticKind.BlockingWait, "0.1", "other kind");
        log.Report(DiagnosticKind.RealTimer, null, "hint", hint: true);

        Assert.Equal(
            [
                new RuntimeDiagnostic(DiagnosticKind.ThreadPool, "0.1", "first"),
                new RuntimeDiagnostic(DiagnosticKind.ThreadPool, "0.2", "other node"),
                new RuntimeDiagnostic(DiagnosticKind.BlockingWait, "0.1", "other kind"),
                new RuntimeDiagnostic(DiagnosticKind.RealTimer, null, "hint") { IsHint = true },
            ],
            log.Snapshot());
    }

    [Fact]
    public void Reports_from_many_threads_are_all_kept()
    {
        var log = new DiagnosticLog();
        Parallel.For(0, 200, i => log.Report(DiagnosticKind.ThreadPool, $"0.{i % 50}", $"from {i}"));

        Assert.Equal(50, log.Snapshot().Count);
    }
}
