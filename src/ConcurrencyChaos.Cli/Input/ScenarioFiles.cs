namespace ConcurrencyChaos.Cli.Input;

/// <summary>
/// The scenario files under the paths given to <c>chaos run</c>: each file given, and every <c>*.json</c>
/// (any case) under each folder given, recursively, except <c>scenario.schema.json</c>. Links are followed
/// once: a folder or file reached again by another way (a link to a parent, two links to one folder, a
/// <c>self -&gt; .</c> link) is taken only the first time, so there are no cycles and no duplicates. FIFOs,
/// devices and sockets are refused rather than opened, and so is a folder that cannot be read.
/// </summary>
internal sealed class ScenarioFiles
{
    /// <summary>The JSON schema that lives beside the scenarios; not a scenario.</summary>
    public const string SchemaFileName = "scenario.schema.json";

    private readonly HashSet<string> _seenFiles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenFolders = new(StringComparer.Ordinal);
    private readonly List<string> _files = [];
    private readonly List<string> _problems = [];

    private ScenarioFiles()
    {
    }

    /// <summary>The files in walk order (each folder's entries sorted ordinally), and every path that could not be taken, with why.</summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Problems) Find(IEnumerable<string> paths)
    {
        var walk = new ScenarioFiles();
        foreach (var path in paths)
        {
            walk.Given(path);
        }

        return (walk._files, walk._problems);
    }

    private void Given(string path)
    {
        var kind = FileSystemProbe.KindOf(path);
        switch (kind)
        {
            case FileKind.Folder:
                Walk(path);
                break;
            case FileKind.RegularFile:
                Take(path);
                break;
            case FileKind.Missing:
                _problems.Add($"{path}: no such file or folder");
                break;
            default:
                _problems.Add($"{path}: is {FileSystemProbe.Describe(kind)}, not a scenario file; give a regular file or a folder");
                break;
        }
    }

    private void Walk(string folder)
    {
        var real = FileSystemProbe.RealPath(folder);
        if (real is null)
        {
            _problems.Add($"{folder}: a link loop (more than 40 links to follow)");
            return;
        }

        if (!_seenFolders.Add(real))
        {
            return; // reached again through a link: walked already (or being walked: a cycle)
        }

        List<string> entries;
        try
        {
            entries = [.. Directory.EnumerateFileSystemEntries(folder)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _problems.Add($"{folder}: cannot read the folder ({Reason(e)})");
            return;
        }

        entries.Sort(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var kind = FileSystemProbe.KindOf(entry);
            var isScenarioName = entry.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(Path.GetFileName(entry), SchemaFileName, StringComparison.OrdinalIgnoreCase);
            switch (kind)
            {
                case FileKind.Folder:
                    Walk(entry);
                    break;
                case FileKind.RegularFile when isScenarioName:
                    Take(entry);
                    break;
                case FileKind.Missing when isScenarioName:
                    _problems.Add($"{entry}: a link to nothing");
                    break;
                case FileKind.Fifo or FileKind.Device or FileKind.Socket when isScenarioName:
                    _problems.Add($"{entry}: is {FileSystemProbe.Describe(kind)}, not a regular file; chaos reads only regular files");
                    break;
                default:
                    break; // not a scenario: other files, and links to nothing that are not named *.json
            }
        }
    }

    private void Take(string file)
    {
        if (_seenFiles.Add(FileSystemProbe.RealPath(file) ?? Path.GetFullPath(file)))
        {
            _files.Add(file);
        }
    }

    /// <summary>The reason without .NET's wording of the path, e.g. "permission denied".</summary>
    public static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException or FileNotFoundException => "no such file or folder",
        PathTooLongException => "the path is too long",
        _ => e.Message,
    };
}
