using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ConcurrencyChaos.Model;
using static ConcurrencyChaos.Scenarios.ScenarioFormat;

namespace ConcurrencyChaos.Scenarios;

/// <summary>
/// Writes scenarios in their canonical form: 2-space indent, fields in a fixed order (name, about, tree,
/// cancelAfter, seed, expect, found — the last only when not empty), leaves without the fields that equal
/// their defaults, pattern ids in ordinal order and invariant ids in the order given. The same scenario always gives the same text,
/// and <see cref="ScenarioReader.Parse"/> reads it back equal.
/// </summary>
public static class ScenarioWriter
{
    private static readonly Leaf DefaultLeaf = new();

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The canonical JSON of <paramref name="scenario"/> (its <see cref="Scenario.SourcePath"/> is not written).</summary>
    /// <param name="scenario">The scenario to write.</param>
    /// <returns>The file text, ending with a newline.</returns>
    /// <exception cref="ArgumentException">The scenario breaks a rule the reader enforces (e.g. an empty root group).</exception>
    public static string Write(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Write(scenario.Tree, scenario.Name, scenario.About, scenario.Expect, scenario.Found);
    }

    /// <summary>The canonical JSON of a scenario made of these parts.</summary>
    /// <param name="tree">The task tree, with its caller cancellation time and seed.</param>
    /// <param name="name">The scenario's name (non-empty).</param>
    /// <param name="about">What the scenario shows, or null to leave it out.</param>
    /// <param name="expect">Pattern id to the exact invariant ids that pattern must violate.</param>
    /// <param name="found">
    /// For a kept counterexample, pattern id to the invariant ids that pattern broke when the scenario was kept;
    /// null or empty to write no <c>found</c>.
    /// </param>
    /// <returns>The file text, ending with a newline.</returns>
    /// <exception cref="ArgumentException">The parts break a rule the reader enforces (e.g. an empty root group).</exception>
    public static string Write(
        TaskTree tree,
        string name,
        string? about,
        IReadOnlyDictionary<string, IReadOnlyList<string>> expect,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? found = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(expect);
        found ??= new Dictionary<string, IReadOnlyList<string>>();
        Validate(tree, name, expect, found);

        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString(NameField, name);
            if (about is not null)
            {
                writer.WriteString(AboutField, about);
            }

            writer.WritePropertyName(TreeField);
            WriteNode(writer, tree.Root);
            if (tree.CancelAfter is { } cancelAfter)
            {
                writer.WriteNumber(CancelAfterField, cancelAfter);
            }
            else
            {
                writer.WriteNull(CancelAfterField);
            }

            writer.WriteNumber(SeedField, tree.Seed);
            WriteLists(writer, ExpectField, expect);
            if (found.Count > 0)
            {
                WriteLists(writer, FoundField, found);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }

    /// <summary>An object of pattern ids in ordinal order, each to its invariant ids in the order given.</summary>
    private static void WriteLists(Utf8JsonWriter writer, string field, IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        writer.WriteStartObject(field);
        foreach (var pattern in lists.Keys.Order(StringComparer.Ordinal))
        {
            writer.WriteStartArray(pattern);
            foreach (var invariant in lists[pattern])
            {
                writer.WriteStringValue(invariant);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter writer, TreeNode node)
    {
        writer.WriteStartObject();
        switch (node)
        {
            case Group group:
                if (group.Pattern is { } pattern)
                {
                    writer.WriteString(PatternField, pattern);
                }

                writer.WriteStartArray(ChildrenField);
                foreach (var child in group.Children)
                {
                    WriteNode(writer, child);
                }

                writer.WriteEndArray();
                break;

            case Leaf leaf:
                if (leaf.Work != DefaultLeaf.Work)
                {
                    writer.WriteNumber(WorkField, leaf.Work);
                }

                if (leaf.Then != DefaultLeaf.Then)
                {
                    writer.WriteString(ThenField, Spell(leaf.Then));
                }

                if (leaf.Error != DefaultLeaf.Error)
                {
                    writer.WriteString(ErrorField, Spell(leaf.Error));
                }

                if (leaf.OnCancel != DefaultLeaf.OnCancel)
                {
                    writer.WriteString(OnCancelField, Spell(leaf.OnCancel));
                }

                if (leaf.Cleanup != DefaultLeaf.Cleanup)
                {
                    writer.WriteNumber(CleanupField, leaf.Cleanup);
                }

                if (leaf.CleanupError != DefaultLeaf.CleanupError)
                {
                    writer.WriteString(CleanupErrorField, Spell(leaf.CleanupError));
                }

                if (leaf.OuterToken != DefaultLeaf.OuterToken)
                {
                    writer.WriteNumber(OuterTokenField, leaf.OuterToken);
                }

                if (leaf.Operation is { } operation)
                {
                    writer.WriteString(OperationField, operation);
                }

                break;

            default:
                throw new ArgumentException($"unknown node type {node.GetType().Name}", nameof(node));
        }

        writer.WriteEndObject();
    }

    /// <summary>Rejects what <see cref="ScenarioReader"/> would reject, so the writer never writes a file that cannot be read back.</summary>
    private static void Validate(
        TaskTree tree, string name, IReadOnlyDictionary<string, IReadOnlyList<string>> expect, IReadOnlyDictionary<string, IReadOnlyList<string>> found)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("a scenario needs a non-empty name", nameof(name));
        }

        if (tree.Root.Children.Count == 0)
        {
            throw new ArgumentException("the root group must have at least one child", nameof(tree));
        }

        if (tree.CancelAfter is < 0)
        {
            throw new ArgumentException("cancelAfter must be >= 0", nameof(tree));
        }

        foreach (var entry in tree.Entries())
        {
            if (entry.Node is Leaf leaf && (leaf.Work < 0 || leaf.Cleanup < 0 || leaf.OuterToken < 0 || leaf is { Then: LeafEnd.Hang, OnCancel: CancelBehavior.Ignore }))
            {
                throw new ArgumentException($"leaf {entry.Id} has negative times or levels, or hangs while ignoring cancellation", nameof(tree));
            }

            if (entry.Node is Leaf { Operation: { } operation } && string.IsNullOrWhiteSpace(operation))
            {
                throw new ArgumentException($"leaf {entry.Id} names an empty operation", nameof(tree));
            }
        }

        if (expect.Count == 0)
        {
            throw new ArgumentException("expect must name at least one pattern id", nameof(expect));
        }

        foreach (var (pattern, invariants) in expect)
        {
            if (invariants is null || invariants.Distinct(StringComparer.Ordinal).Count() != invariants.Count)
            {
                throw new ArgumentException($"the invariants expected of '{pattern}' must be a list without duplicates", nameof(expect));
            }
        }

        foreach (var (pattern, invariants) in found)
        {
            if (string.IsNullOrWhiteSpace(pattern))
            {
                throw new ArgumentException("found names an empty pattern id", nameof(found));
            }

            if (invariants is null || invariants.Count == 0 || invariants.Distinct(StringComparer.Ordinal).Count() != invariants.Count)
            {
                throw new ArgumentException($"what was found of '{pattern}' must be a non-empty list without duplicates", nameof(found));
            }
        }
    }
}
