using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Common;

/// <summary>Two connections stand for two instances: what one publishes, the other hears, on the real Redis.</summary>
public sealed class RedisEventChannelTests : IAsyncLifetime
{
    private readonly string name = $"test-orders-{Guid.NewGuid():N}";
    private ConnectionMultiplexer publisherSide = null!;
    private ConnectionMultiplexer subscriberSide = null!;

    public async ValueTask InitializeAsync()
    {
        publisherSide = await ConnectionMultiplexer.ConnectAsync(TestServices.Redis);
        subscriberSide = await ConnectionMultiplexer.ConnectAsync(TestServices.Redis);
    }

    [Fact]
    public async Task An_order_change_published_on_one_instance_reaches_a_subscriber_on_another()
    {
        var heard = new TaskCompletionSource<OrderChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Channel(subscriberSide).Subscribe(change => heard.TrySetResult(change));

        await Channel(publisherSide).PublishAsync(new OrderChanged(42, OrderStatus.Completed));

        Assert.Equal(new OrderChanged(42, OrderStatus.Completed), await heard.Task.WaitAsync(Eventually.Limit, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_closed_subscription_hears_nothing_more()
    {
        var heard = 0;
        var channel = Channel(subscriberSide);
        channel.Subscribe(_ => Interlocked.Increment(ref heard)).Dispose();
        var witness = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var still = channel.Subscribe(_ => witness.TrySetResult());

        await Channel(publisherSide).PublishAsync(new OrderChanged(7, OrderStatus.Failed));

        await witness.Task.WaitAsync(Eventually.Limit, TestContext.Current.CancellationToken);
        Assert.Equal(0, heard);
    }

    private RedisEventChannel<OrderChanged> Channel(ConnectionMultiplexer redis) =>
        new(redis, name, NullLogger<RedisEventChannel<OrderChanged>>.Instance);

    public async ValueTask DisposeAsync()
    {
        await publisherSide.DisposeAsync();
        await subscriberSide.DisposeAsync();
    }
}
