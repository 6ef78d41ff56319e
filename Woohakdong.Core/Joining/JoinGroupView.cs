namespace Woohakdong.Core.Joining;

/// <summary>
/// What a student sees before joining: <c>GET /v1/clubs/{clubId}/join</c>. <see cref="Recruiting"/> is the officers' switch;
/// <see cref="Open"/> is whether one can join or apply right now (<see cref="Recruitment"/>).
/// </summary>
public sealed record JoinGroupView(
    long GroupId, long GroupAmount, int SeatLimit, int SeatsLeft, bool Recruiting,
    JoinPolicy Policy = JoinPolicy.FirstCome, DateTimeOffset? OpensAt = null, DateTimeOffset? ClosesAt = null, bool Open = false)
{
    public static JoinGroupView Of(JoinGroup group, DateTimeOffset now) =>
        new(group.Id, group.Amount, group.SeatLimit, SeatRules.SeatsLeft(group.SeatLimit, group.SeatsTaken), group.Recruiting,
            group.Policy, group.OpensAt, group.ClosesAt, Recruitment.IsOpen(group, now));
}
