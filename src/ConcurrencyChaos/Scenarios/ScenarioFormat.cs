using System.Collections.Immutable;
using System.Text;
using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Scenarios;

/// <summary>
/// The spellings of the scenario file format, shared by <see cref="ScenarioReader"/> and
/// <see cref="ScenarioWriter"/> and compared with <c>scenarios/scenario.schema.json</c> by the tests.
/// </summary>
internal static class ScenarioFormat
{
    internal const string SchemaField = "$schema";
    internal const string NameField = "name";
    internal const string AboutField = "about";
    internal const string TreeField = "tree";
    internal const string CancelAfterField = "cancelAfter";
    internal const string SeedField = "seed";
    internal const string ExpectField = "expect";
    internal const string FoundField = "found";

    internal const string WorkField = "work";
    internal const string ThenField = "then";
    internal const string ErrorField = "error";
    internal const string OnCancelField = "onCancel";
    internal const string CleanupField = "cleanup";
    internal const string CleanupErrorField = "cleanupError";
    internal const string OuterTokenField = "outerToken";
    internal const string OperationField = "operation";
    internal const string ChildrenField = "children";
    internal const string PatternField = "pattern";

    /// <summary>The file name of the schema, skipped when searching a folder for scenario files.</summary>
    internal const string SchemaFileName = "scenario.schema.json";

    /// <summary>The fields of the top-level object, in the order the writer writes them (<c>$schema</c> is read and ignored).</summary>
    internal static readonly ImmutableArray<string> TopLevelFields =
        [SchemaField, NameField, AboutField, TreeField, CancelAfterField, SeedField, ExpectField, FoundField];

    /// <summary>The fields of a leaf, in the order the writer writes them.</summary>
    internal static readonly ImmutableArray<string> LeafFields =
        [WorkField, ThenField, ErrorField, OnCancelField, CleanupField, CleanupErrorField, OuterTokenField, OperationField];

    /// <summary>The fields of a group (a node with <c>children</c>), in the order the writer writes them.</summary>
    internal static readonly ImmutableArray<string> GroupFields = [PatternField, ChildrenField];

    /// <summary>Every field a node may have: a leaf's, then a group's (as error messages list them).</summary>
    internal static readonly ImmutableArray<string> NodeFields = [.. LeafFields, ChildrenField, PatternField];

    /// <summary>The spelling of each <see cref="LeafEnd"/> in <c>then</c>.</summary>
    internal static readonly ImmutableArray<(LeafEnd Value, string Spelling)> ThenSpellings =
    [
        (LeafEnd.Succeed, "succeed"),
        (LeafEnd.Fail, "fail"),
        (LeafEnd.Hang, "hang"),
        (LeafEnd.ThrowSync, "throw-sync"),
    ];

    /// <summary>The spelling of each <see cref="CancelBehavior"/> in <c>onCancel</c>.</summary>
    internal static readonly ImmutableArray<(CancelBehavior Value, string Spelling)> OnCancelSpellings =
    [
        (CancelBehavior.Throw, "throw"),
        (CancelBehavior.Swallow, "swallow"),
        (CancelBehavior.Fail, "fail"),
        (CancelBehavior.Ignore, "ignore"),
    ];

    /// <summary>The spelling of each <see cref="ErrorKind"/> in <c>error</c> and <c>cleanupError</c>: its member (exception type) name.</summary>
    internal static readonly ImmutableArray<(ErrorKind Value, string Spelling)> ErrorSpellings =
        [.. Enum.GetValues<ErrorKind>().Select(kind => (kind, kind.ToString()))];

    /// <summary>The accepted <c>then</c> values.</summary>
    internal static ImmutableArray<string> ThenValues => [.. ThenSpellings.Select(s => s.Spelling)];

    /// <summary>The accepted <c>onCancel</c> values.</summary>
    internal static ImmutableArray<string> OnCancelValues => [.. OnCancelSpellings.Select(s => s.Spelling)];

    /// <summary>The accepted <c>error</c> and <c>cleanupError</c> values.</summary>
    internal static ImmutableArray<string> ErrorValues => [.. ErrorSpellings.Select(s => s.Spelling)];

    internal static string Spell(LeafEnd value) => Spell(ThenSpellings, value);

    internal static string Spell(CancelBehavior value) => Spell(OnCancelSpellings, value);

    internal static string Spell(ErrorKind value) => Spell(ErrorSpellings, value);

    /// <summary>The JSON path of property <paramref name="name"/> of the object at <paramref name="path"/>.</summary>
    internal static string Child(string path, string name)
    {
        if (name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '$'))
        {
            return $"{path}.{name}";
        }

        var quoted = new StringBuilder(path).Append("['");
        foreach (var c in name)
        {
            _ = c switch
            {
                '\'' => quoted.Append("\\'"),
                '\\' => quoted.Append(@"\\"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append("']").ToString();
    }

    /// <summary>The JSON path of item <paramref name="index"/> of the array at <paramref name="path"/>.</summary>
    internal static string Item(string path, int index) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}[{index}]");

    private static string Spell<T>(ImmutableArray<(T Value, string Spelling)> spellings, T value)
        where T : struct, Enum
    {
        foreach (var (candidate, spelling) in spellings)
        {
            if (EqualityComparer<T>.Default.Equals(candidate, value))
            {
                return spelling;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"no scenario spelling for {typeof(T).Name}.{value}");
    }
}
