using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;

namespace ConcurrencyChaos.Cli.Hosting;

/// <summary>
/// The host's lifetime for a command-line tool: the first SIGINT (Ctrl+C) or SIGTERM stops the application,
/// which cancels the running command's token so it ends its run, writes its reports and exits 130 (SIGINT) or
/// 143 (SIGTERM). If the command has not ended <see cref="GracePeriod"/> after the signal, the process
/// exits with that code anyway (saying so), so a signal always ends chaos; a second signal ends it at once.
/// </summary>
internal sealed class SignalLifetime(IHostApplicationLifetime lifetime, TextWriter error) : IHostLifetime, IDisposable
{
    /// <summary>How long a command may take to stop after the first signal.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(3);

    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _exitCode;

    /// <summary>Gets the exit code the received signal asks for (130 for SIGINT, 143 for SIGTERM), or null when none came.</summary>
    public int? SignalExitCode => Volatile.Read(ref _exitCode) is var code and not 0 ? code : null;

    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        var code = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled;
        if (Interlocked.CompareExchange(ref _exitCode, code, 0) != 0)
        {
            return; // a second signal: let the default action end the process now
        }

        context.Cancel = true;
        lifetime.StopApplication();
        _ = Task.Delay(GracePeriod).ContinueWith(
            _ =>
            {
                error.WriteLine($"chaos: still running {GracePeriod.TotalSeconds:0} s after {context.Signal}; exiting without finishing the reports.");
                error.Flush();
                Environment.Exit(code);
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
    }
}
