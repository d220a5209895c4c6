namespace ConcurrencyChaos.Xunit;

/// <summary>Finds scenario files and folders named relative to the repository or the test output.</summary>
internal static class ScenarioPaths
{
    /// <summary>
    /// The base directory under which <paramref name="relative"/> exists: <paramref name="start"/> or the nearest
    /// of its ancestors, or null. A rooted path resolves to itself when it exists.
    /// </summary>
    public static string? FindBase(string relative, string start)
    {
        if (Path.IsPathRooted(relative))
        {
            return Exists(relative) ? string.Empty : null;
        }

        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Exists(Path.Combine(dir.FullName, relative)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="path"/> made absolute: itself when rooted, else under the nearest directory, from the test
    /// assembly's directory (<see cref="AppContext.BaseDirectory"/>) up, then from the working directory up, that holds it.
    /// </summary>
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var root = FindBase(path, AppContext.BaseDirectory) ?? FindBase(path, Environment.CurrentDirectory);
        return root is null
            ? throw new FileNotFoundException(
                $"Found no '{path}' in {AppContext.BaseDirectory}, {Environment.CurrentDirectory} or any folder above them.", path)
            : Path.Combine(root, path);
    }

    /// <summary><paramref name="path"/> relative to <paramref name="root"/>, with forward slashes, so test names are the same everywhere.</summary>
    public static string Relative(string root, string path) =>
        (root.Length == 0 ? path : Path.GetRelativePath(root, path)).Replace('\\', '/');

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);
}
