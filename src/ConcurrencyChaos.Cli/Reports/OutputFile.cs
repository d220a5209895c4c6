namespace ConcurrencyChaos.Cli.Reports;

/// <summary>Writes what a command produces (reports, timelines, pages, kept scenarios), making its folder; a path that cannot be written is bad input.</summary>
internal static class OutputFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, creating the folders it needs.</summary>
    /// <exception cref="BadInputException">The path cannot be written; the message names <paramref name="what"/> and the path.</exception>
    public static void Write(string path, string what, string text) => Write(path, what, file => File.WriteAllText(file, text));

    /// <summary>Runs <paramref name="write"/> on <paramref name="path"/> once its folders exist.</summary>
    /// <exception cref="BadInputException">The path cannot be written; the message names <paramref name="what"/> and the path.</exception>
    public static void Write(string path, string what, Action<string> write)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            write(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new BadInputException($"cannot write {what} '{path}': {Input.ScenarioFiles.Reason(e)}");
        }
    }
}
