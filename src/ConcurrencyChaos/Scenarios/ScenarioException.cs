using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ConcurrencyChaos.Scenarios;

/// <summary>
/// A scenario file that cannot be read: invalid JSON, or JSON that does not describe a scenario.
/// The <see cref="Exception.Message"/> names the file, where in it the problem is, and what to change.
/// </summary>
public sealed class ScenarioException : Exception
{
    private string _source;

    /// <summary>Creates an exception for a problem at <paramref name="jsonPath"/> of the scenario <paramref name="source"/>.</summary>
    /// <param name="source">The file (or other source name) the scenario came from.</param>
    /// <param name="jsonPath">Where in the JSON the problem is, e.g. <c>$.tree.children[1].work</c>; empty when the problem is not inside the JSON.</param>
    /// <param name="problem">What is wrong, in words a person can act on.</param>
    public ScenarioException(string source, string jsonPath, string problem)
        : this(source, jsonPath, problem, null, null, null)
    {
    }

    /// <summary>Creates an exception for a problem of the scenario <paramref name="source"/>, optionally at a line and column.</summary>
    /// <param name="source">The file (or other source name) the scenario came from.</param>
    /// <param name="jsonPath">Where in the JSON the problem is; empty when the problem is not inside the JSON.</param>
    /// <param name="problem">What is wrong, in words a person can act on.</param>
    /// <param name="line">The 1-based line of the problem, when known.</param>
    /// <param name="column">The 1-based column (in UTF-8 bytes) of the problem, when known.</param>
    /// <param name="innerException">The exception that revealed the problem, if any.</param>
    public ScenarioException(string source, string jsonPath, string problem, long? line, long? column, Exception? innerException)
        : base(Format(source, jsonPath, problem, line, column), innerException)
    {
        _source = source ?? string.Empty;
        JsonPath = jsonPath ?? string.Empty;
        Problem = problem ?? string.Empty;
        Line = line;
        Column = column;
    }

    /// <summary>Creates an exception with no source or path (prefer the other constructors).</summary>
    public ScenarioException()
        : this(string.Empty, string.Empty, "invalid scenario")
    {
    }

    /// <summary>Creates an exception with this message and no source or path (prefer the other constructors).</summary>
    /// <param name="message">The message.</param>
    public ScenarioException(string message)
        : this(string.Empty, string.Empty, message)
    {
    }

    /// <summary>Creates an exception with this message and cause and no source or path (prefer the other constructors).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ScenarioException(string message, Exception? innerException)
        : this(string.Empty, string.Empty, message, null, null, innerException)
    {
    }

    /// <summary>The file (or other source name) the scenario came from.</summary>
    [AllowNull]
    public override string Source
    {
        get => _source;
        set => _source = value ?? string.Empty;
    }

    /// <summary>Where in the JSON the problem is, e.g. <c>$.tree.children[1].work</c>, <c>$</c> for the whole document; empty when the problem is not inside the JSON (e.g. a missing file).</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong, without the source and path prefix.</summary>
    public string Problem { get; }

    /// <summary>The 1-based line of a JSON syntax error, or null.</summary>
    public long? Line { get; }

    /// <summary>The 1-based column (in UTF-8 bytes) of a JSON syntax error, or null.</summary>
    public long? Column { get; }

    private static string Format(string? source, string? jsonPath, string? problem, long? line, long? column)
    {
        var where = string.IsNullOrEmpty(source) ? string.Empty : source;
        if (line is { } l)
        {
            where += string.Create(CultureInfo.InvariantCulture, $":{l}");
            if (column is { } c)
            {
                where += string.Create(CultureInfo.InvariantCulture, $":{c}");
            }
        }
        else if (!string.IsNullOrEmpty(jsonPath))
        {
            where = where.Length == 0 ? jsonPath : $"{where}: {jsonPath}";
        }

        return where.Length == 0 ? problem ?? string.Empty : $"{where}: {problem}";
    }
}
