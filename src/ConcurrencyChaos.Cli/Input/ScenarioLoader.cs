using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConcurrencyChaos.Cli.Patterns;
using Group = ConcurrencyChaos.Model.Group;
using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos.Cli.Input;

/// <summary>
/// Reads scenario files for the CLI and reports every problem of a file in one go. <see cref="ScenarioReader"/>
/// stops at the first problem; this takes the part it named out of a copy of the document (or fills in a
/// missing required field) and reads again, until the file reads or a problem could be a consequence of an
/// earlier one. Each problem gets a "did you mean" where a known id is near, and the scenario is checked
/// against what a run can do: every pattern in <c>expect</c> must really run on the tree, and a group may
/// name only a catalog pattern.
/// </summary>
internal sealed partial class ScenarioLoader(PatternSet patterns)
{
    /// <summary>Enough for any file written by hand; a file with more problems shows this many.</summary>
    private const int MaxProblemsPerFile = 50;

    private static readonly JsonDocumentOptions s_documentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The scenario in <paramref name="file"/> (with its source path), or null and every problem found.</summary>
    public (Scenario? Scenario, IReadOnlyList<string> Problems) Load(string file)
    {
        string text;
        try
        {
            text = BoundedFile.ReadText(file);
        }
        catch (BadInputException e)
        {
            return (null, [e.Message]);
        }

        if (LoneSurrogate(text, file) is { } surrogate)
        {
            return (null, [surrogate]);
        }

        var problems = new List<string>();
        var scenario = Read(text, file, problems);
        if (scenario is not null)
        {
            CheckPatterns(scenario, file, problems);
        }

        return problems.Count == 0 && scenario is not null ? (scenario with { SourcePath = file }, []) : (null, problems);
    }

    /// <summary>Loads one file given by name (replay): the scenario, or a <see cref="BadInputException"/> listing every problem.</summary>
    public Scenario LoadOne(string file)
    {
        var (scenario, problems) = Load(file);
        return scenario ?? throw new BadInputException(string.Join("\nchaos: ", problems));
    }

    private Scenario? Read(string text, string file, List<string> problems)
    {
        JsonNode? document = null;
        var edits = new List<Edit>();
        var json = text;
        while (problems.Count < MaxProblemsPerFile)
        {
            try
            {
                return ScenarioReader.Parse(json, file, patterns.Vocabulary);
            }
            catch (ScenarioException e)
            {
                var current = e.Line is null ? JsonPath.TryParse(e.JsonPath) : null;
                var original = current;
                for (var i = edits.Count - 1; original is not null && i >= 0; i--)
                {
                    original = edits[i].Undo(original);
                }

                if (edits.Count > 0 && (original is null || edits.Any(edit => edit.Kind == EditKind.Remove && original.IsPrefixOf(edit.Original))))
                {
                    return null; // where something was taken out: a consequence of the edit, not a problem of the file
                }

                document ??= TryParseNode(text);
                problems.Add(Describe(e, file, original, document is null ? null : original?.Find(document)));
                if (current is null || document is null || original is null || Repair(current, e.Problem, document) is not { } edit)
                {
                    return null;
                }

                edits.Add(edit with { Original = original });
                json = document.ToJsonString();
            }
        }

        return null;
    }

    /// <summary>
    /// Changes <paramref name="document"/> so the reader gets past the problem at <paramref name="at"/>: a missing
    /// required field gets a valid stand-in, an unknown pattern id in <c>expect</c> becomes a known one (so its
    /// invariant ids are still checked), anything else is taken out. Null when nothing could be changed.
    /// </summary>
    private Edit? Repair(JsonPath at, string problem, JsonNode document)
    {
        var missing = MissingField().Match(problem);
        if (missing.Success && at.Find(document) is JsonObject target)
        {
            var field = missing.Groups["name"].Value;
            target[field] = field switch
            {
                "name" => JsonValue.Create("scenario"),
                "tree" => new JsonObject { ["children"] = new JsonArray(new JsonObject()) },
                "expect" => new JsonObject { [patterns.All[0].Id] = new JsonArray() },
                _ => JsonValue.Create(0),
            };
            return new Edit(EditKind.Insert, new JsonPath([.. at.Steps, field]), at);
        }

        if (at.Steps is ["expect", string id] && problem.StartsWith("unknown pattern id", StringComparison.Ordinal)
            && document["expect"] is JsonObject expect && expect[id] is { } invariants)
        {
            var stand = Suggestions.Closest(id, patterns.All.Select(p => p.Id)).Concat(patterns.All.Select(p => p.Id)).FirstOrDefault(k => !expect.ContainsKey(k));
            if (stand is not null)
            {
                expect.Remove(id);
                expect[stand] = invariants;
                return new Edit(EditKind.Rename, new JsonPath(["expect", stand]), at);
            }
        }

        return at.RemoveFrom(document) ? new Edit(EditKind.Remove, at, at) : null;
    }

