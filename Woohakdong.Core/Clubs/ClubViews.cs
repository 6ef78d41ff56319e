using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Clubs;

/// <summary>What anyone may see of a club. <see cref="ChatLink"/> is only filled in for its members.</summary>
public sealed record ClubView(
    long Id, string Name, string EnglishName, string Description, string Room, string? ChatLink,
    long Fee, int SeatLimit, int MemberCount);

public sealed record MyClubView(long Id, string Name, string EnglishName, ClubRole Role, string TermKey);
