namespace Woohakdong.Core.Enrollment;

/// <summary>
/// A pool's seats changed (taken or freed) on some instance; carried on the <c>seats</c> channel. <paramref name="SoldOut"/>:
/// no seat is left for the crowd, so every instance may answer it FULL from memory (never for seats that go by approval).
/// </summary>
public sealed record SeatsChanged(long PoolId, int SeatsLeft, bool SoldOut = false);
