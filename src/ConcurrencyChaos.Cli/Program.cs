using System.Text;
using ConcurrencyChaos.Cli;
using ConcurrencyChaos.Cli.Configuration;
using ConcurrencyChaos.Cli.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The `chaos` tool. Configuration (chaos.json in the current folder, then CHAOS_ environment variables; the
// command line overrides both) is read and checked first: a bad file or value is exit 2 naming it. The host
// then supplies logging to stderr and the signal lifetime: Ctrl+C / SIGTERM cancel the command's token, so
// it stops, still writes its reports, and exits 130 / 143.
System.Console.OutputEncoding = Encoding.UTF8;

IConfigurationRoot configuration;
ChaosSettings settings;
try
{
    (configuration, settings) = SettingsLoader.Load(Directory.GetCurrentDirectory());
}
catch (BadInputException e)
{
    await System.Console.Error.WriteLineAsync($"{Cli.Name}: {e.Message}").ConfigureAwait(false);
    return ExitCodes.BadInput;
}

var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
builder.Configuration.AddConfiguration(configuration);
builder.Logging
    .AddConfiguration(builder.Configuration.GetSection("Logging"))
    .SetMinimumLevel(LogLevel.Warning)
    .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Services.AddSingleton(services => new SignalLifetime(services.GetRequiredService<IHostApplicationLifetime>(), System.Console.Error));
builder.Services.AddSingleton<IHostLifetime>(services => services.GetRequiredService<SignalLifetime>());

using var host = builder.Build();
await host.StartAsync().ConfigureAwait(false);
var signals = host.Services.GetRequiredService<SignalLifetime>();
var context = new CliContext(
    System.Console.Out,
    System.Console.Error,
    settings,
    host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(Cli.Name),
    ErrorIsTerminal: !System.Console.IsErrorRedirected);

var exitCode = await Cli.RunAsync(args, context, host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping).ConfigureAwait(false);
await System.Console.Out.FlushAsync().ConfigureAwait(false);
await host.StopAsync().ConfigureAwait(false);
return signals.SignalExitCode ?? exitCode;
