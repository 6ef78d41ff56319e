namespace Woohakdong.Core.Joining;

/// <summary>What a student sees before joining: <c>GET /v1/clubs/{clubId}/join</c>.</summary>
public sealed record JoinGroupView(long GroupId, long GroupAmount, int SeatLimit, int SeatsLeft, bool Recruiting)
{
    public static JoinGroupView Of(JoinGroup group) =>
        new(group.Id, group.Amount, group.SeatLimit, SeatRules.SeatsLeft(group.SeatLimit, group.SeatsTaken), group.Recruiting);
}
