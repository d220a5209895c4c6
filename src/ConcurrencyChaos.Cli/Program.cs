using System.Text;
using ConcurrencyChaos.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

// The `chaos` tool. The host supplies configuration (chaos.json in the current folder, then CHAOS_
// environment variables; the command line overrides both), logging to stderr, and Ctrl+C / SIGTERM,
// which cancel the command's token so a search stops cleanly and still writes its report.
System.Console.OutputEncoding = Encoding.UTF8;

var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
builder.Configuration
    .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "chaos.json"), optional: true, reloadOnChange: false)
    .AddEnvironmentVariables("CHAOS_");
builder.Logging
    .AddConfiguration(builder.Configuration.GetSection("Logging"))
    .SetMinimumLevel(LogLevel.Warning)
    .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Services.AddSingleton<IHostLifetime, ConsoleLifetime>();
builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);

using var host = builder.Build();
await host.StartAsync().ConfigureAwait(false);
var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
var context = new CliContext(
    System.Console.Out,
    System.Console.Error,
    host.Services.GetRequiredService<IConfiguration>(),
    host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("chaos"),
    ErrorIsTerminal: !System.Console.IsErrorRedirected);

int exitCode;
try
{
    exitCode = await Cli.RunAsync(args, context, lifetime.ApplicationStopping).ConfigureAwait(false);
}
catch (OperationCanceledException)
{
    await System.Console.Error.WriteLineAsync("chaos: cancelled").ConfigureAwait(false);
    exitCode = ExitCodes.Violated;
}

await host.StopAsync().ConfigureAwait(false);
return exitCode;
