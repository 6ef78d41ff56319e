using System.Collections.Immutable;

namespace Woohakdong.Core.Common.Messaging;

/// <summary>The single-instance carrier: delivers to this process's subscribers at once.</summary>
public sealed class InProcessEventChannel<T> : IEventChannel<T>
{
    private ImmutableList<Action<T>> handlers = [];

    public Task PublishAsync(T message)
    {
        foreach (var handler in handlers) handler(message);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(Action<T> handler)
    {
        ImmutableInterlocked.Update(ref handlers, list => list.Add(handler));
        return new Unsubscriber(() => ImmutableInterlocked.Update(ref handlers, list => list.Remove(handler)));
    }

    private sealed class Unsubscriber(Action remove) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) remove();
        }
    }
}
