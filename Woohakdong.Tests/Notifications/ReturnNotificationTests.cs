using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Items;
using Woohakdong.Core.Notifications;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Items;

namespace Woohakdong.Tests.Notifications;

/// <summary>An officer recording a return tells the borrower; a borrower returning their own item is told nothing.</summary>
public abstract class ReturnNotificationTests<TCore>(TCore core) : CoreTests<TCore>(core) where TCore : CoreHarness
{
    [Fact]
    public async Task An_officer_recording_the_return_tells_the_borrower_once()
    {
        var cast = await Core.SeedClubCastAsync();
        var itemId = await ItemSeeds.AddItemAsync(Core.DbAsync, cast.ClubId, cast.President.UserId, "텐트");
        Core.ActAs(cast.Member.UserId);
        await Core.Get<BorrowItem>().BorrowAsync(cast.ClubId, itemId, Ct);

        Core.ActAs(cast.President.UserId);
        await Core.Get<ReturnItem>().ReturnAsync(cast.ClubId, itemId, ct: Ct);
        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.ItemNotOnLoan, () => Core.Get<ReturnItem>().ReturnAsync(cast.ClubId, itemId, ct: Ct));

        var notice = Assert.Single(await Recorded.NotificationsAsync(Core.DbAsync, cast.Member.UserId));
        var club = await ClubAsync(cast.ClubId);
        Assert.Equal((NotificationKind.ItemReturnedForYou, $"/clubs/{club.EnglishName}/items/{itemId}"), (notice.Kind, notice.Link));
        var renderer = Core.Get<NotificationRenderer>();
        Assert.Equal($"김회장 님이 {club.Name}에서 빌린 텐트의 반납을 대신 처리했습니다.", renderer.Render(notice, Languages.Korean).Body);
        Assert.Equal($"김회장 recorded the return of 텐트 to {club.Name} for you.", renderer.Render(notice, Languages.English).Body);
        Assert.Empty(await Recorded.NotificationsAsync(Core.DbAsync, cast.President.UserId));
    }

    [Fact]
    public async Task A_borrower_returning_their_own_item_is_told_nothing()
    {
        var cast = await Core.SeedClubCastAsync();
        var itemId = await ItemSeeds.AddItemAsync(Core.DbAsync, cast.ClubId, cast.President.UserId);
        Core.ActAs(cast.Member.UserId);
        await Core.Get<BorrowItem>().BorrowAsync(cast.ClubId, itemId, Ct);

        await Core.Get<ReturnItem>().ReturnAsync(cast.ClubId, itemId, ct: Ct);

        Assert.Empty(await Recorded.NotificationsAsync(Core.DbAsync, cast.Member.UserId));
    }

    [Fact]
    public async Task A_refused_return_tells_no_one()
    {
        var cast = await Core.SeedClubCastAsync();
        var itemId = await ItemSeeds.AddItemAsync(Core.DbAsync, cast.ClubId, cast.President.UserId);
        Core.ActAs(cast.Member.UserId);
        await Core.Get<BorrowItem>().BorrowAsync(cast.ClubId, itemId, Ct);

        Core.ActAs(cast.OfficerOfAnotherClub.UserId);
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => Core.Get<ReturnItem>().ReturnAsync(cast.ClubId, itemId, ct: Ct));

        Assert.Empty(await Recorded.NotificationsAsync(Core.DbAsync, cast.Member.UserId));
    }

    private async Task<Core.Clubs.Club> ClubAsync(long clubId)
    {
        await using var db = await Core.DbAsync();
        return await db.Clubs.AsNoTracking().SingleAsync(c => c.Id == clubId, Ct);
    }
}

public sealed class SqliteReturnNotificationTests(SqliteCore core) : ReturnNotificationTests<SqliteCore>(core);

public sealed class PostgresReturnNotificationTests(PostgresCore core) : ReturnNotificationTests<PostgresCore>(core);
