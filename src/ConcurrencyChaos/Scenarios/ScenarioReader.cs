using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using ConcurrencyChaos.Model;
using static ConcurrencyChaos.Scenarios.ScenarioFormat;

namespace ConcurrencyChaos.Scenarios;

/// <summary>
/// Reads scenario files (<c>scenarios/*.json</c>, DESIGN.md section 9) strictly: every problem is a
/// <see cref="ScenarioException"/> naming the file, the JSON path and what to change. Comments and
/// trailing commas are allowed, since people write these files by hand.
/// </summary>
public static class ScenarioReader
{
    private const int MaxQuotedLength = 60;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads a scenario from JSON text.</summary>
    /// <param name="json">The scenario file's text.</param>
    /// <param name="sourceName">The file (or other name) to name in error messages.</param>
    /// <param name="vocabulary">The pattern and invariant ids the scenario may name.</param>
    /// <returns>The scenario, with a null <see cref="Scenario.SourcePath"/>.</returns>
    /// <exception cref="ScenarioException">The text is not valid JSON or does not describe a valid scenario.</exception>
    public static Scenario Parse(string json, string sourceName, ScenarioVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(vocabulary);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw SyntaxError(sourceName, e);
        }

        using (document)
        {
            return ReadScenario(document.RootElement, sourceName, vocabulary);
        }
    }

    /// <summary>Reads the scenario file at <paramref name="path"/>.</summary>
    /// <param name="path">The file to read; it is also the name used in error messages.</param>
    /// <param name="vocabulary">The pattern and invariant ids the scenario may name.</param>
    /// <returns>The scenario, with <see cref="Scenario.SourcePath"/> set to <paramref name="path"/>.</returns>
    /// <exception cref="ScenarioException">The file cannot be read, is not valid JSON or does not describe a valid scenario.</exception>
    public static Scenario Load(string path, ScenarioVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(vocabulary);

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ScenarioException(path, string.Empty, $"cannot read the file: {e.Message}", null, null, e);
        }

        return Parse(json, path, vocabulary) with { SourcePath = path };
    }

    /// <summary>
    /// The scenario files at <paramref name="path"/>: the file itself, or every <c>*.json</c> file under the
    /// folder (recursively) except <c>scenario.schema.json</c>, sorted ordinally so runs are deterministic.
    /// </summary>
    /// <param name="path">A scenario file or a folder of them.</param>
    /// <returns>The files, as paths starting with <paramref name="path"/>.</returns>
    /// <exception cref="ScenarioException">Nothing exists at <paramref name="path"/>.</exception>
    public static IReadOnlyList<string> FindFiles(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new ScenarioException(path, string.Empty, "no such file or folder");
        }

        var files = Directory
            .EnumerateFiles(path, "*.json", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(Path.GetFileName(f), SchemaFileName, StringComparison.OrdinalIgnoreCase))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static ScenarioException SyntaxError(string source, JsonException e)
    {
        var detail = e.Message;
        var at = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (at >= 0)
        {
            detail = detail[..at];
        }

        detail = detail.Trim();
        long? line = e.LineNumber is { } l ? l + 1 : null;
        long? column = e.BytePositionInLine is { } c ? c + 1 : null;
        return new ScenarioException(source, e.Path ?? "$", $"invalid JSON: {detail}", line, column, e);
    }

    private static Scenario ReadScenario(JsonElement root, string source, ScenarioVocabulary vocabulary)
    {
        const string path = "$";
        var fields = Fields(root, path, source, "a scenario object");
        foreach (var (field, _) in fields)
        {
            if (!TopLevelFields.Contains(field))
            {
                throw Unknown(source, path, field, TopLevelFields);
            }
        }

        var name = ReadName(Required(fields, path, NameField, source), Child(path, NameField), source);
        var about = fields.TryGetValue(AboutField, out var aboutElement)
            ? ReadOptionalString(aboutElement, Child(path, AboutField), source)
            : null;
        var tree = (Group)ReadNode(Required(fields, path, TreeField, source), Child(path, TreeField), source, vocabulary, isRoot: true);
        var cancelAfter = fields.TryGetValue(CancelAfterField, out var cancelElement) && cancelElement.ValueKind != JsonValueKind.Null
            ? ReadMs(cancelElement, Child(path, CancelAfterField), source, orNull: true)
            : (int?)null;
        var seed = fields.TryGetValue(SeedField, out var seedElement)
            ? ReadSeed(seedElement, Child(path, SeedField), source)
            : 0;
        var expect = ReadExpect(Required(fields, path, ExpectField, source), Child(path, ExpectField), source, vocabulary);
        var found = fields.TryGetValue(FoundField, out var foundElement)
            ? ReadFound(foundElement, Child(path, FoundField), source, vocabulary)
            : [];
        return new Scenario(name, about, new TaskTree(tree, cancelAfter, seed), expect) { Found = found };
    }

    private static string ReadName(JsonElement element, string path, string source)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw new ScenarioException(source, path, $"must be a non-empty string, got {Describe(element)}");
        }

        var name = element.GetString()!;
        return string.IsNullOrWhiteSpace(name)
            ? throw new ScenarioException(source, path, "must be a non-empty string (kebab-case recommended, e.g. \"when-all-loses-second-error\")")
            : name;
    }

    private static string? ReadOptionalString(JsonElement element, string path, string source) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null => null,
        _ => throw new ScenarioException(source, path, $"must be a string or null, got {Describe(element)}"),
    };

    private static int ReadSeed(JsonElement element, string path, string source)
    {
        if (TryGetWholeInt32(element, out var seed))
        {
            return seed;
        }

        var range = element.ValueKind == JsonValueKind.Number && IsWholeNumber(element)
            ? string.Create(CultureInfo.InvariantCulture, $" (from {int.MinValue} to {int.MaxValue})")
            : string.Empty;
        throw new ScenarioException(source, path, $"must be an integer{range}, got {Describe(element)}");
    }

    private static int ReadMs(JsonElement element, string path, string source, bool orNull = false)
    {
        if (TryGetWholeInt32(element, out var ms) && ms >= 0)
        {
            return ms;
        }

        var tooLarge = element.ValueKind == JsonValueKind.Number && IsWholeNumber(element) && element.GetDecimal() > int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $" (at most {int.MaxValue})")
            : string.Empty;
        var nullable = orNull ? " or null" : string.Empty;
        throw new ScenarioException(source, path, $"must be a whole number of virtual ms >= 0{nullable}, got {Describe(element)}{tooLarge}");
    }

    private static int ReadLevels(JsonElement element, string path, string source) =>
        TryGetWholeInt32(element, out var levels) && levels >= 0
            ? levels
            : throw new ScenarioException(
                source,
                path,
                $"must be a whole number of groups out >= 0 (0: the token the leaf is given; 1: the one its group was given; ...; its depth or more: the caller's), got {Describe(element)}");

    /// <summary>Whether <paramref name="element"/> is a whole number that fits an int (as JSON Schema's "integer": 10, 10.0 and 1e1 alike).</summary>
    private static bool TryGetWholeInt32(JsonElement element, out int value)
    {
        value = 0;
        if (element.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        if (element.TryGetInt32(out value))
        {
            return true;
        }

        if (element.TryGetDecimal(out var number) && decimal.Truncate(number) == number && number is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)number;
            return true;
        }

        return false;
    }

    private static bool IsWholeNumber(JsonElement number) =>
        number.TryGetDecimal(out var value) && decimal.Truncate(value) == value;

    private static TreeNode ReadNode(JsonElement element, string path, string source, ScenarioVocabulary vocabulary, bool isRoot)
    {
        var fields = Fields(element, path, source, isRoot ? "a group object (with \"children\")" : "a node object (a leaf, or a group with \"children\")");
        if (fields.ContainsKey(ChildrenField))
        {
            return ReadGroup(fields, path, source, vocabulary, isRoot);
        }

        if (isRoot)
        {
            throw new ScenarioException(source, path, "the root must be a group: add \"children\": [ ... ] with at least one child");
        }

        return ReadLeaf(fields, path, source, vocabulary);
    }

    private static Group ReadGroup(Dictionary<string, JsonElement> fields, string path, string source, ScenarioVocabulary vocabulary, bool isRoot)
    {
        foreach (var (name, _) in fields)
        {
            if (LeafFields.Contains(name))
            {
                throw new ScenarioException(
                    source,
                    Child(path, name),
                    $"'{name}' is a leaf field, but this node has \"children\", so it is a group (group fields: {string.Join(", ", GroupFields)})");
            }

            if (!GroupFields.Contains(name))
            {
                throw Unknown(source, path, name, NodeFields);
            }
        }

        var childrenPath = Child(path, ChildrenField);
        var childrenElement = fields[ChildrenField];
        if (childrenElement.ValueKind != JsonValueKind.Array)
        {
            throw new ScenarioException(source, childrenPath, $"must be an array of nodes, got {Describe(childrenElement)}");
        }

        if (isRoot && childrenElement.GetArrayLength() == 0)
        {
            throw new ScenarioException(source, childrenPath, "the root group must have at least one child");
        }

        var children = new List<TreeNode>();
        var index = 0;
        foreach (var child in childrenElement.EnumerateArray())
        {
            children.Add(ReadNode(child, Item(childrenPath, index), source, vocabulary, isRoot: false));
            index++;
        }

        string? pattern = null;
        if (fields.TryGetValue(PatternField, out var patternElement))
        {
            pattern = ReadKnownId(patternElement, Child(path, PatternField), source, vocabulary.PatternIds, "pattern id");
        }

        return new Group(children) { Pattern = pattern };
    }

    private static Leaf ReadLeaf(Dictionary<string, JsonElement> fields, string path, string source, ScenarioVocabulary vocabulary)
    {
        var leaf = new Leaf();
        foreach (var (name, value) in fields)
        {
            var fieldPath = Child(path, name);
            leaf = name switch
            {
                WorkField => leaf with { Work = ReadMs(value, fieldPath, source) },
                ThenField => leaf with { Then = ReadSpelling(value, fieldPath, source, ThenSpellings, "value") },
                ErrorField => leaf with { Error = ReadSpelling(value, fieldPath, source, ErrorSpellings, "error type") },
                OnCancelField => leaf with { OnCancel = ReadSpelling(value, fieldPath, source, OnCancelSpellings, "value") },
                CleanupField => leaf with { Cleanup = ReadMs(value, fieldPath, source) },
                CleanupErrorField => leaf with { CleanupError = ReadSpelling(value, fieldPath, source, ErrorSpellings, "error type") },
                OuterTokenField => leaf with { OuterToken = ReadLevels(value, fieldPath, source) },
                OperationField => leaf with { Operation = ReadOperation(value, fieldPath, source, vocabulary.OperationNames) },
                PatternField => throw new ScenarioException(
                    source,
                    fieldPath,
                    $"'{PatternField}' is a group field, but this node has no \"children\", so it is a leaf (leaf fields: {string.Join(", ", LeafFields)})"),
                _ => throw Unknown(source, path, name, NodeFields),
            };
        }

        if (leaf is { Then: LeafEnd.Hang, OnCancel: CancelBehavior.Ignore })
        {
            throw new ScenarioException(
                source,
                Child(path, OnCancelField),
                $"a leaf that hangs must not ignore cancellation: it could never end (use \"onCancel\": {string.Join(", ", OnCancelValues.Where(v => v != Spell(CancelBehavior.Ignore)).Select(v => $"\"{v}\""))})");
        }

        return leaf;
    }

    private static T ReadSpelling<T>(JsonElement element, string path, string source, ImmutableArray<(T Value, string Spelling)> spellings, string what)
    {
        var allowed = string.Join(", ", spellings.Select(s => s.Spelling));
        var label = what == "error type" ? "known" : "allowed";
        if (element.ValueKind != JsonValueKind.String)
        {
            throw new ScenarioException(source, path, $"must be a string, one of: {allowed}; got {Describe(element)}");
        }

        var text = element.GetString()!;
        foreach (var (value, spelling) in spellings)
        {
            if (string.Equals(spelling, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new ScenarioException(source, path, $"unknown {what} '{Shorten(text)}' ({label}: {allowed})");
    }

    private static string ReadOperation(JsonElement element, string path, string source, IReadOnlySet<string> registered)
    {
        if (element.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(element.GetString()))
        {
            throw new ScenarioException(source, path, $"must be the name of a registered operation (a non-empty string), got {Describe(element)}");
        }

        var name = element.GetString()!;
        return registered.Count == 0
            ? throw new ScenarioException(
                source,
                path,
                $"names operation '{Shorten(name)}', but no operations are registered here: operations are your code, registered in RunOptions.Operations, so replay this scenario from your test suite (ScenarioCase.Verify with those options), not from the chaos command")
            : registered.Contains(name) ? name : throw UnknownId(source, path, name, registered, "operation");
    }

    private static string ReadKnownId(JsonElement element, string path, string source, IReadOnlySet<string> known, string what)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            var article = what.StartsWith('i') ? "an" : "a";
            throw new ScenarioException(source, path, $"must be {article} {what} (a string), got {Describe(element)}");
        }

        var id = element.GetString()!;
        return known.Contains(id) ? id : throw UnknownId(source, path, id, known, what);
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadExpect(JsonElement element, string path, string source, ScenarioVocabulary vocabulary)
    {
        var fields = Fields(element, path, source, "an object mapping pattern ids to arrays of invariant ids", "pattern id");
        if (fields.Count == 0)
        {
            throw new ScenarioException(
                source,
                path,
                "must name at least one pattern id, e.g. { \"when-all\": [\"errors-observed\"] } (an empty list means the pattern must hold every invariant)");
        }

        var expect = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (pattern, value) in fields)
        {
            var patternPath = Child(path, pattern);
            if (!vocabulary.PatternIds.Contains(pattern))
            {
                throw UnknownId(source, patternPath, pattern, vocabulary.PatternIds, "pattern id");
            }

            expect.Add(pattern, ReadInvariants(value, patternPath, source, vocabulary, $"the exact set '{pattern}' must violate; [] = none"));
        }

        return expect;
    }

    /// <summary>
    /// The optional record of what a search found: pattern id to the non-empty list of invariant ids that pattern
    /// broke when the scenario was kept. The ids are a record, not run: they need not be in <paramref name="vocabulary"/>
    /// (the pattern may be gone, replaced by the fix that <c>expect</c> now names), only non-empty.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<string>> ReadFound(JsonElement element, string path, string source, ScenarioVocabulary vocabulary)
    {
        var fields = Fields(element, path, source, "an object mapping pattern ids to the invariant ids each broke when the scenario was kept", "pattern id");
        var found = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (pattern, value) in fields)
        {
            var patternPath = Child(path, pattern);
            if (string.IsNullOrWhiteSpace(pattern))
            {
                throw new ScenarioException(source, patternPath, "must be a pattern id (a non-empty name)");
            }

            var invariants = ReadInvariants(value, patternPath, source, vocabulary, $"what '{pattern}' broke when the scenario was kept");
            if (invariants.Count == 0)
            {
                throw new ScenarioException(
                    source,
                    patternPath,
                    $"must name at least one invariant id: what '{Shorten(pattern)}' broke when the scenario was kept (leave '{Shorten(pattern)}' out of \"{FoundField}\" if it broke nothing)");
            }

            found.Add(pattern, invariants);
        }

        return found;
    }

    /// <summary>An array of distinct known invariant ids; <paramref name="meaning"/> says what the list is, for the error message.</summary>
    private static List<string> ReadInvariants(JsonElement value, string path, string source, ScenarioVocabulary vocabulary, string meaning)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ScenarioException(source, path, $"must be an array of invariant ids ({meaning}), got {Describe(value)}");
        }

        var invariants = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = Item(path, index);
            var invariant = ReadKnownId(item, itemPath, source, vocabulary.InvariantIds, "invariant id");
            var earlier = invariants.IndexOf(invariant);
            if (earlier >= 0)
            {
                throw new ScenarioException(
                    source,
                    itemPath,
                    string.Create(CultureInfo.InvariantCulture, $"duplicate invariant id '{invariant}' (already at [{earlier}])"));
            }

            invariants.Add(invariant);
            index++;
        }

        return invariants;
    }

    /// <summary>The fields of an object, in document order, rejecting anything but an object and duplicate names.</summary>
    private static Dictionary<string, JsonElement> Fields(JsonElement element, string path, string source, string expected, string what = "field")
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ScenarioException(source, path, $"must be {expected}, got {Describe(element)}");
        }

        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!fields.TryAdd(property.Name, property.Value))
            {
                throw new ScenarioException(source, Child(path, property.Name), $"duplicate {what} '{Shorten(property.Name)}' (each may appear only once)");
            }
        }

        return fields;
    }

    private static JsonElement Required(Dictionary<string, JsonElement> fields, string path, string name, string source) =>
        fields.TryGetValue(name, out var value)
            ? value
            : throw new ScenarioException(source, path, $"missing required field '{name}'");

    private static ScenarioException Unknown(string source, string path, string name, IEnumerable<string> known) =>
        new(source, Child(path, name), $"unknown field '{Shorten(name)}' (known: {string.Join(", ", known)})");

    private static ScenarioException UnknownId(string source, string path, string id, IEnumerable<string> known, string what) =>
        new(source, path, $"unknown {what} '{Shorten(id)}' (known: {string.Join(", ", known)})");

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.String => $"string \"{Shorten(element.GetString()!)}\"",
        JsonValueKind.True or JsonValueKind.False => $"boolean {element.GetRawText()}",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        _ => element.ValueKind.ToString(),
    };

    private static string Shorten(string text) =>
        text.Length <= MaxQuotedLength ? text : string.Concat(text.AsSpan(0, MaxQuotedLength), "...");
}
