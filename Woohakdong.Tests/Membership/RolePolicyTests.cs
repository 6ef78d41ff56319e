using System.Text.Json;
using Woohakdong.Core.Membership;

namespace Woohakdong.Tests.Membership;

public sealed class RolePolicyTests
{
    [Fact]
    public void Roles_rank_president_over_vice_president_over_secretary_over_officer_over_member()
    {
        ClubRole[] byAuthority = [ClubRole.President, ClubRole.VicePresident, ClubRole.Secretary, ClubRole.Officer, ClubRole.Member];

        Assert.Equal(byAuthority, Enum.GetValues<ClubRole>().OrderDescending());
    }

    [Theory]
    [InlineData(ClubRole.President, "\"PRESIDENT\"")]
    [InlineData(ClubRole.VicePresident, "\"VICE_PRESIDENT\"")]
    [InlineData(ClubRole.Member, "\"MEMBER\"")]
    public void Roles_travel_as_their_upper_case_names(ClubRole role, string json)
    {
        Assert.Equal(json, JsonSerializer.Serialize(role));
        Assert.Equal(role, JsonSerializer.Deserialize<ClubRole>(json));
    }

    public static TheoryData<ClubRole?, bool, bool> Powers => new()
    {
        // role (null: not a member), edits the club and sees the roster, manages members
        { null, false, false },
        { ClubRole.Member, false, false },
        { ClubRole.Officer, true, false },
        { ClubRole.Secretary, true, false },
        { ClubRole.VicePresident, true, false },
        { ClubRole.President, true, true },
    };

    [Theory]
    [MemberData(nameof(Powers))]
    public void Each_role_has_exactly_its_powers(ClubRole? role, bool runsTheClub, bool managesMembers)
    {
        Assert.Equal(runsTheClub, RolePolicy.CanEditClub(role));
        Assert.Equal(runsTheClub, RolePolicy.CanViewRoster(role));
        Assert.Equal(managesMembers, RolePolicy.CanManageMembers(role));
    }

    [Theory]
    [InlineData(ClubRole.Member, false)]
    [InlineData(ClubRole.Officer, true)]
    [InlineData(ClubRole.Secretary, true)]
    [InlineData(ClubRole.VicePresident, true)]
    [InlineData(ClubRole.President, true)]
    public void Officers_and_above_stay_in_office_next_term(ClubRole role, bool staysInOffice)
    {
        Assert.Equal(staysInOffice, RolePolicy.CarriesOverToNextTerm(role));
    }

    [Theory]
    [InlineData(ClubRole.Member, true)]
    [InlineData(ClubRole.Officer, true)]
    [InlineData(ClubRole.Secretary, true)]
    [InlineData(ClubRole.VicePresident, true)]
    [InlineData(ClubRole.President, false)]
    [InlineData((ClubRole)99, false)]
    public void Every_role_but_president_can_be_assigned_by_a_role_change(ClubRole role, bool assignable)
    {
        Assert.Equal(assignable, RolePolicy.IsAssignable(role));
    }
}
