namespace ConcurrencyChaos.Cli.Input;

/// <summary>
/// One change <see cref="ScenarioLoader"/> made to a copy of a scenario file to read past a problem:
/// <paramref name="Current"/> is where it is in the changed document, <paramref name="Original"/> where the
/// problem was in the file as written.
/// </summary>
/// <param name="Kind">What was done.</param>
/// <param name="Current">The path of the changed part, in the document as changed.</param>
/// <param name="Original">The path of the problem, in the file as written.</param>
internal sealed record Edit(EditKind Kind, JsonPath Current, JsonPath Original)
{
    /// <summary><paramref name="path"/>, written in the document after this edit, as it was before it.</summary>
    public JsonPath Undo(JsonPath path) => Kind switch
    {
        EditKind.Remove => path.BeforeRemovalOf(Current),
        EditKind.Rename when Current.IsPrefixOf(path) => new JsonPath([.. Original.Steps, .. path.Steps.Skip(Current.Steps.Count)]),
        _ => path,
    };
}
