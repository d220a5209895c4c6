using System.Reflection;
using System.Text.RegularExpressions;

namespace ConcurrencyChaos.Judging;

/// <summary>
/// Your own invariant: a rule every run must keep, judged after the run over a <see cref="RunView"/>, next to the
/// built-in ones (<see cref="InvariantCatalog"/>). Register it in <c>ChaosOptions.CustomInvariants</c> (or
/// <c>ScenarioOptions.CustomInvariants</c>); it is then selected, reported, shrunk and kept in scenario files by its
/// <see cref="Id"/> like a built-in one. Adding one is one file: a public class with a public parameterless
/// constructor, which <see cref="FromAssembly"/> also finds (how the command line's <c>--assembly</c> loads them).
/// </summary>
/// <remarks>
/// Like the built-in invariants, <see cref="Check"/> must be a pure function of the run: no clocks, no randomness, no
/// state kept between runs, so that a search, its shrinking and its replays agree.
/// </remarks>
/// <example>
/// <code>
/// public sealed class EveryErrorIsAnIOException : ChaosInvariant
/// {
///     public override string Id => "only-io-errors";
///     public override string Summary => "The root fails only with IOExceptions.";
///     public override IEnumerable&lt;string&gt; Check(RunView run) =>
///         run.Root.ObservedErrors.Where(e => e.Kind != ErrorKind.IOException).Select(e => $"{e.NodeId} threw {e.Kind}");
/// }
/// </code>
/// </example>
public abstract partial class ChaosInvariant
{
    /// <summary>Gets the stable kebab-case id, e.g. <c>"orders-all-processed"</c>; it must not be a built-in invariant's.</summary>
    public abstract string Id { get; }

    /// <summary>Gets the rule in one sentence.</summary>
    public abstract string Summary { get; }

    /// <summary>Every way the run breaks the rule, one line each (naming nodes and times); none when it holds.</summary>
    /// <param name="run">The finished run.</param>
    /// <returns>The violations' messages.</returns>
    public abstract IEnumerable<string> Check(RunView run);

    /// <summary>
    /// One instance of every public, non-abstract subclass of <see cref="ChaosInvariant"/> with a public parameterless
    /// constructor in <paramref name="assembly"/>, ordered by type name. The assembly must see this very
    /// <see cref="ChaosInvariant"/> type (load it where ConcurrencyChaos comes from the host).
    /// </summary>
    /// <param name="assembly">The assembly to search.</param>
    /// <returns>The invariants found; none when it has none.</returns>
    public static IReadOnlyList<ChaosInvariant> FromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return
        [
            .. assembly.GetExportedTypes()
                .Where(t => t.IsClass && !t.IsAbstract && !t.ContainsGenericParameters && typeof(ChaosInvariant).IsAssignableFrom(t)
                    && t.GetConstructor(Type.EmptyTypes) is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (ChaosInvariant)Activator.CreateInstance(t)!),
        ];
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {Summary}";

    /// <summary>Whether <paramref name="id"/> is kebab-case: lower-case letters and digits in words joined by single dashes.</summary>
    internal static bool IsWellFormedId(string? id) => id is not null && KebabCase().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();
}
