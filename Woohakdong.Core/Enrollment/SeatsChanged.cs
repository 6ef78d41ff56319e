namespace Woohakdong.Core.Enrollment;

/// <summary>A pool's seats changed (taken or freed) on some instance; carried on the <c>seats</c> channel.</summary>
public sealed record SeatsChanged(long PoolId, int SeatsLeft);
