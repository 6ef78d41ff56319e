namespace Woohakdong.Core.Enrollment;

/// <summary>A group's seats changed (taken or freed) on some instance.</summary>
public sealed record SeatsChanged(long GroupId, int SeatsLeft);

/// <summary>Carries seat changes to every instance: Redis pub/sub when configured, in-process otherwise.</summary>
public interface ISeatEvents
{
    Task PublishAsync(SeatsChanged change);

    IDisposable Subscribe(Action<SeatsChanged> handler);
}
