using ConcurrencyChaos.Model;
using ConcurrencyChaos.Operations;
using ConcurrencyChaos.Tests.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Polly;

namespace ConcurrencyChaos.Tests.Operations;

/// <summary>ChaosPipelines realises a leaf around a consumer's real operation with Polly's chaos strategies.</summary>
public sealed class ChaosPipelinesTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30); // only against a hung test, never asserted on

    private sealed class Operation
    {
        public int Calls { get; private set; }

        public Task RunAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return Task.CompletedTask;
        }
    }

    private static Task Execute(ResiliencePipeline pipeline, Operation operation, CancellationToken cancellationToken = default) =>
        pipeline.ExecuteAsync(token => new ValueTask(operation.RunAsync(token)), cancellationToken).AsTask();

    [Fact]
    public async Task A_failing_leaf_injects_its_tagged_error_instead_of_calling_the_operation()
    {
        var operation = new Operation();
        var pipeline = ChaosPipelines.For(new Leaf { Then = LeafEnd.Fail, Error = ErrorKind.IOException }, "0.1", new ManualTimeProvider());

        var thrown = await Assert.ThrowsAsync<IOException>(() => Execute(pipeline, operation).WaitAsync(Guard));

        Assert.Equal(new InjectedError("0.1", ErrorKind.IOException, ErrorOrigin.Fail), InjectedError.Of(thrown));
        Assert.Equal(0, operation.Calls);
    }

    [Fact]
    public async Task A_slow_leaf_calls_the_operation_after_its_latency_on_the_given_clock()
    {
        var time = new ManualTimeProvider();
        var operation = new Operation();
        var task = Execute(ChaosPipelines.For(new Leaf { Work = 10 }, "0.0", time), operation);

        Assert.False(task.IsCompleted);
        Assert.Equal(0, operation.Calls);
        var timer = Assert.Single(time.Timers);
        Assert.Equal(TimeSpan.FromMilliseconds(10), timer.DueTime);
        timer.Fire();

        await task.WaitAsync(Guard);
        Assert.Equal(1, operation.Calls);
    }

    [Fact]
    public async Task A_slow_failing_leaf_fails_only_after_its_latency()
    {
        var time = new ManualTimeProvider();
        var task = Execute(ChaosPipelines.For(new Leaf { Work = 10, Then = LeafEnd.Fail, Error = ErrorKind.TimeoutException }, "0.2", time), new Operation());

        Assert.False(task.IsCompleted);
        Assert.Single(time.Timers).Fire();

        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => task.WaitAsync(Guard));
        Assert.Equal("0.2", InjectedError.Of(thrown)!.NodeId);
    }

    [Fact]
    public async Task A_hanging_leaf_waits_until_cancelled_and_never_calls_the_operation()
    {
        var operation = new Operation();
        using var cancel = new CancellationTokenSource();
        var task = Execute(ChaosPipelines.For(new Leaf { Then = LeafEnd.Hang }, "0.0", new ManualTimeProvider()), operation, cancel.Token);

        Assert.False(task.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task.WaitAsync(Guard));
        Assert.Equal(0, operation.Calls);
    }

    [Fact]
    public async Task A_succeeding_leaf_without_work_just_calls_the_operation()
    {
        var operation = new Operation();
        await Execute(ChaosPipelines.For(new Leaf(), "0.0", new ManualTimeProvider(), seed: 7), operation).WaitAsync(Guard);
        Assert.Equal(1, operation.Calls);
    }

    /// <summary>A consumer's client: its dependency's calls go through whatever pipeline the container gives it.</summary>
    private sealed class PaymentClient(ResiliencePipeline pipeline, Operation gateway)
    {
        public ValueTask ChargeAsync(CancellationToken cancellationToken) =>
            pipeline.ExecuteAsync(token => new ValueTask(gateway.RunAsync(token)), cancellationToken);
    }

    [Fact]
    public async Task A_consumers_container_can_hand_the_chaos_pipeline_to_its_own_services()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddSingleton<TimeProvider>(new ManualTimeProvider());
        services.AddSingleton<Operation>();
        services.AddSingleton(provider => new ResiliencePipelineBuilder { TimeProvider = provider.GetRequiredService<TimeProvider>() }
            .AddTimeout(TimeSpan.FromSeconds(5)) // the consumer's own strategies stay in place
            .AddConcurrencyChaos(new Leaf { Then = LeafEnd.Fail, Error = ErrorKind.HttpRequestException }, "payments", seed: 3)
            .Build());
        services.AddSingleton<PaymentClient>();
        await using var container = services.BuildServiceProvider();

        var thrown = await Assert.ThrowsAsync<HttpRequestException>(() => container.GetRequiredService<PaymentClient>().ChargeAsync(CancellationToken.None).AsTask().WaitAsync(Guard));

        Assert.Equal(new InjectedError("payments", ErrorKind.HttpRequestException, ErrorOrigin.Fail), InjectedError.Of(thrown));
        Assert.Equal(0, container.GetRequiredService<Operation>().Calls);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>("leaf", () => ChaosPipelines.For(null!, "0", TimeProvider.System));
        Assert.Throws<ArgumentNullException>("nodeId", () => ChaosPipelines.For(new Leaf(), null!, TimeProvider.System));
        Assert.Throws<ArgumentNullException>("time", () => ChaosPipelines.For(new Leaf(), "0", null!));
    }
}
