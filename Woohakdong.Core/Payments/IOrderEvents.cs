namespace Woohakdong.Core.Payments;

/// <summary>An order's status was committed by <see cref="OrderLedger"/>.</summary>
public sealed record OrderChanged(long OrderId, OrderStatus Status);

/// <summary>
/// Tells open pages that an order moved. In-process only for now: a page hears the moves committed on its own instance
/// (webhook, callback or reconciler running there); delivery across instances would need a shared channel like the seats'.
/// </summary>
public interface IOrderEvents
{
    void Publish(OrderChanged change);

    IDisposable Subscribe(Action<OrderChanged> handler);
}

public sealed class InProcessOrderEvents : IOrderEvents
{
    private event Action<OrderChanged>? Changed;

    public void Publish(OrderChanged change) => Changed?.Invoke(change);

    public IDisposable Subscribe(Action<OrderChanged> handler)
    {
        Changed += handler;
        return new Subscription(() => Changed -= handler);
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) unsubscribe();
        }
    }
}
