using System.Text.Encodings.Web;
using System.Text.Json;

namespace ConcurrencyChaos.Cli.Reports;

/// <summary>
/// The JSON report, format version 1 (documented in docs/cli.md). Every field is always present
/// (null when a command does not fill it), names are camelCase, and new fields may be added but
/// none removed or renamed without bumping <c>version</c>. Text is escaped only where JSON requires it
/// (quotes as <c>\"</c>, not <c>\u0027</c> or <c>\u0022</c>), since people read these files too.
/// </summary>
internal static class JsonReportWriter
{
    public const int Version = 1;

    public static void Write(Report report, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("tool", "chaos");
        json.WriteNumber("version", Version);
        json.WriteString("command", report.Command);
        json.WriteBoolean("cancelled", report.Cancelled);
        json.WriteNumber("elapsedMs", (long)report.Elapsed.TotalMilliseconds);
        json.WriteNumber("passed", report.PassedCount);
        json.WriteNumber("failed", report.FailedCount);
        json.WriteStartArray("cases");
        foreach (var c in report.Cases)
        {
            json.WriteStartObject();
            json.WriteString("suite", c.Suite);
            json.WriteString("pattern", c.Pattern);
            json.WriteBoolean("passed", c.Passed);
            json.WriteString("description", c.Description);
            json.WriteNumber("elapsedMs", (long)c.Time.TotalMilliseconds);
            WriteStringOrNull(json, "file", c.File);
            WriteList(json, "expected", c.Expected);
            WriteList(json, "actual", c.Actual);
            WriteNumberOrNull(json, "seed", c.Seed);
            WriteNumberOrNull(json, "trees", c.Trees);
            WriteStringOrNull(json, "stoppedEarly", c.StoppedEarly);
            WriteNumberOrNull(json, "counterexampleNodes", c.CounterexampleNodes);
            WriteStringOrNull(json, "counterexample", c.Counterexample);
            WriteStringOrNull(json, "savedTo", c.SavedTo);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void Write(Report report, string path)
    {
        using var stream = File.Create(path);
        Write(report, stream);
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
