using System.CommandLine.Parsing;
using ConcurrencyChaos.Cli.Input;
using ConcurrencyChaos.Judging;

namespace ConcurrencyChaos.Cli.Commands;

/// <summary>Checks <c>--invariant</c> values against the invariant catalog, with a "did you mean".</summary>
internal static class InvariantIds
{
    public static void Validate(OptionResult result)
    {
        foreach (var id in result.Tokens.Select(t => t.Value).Where(id => !InvariantCatalog.Contains(id)))
        {
            result.AddError($"Unknown invariant id '{id}' in --invariant.{Suggestions.DidYouMean(id, InvariantCatalog.Ids)} Known ids: {string.Join(", ", InvariantCatalog.Ids)}.");
        }
    }
}
