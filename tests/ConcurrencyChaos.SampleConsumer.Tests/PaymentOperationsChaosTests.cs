using ConcurrencyChaos.Execution;
using ConcurrencyChaos.Model;
using ConcurrencyChaos.Runtime;

namespace ConcurrencyChaos.SampleConsumer.Tests;

/// <summary>
/// The team's real operations registered by name: the search places them on leaves and calls each through
/// the Polly chaos pipeline that realises the leaf (latency, injected fault, hang), deterministically.
/// </summary>
public sealed class PaymentOperationsChaosTests
{
    private static ChaosOptions WithOperations(PaymentGateway payments, int seed) => new()
    {
        Seed = seed,
        Run = new RunOptions
        {
            Operations = new Dictionary<string, Func<CancellationToken, Task>>
            {
                ["charge-card"] = ct => payments.ChargeAsync("order-1", 10m, ct),
                ["reserve-stock"] = ct => payments.ReserveStockAsync("order-1", ct),
            },
        },
    };

    [Fact]
    public void The_task_group_helper_holds_with_real_operations_in_the_tree()
    {
        var payments = new PaymentGateway();

        Chaos.Check(OrderFanOut.ProcessAllAsync, WithOperations(payments, seed: 3)).AssertHolds();

        Assert.True(payments.Charges > 0, "the search never charged a card");
    }

    [Fact]
    public void The_naive_helper_loses_an_injected_fault_and_the_same_seed_finds_the_same_counterexample()
    {
        var first = Chaos.Check(OrderFanOut.ProcessAllNaiveAsync, WithOperations(new PaymentGateway(), seed: 3) with { Invariants = ["errors-observed"] });
        var again = Chaos.Check(OrderFanOut.ProcessAllNaiveAsync, WithOperations(new PaymentGateway(), seed: 3) with { Invariants = ["errors-observed"] });

        Assert.False(first.Passed);
        Assert.Equal("errors-observed", Assert.Single(first.Counterexample!.Violations).Invariant);
        Assert.Equal(first.Counterexample.ScenarioJson, again.Counterexample!.ScenarioJson);
    }
}
