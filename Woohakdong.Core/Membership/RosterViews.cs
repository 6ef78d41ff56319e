namespace Woohakdong.Core.Membership;

public sealed record RosterEntry(
    long MembershipId, Guid UserId, string Name, string Email, string School, string Major,
    string StudentNumber, string Phone, ClubRole Role, string TermKey, DateTimeOffset JoinedAt);

public sealed record RosterQuery(string? TermKey = null, string? Search = null);
