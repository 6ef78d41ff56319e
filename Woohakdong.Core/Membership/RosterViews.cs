namespace Woohakdong.Core.Membership;

/// <param name="PaidAmount">The join fee, when the member joined through a paid order that stands completed (not refunded).</param>
/// <param name="Attendance">출석 this term; null when the club has no published events in the term.</param>
public sealed record RosterEntry(
    long MembershipId, Guid UserId, string Name, string Email, string School, string Major,
    string StudentNumber, string Phone, ClubRole Role, string TermKey, DateTimeOffset JoinedAt, long? PaidAmount = null,
    RosterAttendance? Attendance = null)
{
    public bool Paid => PaidAmount is not null;
}

/// <summary>
/// 출석률: of the term's events where attendance was taken (published, not cancelled, at least one check-in), how many
/// the member was checked in at. Events without any check-in (a 회식 nobody scanned, one still to come) do not count, so
/// they never pull everyone's rate down.
/// </summary>
public sealed record RosterAttendance(int Attended, int Taken)
{
    /// <summary>Whole percent, or null before any attendance was taken.</summary>
    public int? Percent => Taken == 0 ? null : (int)Math.Round(100.0 * Attended / Taken, MidpointRounding.AwayFromZero);

    public override string ToString() => Percent is { } percent ? $"{percent}% ({Attended}/{Taken})" : "";
}

public sealed record RosterQuery(string? TermKey = null, string? Search = null, ClubRole? Role = null);
