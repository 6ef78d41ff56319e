namespace Woohakdong.Core.Common.Messaging;

/// <summary>
/// Carries one kind of message to every instance: Redis pub/sub when <c>Redis:Configuration</c> is set, in-process
/// otherwise. Publishing is best effort: a change is already committed when it is announced, so a lost message only
/// delays what open pages show until the next one.
/// </summary>
public interface IEventChannel<T>
{
    Task PublishAsync(T message);

    /// <summary>Throws when Redis cannot be reached; once subscribed, the connection re-subscribes after an outage.</summary>
    IDisposable Subscribe(Action<T> handler);
}