    private static string Describe(ScenarioException e, string file, JsonPath? original, JsonNode? at)
    {
        var message = e.Line is null && original is not null ? $"{file}: {original}: {e.Problem}" : e.Message;
        var unknown = UnknownId().Match(e.Problem);
        if (unknown.Success)
        {
            var known = unknown.Groups["list"].Value.Split(", ");
            return message + "." + Suggestions.DidYouMean(unknown.Groups["id"].Value, known);
        }

        // A misspelled "children" makes the root look like a leaf: say which field was meant.
        if (e.Problem.StartsWith("the root must be a group", StringComparison.Ordinal) && at is JsonObject root)
        {
            var near = root.Select(p => p.Key).FirstOrDefault(k => Suggestions.Closest(k, ["children"]).Count > 0 && k != "children");
            if (near is not null)
            {
                return message + $" ('{near}' looks like a misspelling of 'children'.)";
            }
        }

        return message;
    }

    /// <summary>
    /// Every group's pattern must be one a run can resolve (a catalog pattern), and every pattern in
    /// <c>expect</c> must run somewhere on the tree: on a group that names none (where the pattern under
    /// test runs), or on one that names it. Otherwise its expectation checks nothing.
    /// </summary>
    private void CheckPatterns(Scenario scenario, string file, List<string> problems)
    {
        var groups = new List<(Group Group, string Path)>();
        Collect(scenario.Tree.Root, "$.tree", groups);
        foreach (var (group, path) in groups)
        {
            if (group.Pattern is { } named && patterns.Contains(named) && !patterns.Get(named, "a scenario").IsCatalog)
            {
                problems.Add($"{file}: {path}.pattern: '{named}' is your own pattern; a group may name only a catalog pattern. Your pattern runs every group that names none when expect names it: remove this \"pattern\".");
            }
        }

        foreach (var patternId in scenario.Expect.Keys)
        {
            if (!Runs(scenario, patternId))
            {
                var named = string.Join(", ", groups.Select(g => g.Group.Pattern).Distinct(StringComparer.Ordinal));
                problems.Add($"{file}: $.expect.{patternId}: '{patternId}' never runs on this tree: every group names its own pattern ({named}), so this expectation checks nothing. Remove \"pattern\" from the root group ($.tree.pattern) to run the pattern under test there, or expect only patterns the tree names.");
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="patternId"/>, as the pattern under test, runs anywhere on the scenario's tree: on
    /// a group that names no pattern (those run the pattern under test) or on one that names it.
    /// </summary>
    public static bool Runs(Scenario scenario, string patternId)
    {
        var groups = new List<(Group Group, string Path)>();
        Collect(scenario.Tree.Root, "$.tree", groups);
        return groups.Any(g => g.Group.Pattern is null || g.Group.Pattern == patternId);
    }

    private static void Collect(Group group, string path, List<(Group, string)> groups)
    {
        groups.Add((group, path));
        for (var i = 0; i < group.Children.Count; i++)
        {
            if (group.Children[i] is Group child)
            {
                Collect(child, string.Create(CultureInfo.InvariantCulture, $"{path}.children[{i}]"), groups);
            }
        }
    }

    /// <summary>
    /// A string escape that is half of a surrogate pair (<c>"\uD800"</c>) is valid JSON but no text: name its
    /// line and column rather than fail deep in the reader. Null when there is none (or the JSON is
    /// malformed, which the reader reports).
    /// </summary>
    private static string? LoneSurrogate(string text, string file)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    try
                    {
                        _ = reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        var start = (int)reader.TokenStartIndex;
                        var line = bytes.AsSpan(0, start).Count((byte)'\n') + 1;
                        var column = start - bytes.AsSpan(0, start).LastIndexOf((byte)'\n');
                        var what = reader.TokenType == JsonTokenType.PropertyName ? "a field name" : "a string";
                        return string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{column}: {what} holds a lone surrogate escape (\\uD800-\\uDFFF without its pair), which is no character; remove it or write the character itself");
                    }
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    private static JsonNode? TryParseNode(string text)
    {
        try
        {
            var node = JsonNode.Parse(text, documentOptions: s_documentOptions);
            Materialize(node); // a JsonObject reads its properties on first use: meet a duplicate name here, not later
            return node;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Materialize(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Materialize(child);
                }

                break;
            default:
                break;
        }
    }

    [GeneratedRegex(@"^unknown (pattern id|invariant id|field|operation|value|error type) '(?<id>[^']*)' \((known|allowed): (?<list>[^)]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownId();

    [GeneratedRegex(@"^missing required field '(?<name>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex MissingField();
}
