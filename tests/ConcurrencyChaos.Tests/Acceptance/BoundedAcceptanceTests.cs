using ConcurrencyChaos.Model;

namespace ConcurrencyChaos.Tests.Acceptance;

/// <summary>
/// Issue 15: the reference model's bounded groups are the ideal throttle: a correct throttle agrees with them node by
/// node on generated trees. (Task-group on 10,000 trees of the new generator: SearchAcceptanceTests.)
/// </summary>
public sealed class BoundedAcceptanceTests
{
    private static readonly ConcurrencyBounds TwoAtOnce = new(Throttle.Slots, _ => null);

    [Fact]
    public void A_correct_throttle_agrees_with_the_bounded_reference_model_node_by_node()
    {
        var trees = GeneratedTrees.Sample(3000, 21).Where(t => ReferenceModel.Terminates(t, TwoAtOnce)).ToList();
        var compared = 0;
        foreach (var tree in trees)
        {
            var model = ReferenceModel.Run(tree, TwoAtOnce);
            if (model.HasTies)
            {
                continue;
            }

            compared++;
            var report = Chaos.Run(tree, ChaosPattern.Of(Throttle.RunAsync, maxConcurrency: Throttle.Slots));
            var problems = Differential.Disagreements(tree, model, report.Trace);
            Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + report + report.Trace.ToText());
        }

        Assert.True(compared > 1500, $"only {compared} trees compared");
        Assert.Contains(trees, t => ReferenceModel.Run(t, TwoAtOnce).Nodes.Any(n => n.Start > 0));
    }
}
