using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Notifications;

/// <summary>A role change tells the member whose role changed; a handover tells the new president; a refusal tells no one.</summary>
public abstract class MembershipNotificationTests<TCore>(TCore core) : CoreTests<TCore>(core) where TCore : CoreHarness
{
    [Fact]
    public async Task A_role_change_tells_that_member_their_new_role_in_both_languages()
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.President.UserId);

        await Core.Get<MemberManagement>().ChangeRoleAsync(cast.ClubId, cast.Member.MembershipId, ClubRole.Secretary, Ct);

        var notice = Assert.Single(await NotificationsAsync(cast.Member.UserId));
        var club = await ClubAsync(cast.ClubId);
        Assert.Equal((NotificationKind.RoleChanged, $"/clubs/{club.EnglishName}"), (notice.Kind, notice.Link));
        var renderer = Core.Get<NotificationRenderer>();
        Assert.Equal($"{club.Name}에서 회원님의 새 역할은 총무입니다.", renderer.Render(notice, Languages.Korean).Body);
        Assert.Equal($"Your role in {club.Name} is now secretary.", renderer.Render(notice, Languages.English).Body);
        Assert.Empty(await NotificationsAsync(cast.President.UserId));
    }

    [Fact]
    public async Task Giving_a_member_the_role_they_have_or_a_refused_change_tells_no_one()
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.President.UserId);

        await Core.Get<MemberManagement>().ChangeRoleAsync(cast.ClubId, cast.Officer.MembershipId, ClubRole.Officer, Ct);
        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.UsePresidencyHandover,
            () => Core.Get<MemberManagement>().ChangeRoleAsync(cast.ClubId, cast.Member.MembershipId, ClubRole.President, Ct));
        Core.ActAs(cast.VicePresident.UserId);
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden,
            () => Core.Get<MemberManagement>().ChangeRoleAsync(cast.ClubId, cast.Member.MembershipId, ClubRole.Officer, Ct));

        Assert.Empty(await NotificationsAsync(cast.Officer.UserId));
        Assert.Empty(await NotificationsAsync(cast.Member.UserId));
    }

    [Fact]
    public async Task A_handover_tells_the_new_president_who_handed_it_over_and_no_one_else()
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.President.UserId);

        await Core.Get<MemberManagement>().HandOverPresidencyAsync(cast.ClubId, cast.VicePresident.MembershipId, Ct);

        var notice = Assert.Single(await NotificationsAsync(cast.VicePresident.UserId));
        var club = await ClubAsync(cast.ClubId);
        Assert.Equal((NotificationKind.PresidencyHanded, $"/clubs/{club.EnglishName}/admin"), (notice.Kind, notice.Link));
        Assert.Equal($"김회장 님이 {club.Name}의 회장직을 회원님께 넘겼습니다. 대시보드에서 동아리를 운영할 수 있습니다.",
            Core.Get<NotificationRenderer>().Render(notice, Languages.Korean).Body);
        Assert.Empty(await NotificationsAsync(cast.President.UserId));
    }

    [Fact]
    public async Task A_refused_handover_tells_no_one()
    {
        var cast = await Core.SeedClubCastAsync();
        Core.ActAs(cast.President.UserId);

        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.AlreadyPresident,
            () => Core.Get<MemberManagement>().HandOverPresidencyAsync(cast.ClubId, cast.President.MembershipId, Ct));

        Assert.Empty(await NotificationsAsync(cast.President.UserId));
    }

    private async Task<Core.Clubs.Club> ClubAsync(long clubId)
    {
        await using var db = await Core.DbAsync();
        return await db.Clubs.AsNoTracking().SingleAsync(c => c.Id == clubId, Ct);
    }

    private Task<List<Notification>> NotificationsAsync(Guid recipient) => Recorded.NotificationsAsync(Core.DbAsync, recipient);
}

public sealed class SqliteMembershipNotificationTests(SqliteCore core) : MembershipNotificationTests<SqliteCore>(core);

public sealed class PostgresMembershipNotificationTests(PostgresCore core) : MembershipNotificationTests<PostgresCore>(core);
