namespace Woohakdong.Core.Membership;

/// <param name="Paid">The member joined through a paid order that stands completed (not refunded).</param>
public sealed record RosterEntry(
    long MembershipId, Guid UserId, string Name, string Email, string School, string Major,
    string StudentNumber, string Phone, ClubRole Role, string TermKey, DateTimeOffset JoinedAt, long? PaidAmount = null)
{
    public bool Paid => PaidAmount is not null;
}

public sealed record RosterQuery(string? TermKey = null, string? Search = null, ClubRole? Role = null);
