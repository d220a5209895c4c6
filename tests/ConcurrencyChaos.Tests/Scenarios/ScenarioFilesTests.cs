using ConcurrencyChaos.Scenarios;
using static ConcurrencyChaos.Tests.Scenarios.ScenarioTestData;

namespace ConcurrencyChaos.Tests.Scenarios;

public sealed class ScenarioFilesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cc-scenarios-" + Guid.NewGuid().ToString("N"));

    public ScenarioFilesTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void FindFiles_searches_a_folder_recursively_in_ordinal_order_without_the_schema()
    {
        Write("b.json");
        Write("a.json");
        Write("B.json");
        Write("scenario.schema.json");
        Write("notes.txt");
        Write("kept/z.json");
        Write("kept/deeper/a.json");
        Write("kept/scenario.schema.json");

        var files = ScenarioReader.FindFiles(_root);

        string[] expected =
        [
            Path.Combine(_root, "B.json"),
            Path.Combine(_root, "a.json"),
            Path.Combine(_root, "b.json"),
            Path.Combine(_root, "kept", "deeper", "a.json"),
            Path.Combine(_root, "kept", "z.json"),
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void FindFiles_of_a_file_is_that_file()
    {
        var file = Write("one.json");

        Assert.Equal([file], ScenarioReader.FindFiles(file));
    }

    [Fact]
    public void FindFiles_of_a_missing_path_is_an_error_naming_it()
    {
        var missing = Path.Combine(_root, "nope");

        var error = Assert.Throws<ScenarioException>(() => ScenarioReader.FindFiles(missing));

        Assert.Equal(missing, error.Source);
        Assert.Equal(string.Empty, error.JsonPath);
        Assert.Equal($"{missing}: no such file or folder", error.Message);
    }

    [Fact]
    public void Load_reads_the_file_and_records_its_path()
    {
        var file = Write("example.json", Example);

        var scenario = ScenarioReader.Load(file, Vocabulary);

        Assert.Equal(file, scenario.SourcePath);
        Assert.Equal(Parse(Example), scenario);
    }

    [Fact]
    public void Load_errors_name_the_file()
    {
        var file = Write("bad.json", WithChildren("{ 'work': -5 }"));

        var error = Assert.Throws<ScenarioException>(() => ScenarioReader.Load(file, Vocabulary));

        Assert.Equal(file, error.Source);
        Assert.Equal($"{file}: $.tree.children[0].work: must be a whole number of virtual ms >= 0, got -5", error.Message);
    }

    [Fact]
    public void Load_of_a_missing_file_is_a_scenario_error()
    {
        var missing = Path.Combine(_root, "missing.json");

        var error = Assert.Throws<ScenarioException>(() => ScenarioReader.Load(missing, Vocabulary));

        Assert.Equal(missing, error.Source);
        Assert.StartsWith($"{missing}: cannot read the file: ", error.Message, StringComparison.Ordinal);
        Assert.IsType<FileNotFoundException>(error.InnerException);
    }

    [Fact]
    public void Every_scenario_file_in_the_repository_loads()
    {
        var folder = Path.Combine(ScenarioSchemaTests.RepositoryRoot(), "scenarios");

        foreach (var file in ScenarioReader.FindFiles(folder))
        {
            var scenario = ScenarioReader.Load(file, Vocabulary);
            Assert.Equal(scenario, Parse(ScenarioWriter.Write(scenario)));
        }
    }

    private string Write(string relative, string text = "{}")
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
