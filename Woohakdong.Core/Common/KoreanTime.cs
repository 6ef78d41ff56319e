namespace Woohakdong.Core.Common;

/// <summary>Korea has no daylight saving: KST is a fixed UTC+9, so no time-zone database is needed.</summary>
public static class KoreanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateTimeOffset Now(this TimeProvider time) => time.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.Now().DateTime);

    public static DateTimeOffset ToKst(this DateTimeOffset value) => value.ToOffset(Offset);
}
