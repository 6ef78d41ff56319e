using System.Collections.Immutable;

namespace Woohakdong.Core.Enrollment;

/// <summary>The single-instance carrier: delivers to this process's subscribers at once.</summary>
public sealed class InProcessSeatEvents : ISeatEvents
{
    private ImmutableList<Action<SeatsChanged>> handlers = [];

    public Task PublishAsync(SeatsChanged change)
    {
        foreach (var handler in handlers) handler(change);
        return Task.CompletedTask;
    }

    public IDisposable Subscribe(Action<SeatsChanged> handler)
    {
        ImmutableInterlocked.Update(ref handlers, list => list.Add(handler));
        return new Unsubscriber(() => ImmutableInterlocked.Update(ref handlers, list => list.Remove(handler)));
    }

    private sealed class Unsubscriber(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}
