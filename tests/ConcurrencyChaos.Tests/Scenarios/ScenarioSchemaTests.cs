using System.Text.Json;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Scenarios;

namespace ConcurrencyChaos.Tests.Scenarios;

/// <summary>The schema in scenarios/scenario.schema.json says exactly what the reader accepts.</summary>
public sealed class ScenarioSchemaTests : IDisposable
{
    private readonly JsonDocument _schema = JsonDocument.Parse(File.ReadAllText(SchemaPath()));

    private JsonElement Root => _schema.RootElement;

    private JsonElement Defs => Root.GetProperty("$defs");

    public void Dispose() => _schema.Dispose();

    [Fact]
    public void Is_draft_2020_12_and_closed_everywhere()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Root.GetProperty("$schema").GetString());
        Assert.False(Root.GetProperty("additionalProperties").GetBoolean());
        Assert.False(Defs.GetProperty("group").GetProperty("additionalProperties").GetBoolean());
        Assert.False(Defs.GetProperty("leaf").GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Top_level_properties_are_the_readers()
    {
        Assert.Equal(Sorted(ScenarioFormat.TopLevelFields), Sorted(PropertyNames(Root.GetProperty("properties"))));
        Assert.Equal(
            Sorted([ScenarioFormat.NameField, ScenarioFormat.TreeField, ScenarioFormat.ExpectField]),
            Sorted(Strings(Root.GetProperty("required"))));
    }

    [Fact]
    public void Node_properties_are_the_readers()
    {
        Assert.Equal(Sorted(ScenarioFormat.LeafFields), Sorted(PropertyNames(Defs.GetProperty("leaf").GetProperty("properties"))));
        Assert.Equal(Sorted(ScenarioFormat.GroupFields), Sorted(PropertyNames(Defs.GetProperty("group").GetProperty("properties"))));
        Assert.Equal([ScenarioFormat.ChildrenField], Strings(Defs.GetProperty("group").GetProperty("required")));
        Assert.Equal(Sorted(ScenarioFormat.NodeFields), Sorted([.. ScenarioFormat.LeafFields, .. ScenarioFormat.GroupFields]));
    }

    [Fact]
    public void Enums_are_the_readers_spellings()
    {
        var leaf = Defs.GetProperty("leaf").GetProperty("properties");

        Assert.Equal(ScenarioFormat.ThenValues, Strings(leaf.GetProperty("then").GetProperty("enum")));
        Assert.Equal(ScenarioFormat.OnCancelValues, Strings(leaf.GetProperty("onCancel").GetProperty("enum")));
        Assert.Equal(ScenarioFormat.ErrorValues, Strings(Defs.GetProperty("errorType").GetProperty("enum")));
        Assert.Equal("#/$defs/errorType", leaf.GetProperty("error").GetProperty("$ref").GetString());
        Assert.Equal("#/$defs/errorType", leaf.GetProperty("cleanupError").GetProperty("$ref").GetString());
    }

    [Fact]
    public void Id_enums_are_the_known_pattern_and_invariant_ids()
    {
        Assert.Equal(ScenarioTestData.PatternIds, Strings(Defs.GetProperty("patternId").GetProperty("enum")));
        Assert.Equal(ScenarioTestData.InvariantIds, Strings(Defs.GetProperty("invariantId").GetProperty("enum")));
        var expect = Root.GetProperty("properties").GetProperty("expect");
        Assert.Equal("#/$defs/patternId", expect.GetProperty("propertyNames").GetProperty("$ref").GetString());
        Assert.Equal("#/$defs/invariantId", expect.GetProperty("additionalProperties").GetProperty("items").GetProperty("$ref").GetString());
        var found = Root.GetProperty("properties").GetProperty("found").GetProperty("additionalProperties");
        Assert.Equal("#/$defs/invariantId", found.GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal(1, found.GetProperty("minItems").GetInt32());
        Assert.True(found.GetProperty("uniqueItems").GetBoolean());
    }

    [Fact]
    public void Every_model_enum_member_has_exactly_one_kebab_case_spelling()
    {
        Assert.Equal(Enum.GetValues<LeafEnd>(), ScenarioFormat.ThenSpellings.Select(s => s.Value));
        Assert.Equal(Enum.GetValues<CancelBehavior>(), ScenarioFormat.OnCancelSpellings.Select(s => s.Value));
        Assert.Equal(Enum.GetNames<ErrorKind>(), ScenarioFormat.ErrorValues);
        foreach (var spelling in ScenarioFormat.ThenValues.Concat(ScenarioFormat.OnCancelValues))
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*$", spelling);
        }

        Assert.Equal(ScenarioFormat.ThenValues.Length, ScenarioFormat.ThenValues.Distinct().Count());
        Assert.Equal(ScenarioFormat.OnCancelValues.Length, ScenarioFormat.OnCancelValues.Distinct().Count());
    }

    /// <summary>The repository's scenarios/scenario.schema.json, found by walking up from the test binaries.</summary>
    internal static string SchemaPath() => Path.Combine(RepositoryRoot(), "scenarios", ScenarioFormat.SchemaFileName);

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConcurrencyChaos.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no ConcurrencyChaos.sln above {AppContext.BaseDirectory}");
    }

    private static string[] PropertyNames(JsonElement obj) => [.. obj.EnumerateObject().Select(p => p.Name)];

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static string[] Sorted(IEnumerable<string> names) => [.. names.Order(StringComparer.Ordinal)];
}
