namespace Woohakdong.Core.Membership;

/// <summary>What each role may do in its club. Every admin service asks here, never the UI alone.</summary>
public static class RolePolicy
{
    /// <summary>임원 and above run the club: edit its profile, see the dashboard and roster.</summary>
    public const ClubRole Admin = ClubRole.Officer;

    public static bool CanEditClub(ClubRole? role) => role >= Admin;

    public static bool CanViewRoster(ClubRole? role) => role >= Admin;

    /// <summary>Only the president (회장) changes roles, removes members and hands over the presidency.</summary>
    public static bool CanManageMembers(ClubRole? role) => role == ClubRole.President;

    /// <summary>
    /// The roles a president may assign with a role change. PRESIDENT is only ever passed on by a handover,
    /// so that a club always has exactly one.
    /// </summary>
    public static bool IsAssignable(ClubRole role) => role is >= ClubRole.Member and < ClubRole.President;

    /// <summary>총무 (SECRETARY) and above handle the club's money, so they may give a member's fee back.</summary>
    public static bool CanRefundPayments(ClubRole? role) => role >= ClubRole.Secretary;

    /// <summary>Officers and above stay in office when a new term starts; members join again each term.</summary>
    public static bool CarriesOverToNextTerm(ClubRole role) => role >= ClubRole.Officer;
}
