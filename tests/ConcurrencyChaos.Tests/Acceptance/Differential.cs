using System.Globalization;
using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Judging;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.Tests.Acceptance;

/// <summary>Compares a real run's trace with the reference model, node by node.</summary>
internal static class Differential
{
    /// <summary>Every way the trace disagrees with the model; empty when they agree.</summary>
    public static List<string> Disagreements(TaskTree tree, ReferenceOutcome model, Trace trace)
    {
        var problems = new List<string>();
        var startedInModel = model.Nodes.Where(n => n.Started).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var startedInTrace = trace.Nodes.Values.Where(n => n.Started is not null).Select(n => n.NodeId).ToHashSet(StringComparer.Ordinal);
        if (!startedInModel.SetEquals(startedInTrace))
        {
            problems.Add($"started: model {{{string.Join(",", startedInModel.Order())}}} vs trace {{{string.Join(",", startedInTrace.Order())}}}");
        }

        foreach (var expected in model.Nodes.Where(n => n.Started))
        {
            var actual = trace.Node(expected.Id);
            if (actual.Started is null)
            {
                continue;
            }

            Compare(problems, expected.Id, "start", expected.Start, actual.Started.Time);
            Compare(problems, expected.Id, "end", expected.End, actual.Ended?.Time);
            Compare(problems, expected.Id, "outcome", expected.Outcome, actual.Ended?.Outcome);
            Compare(problems, expected.Id, "token cancelled", expected.TokenCancelledAt, actual.TokenCancelled?.Time);
        }

        var thrown = model.ThrownErrors.ToHashSet();
        var observed = trace.Root.ObservedErrors.ToHashSet();
        if (!thrown.SetEquals(observed) || model.ThrownErrors.Count != trace.Root.ObservedErrors.Count)
        {
            problems.Add($"root errors: model [{string.Join(", ", model.ThrownErrors)}] vs observed [{string.Join(", ", trace.Root.ObservedErrors)}]");
        }

        Compare(problems, TaskTree.RootId, "root outcome", model.RootOutcome, trace.Root.Outcome);
        return problems;
    }

    private static void Compare<T>(List<string> problems, string id, string what, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{id} {what}: model {Show(expected)} vs trace {Show(actual)}"));
        }
    }

    private static string Show<T>(T value) => value?.ToString() ?? "none";
}
