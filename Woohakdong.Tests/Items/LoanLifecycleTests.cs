using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Infrastructure;
using static Woohakdong.Tests.Infrastructure.CoreHarness;

namespace Woohakdong.Tests.Items;

/// <summary>Loans over time: each test has its own clock, since a shared fake clock only moves forward.</summary>
public sealed class LoanLifecycleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_due_date_counts_from_the_korean_day_also_between_midnight_kst_and_midnight_utc()
    {
        await using var core = await StartAsync(DatabaseProvider.Sqlite);
        var club = await ClubAsync(core);
        var tent = await ItemSeeds.AddItemAsync(core.DbAsync, club.ClubId, club.PresidentId, "텐트", maxLoanDays: 7);
        var lamp = await ItemSeeds.AddItemAsync(core.DbAsync, club.ClubId, club.PresidentId, "랜턴", maxLoanDays: 7);
        core.ActAs(club.MemberId);

        core.SetNow(Kst(2026, 4, 1, 23, 30));
        var lateEvening = await core.Get<BorrowItem>().BorrowAsync(club.ClubId, tent, Ct);
        // 00:30 KST on 04-02 is still 04-01 in UTC (15:30).
        core.SetNow(Kst(2026, 4, 2, 0, 30));
        var afterMidnight = await core.Get<BorrowItem>().BorrowAsync(club.ClubId, lamp, Ct);

        Assert.Equal(new DateOnly(2026, 4, 8), lateEvening.DueOn);
        Assert.Equal(new DateOnly(2026, 4, 9), afterMidnight.DueOn);
    }

    [Fact]
    public async Task A_loan_is_overdue_from_the_first_kst_minute_after_its_due_day()
    {
        await using var core = await StartAsync(DatabaseProvider.Sqlite);
        var club = await ClubAsync(core);
        var itemId = await ItemSeeds.AddItemAsync(core.DbAsync, club.ClubId, club.PresidentId, "축구공", maxLoanDays: 3);
        core.ActAs(club.MemberId);
        var loan = await core.Get<BorrowItem>().BorrowAsync(club.ClubId, itemId, Ct);

        core.SetNow(Kst(2026, 4, 4, 23, 59));
        var lastDay = await core.Get<ItemQueries>().ListAsync(club.ClubId, new ItemQuery(), Ct);
        var noticeOnLastDay = await core.Get<LoanQueries>().MyOverdueAsync(Ct);
        core.SetNow(Kst(2026, 4, 5, 0, 0));
        var overdueOnly = await core.Get<ItemQueries>().ListAsync(club.ClubId, new ItemQuery(Status: ItemStatus.Overdue), Ct);
        var onLoan = await core.Get<ItemQueries>().ListAsync(club.ClubId, new ItemQuery(Status: ItemStatus.OnLoan), Ct);
        var available = await core.Get<ItemQueries>().ListAsync(club.ClubId, new ItemQuery(Status: ItemStatus.Available), Ct);
        var notice = await core.Get<LoanQueries>().MyOverdueAsync(Ct);
        core.ActAs(club.PresidentId);
        var officersView = await core.Get<LoanQueries>().CurrentAsync(club.ClubId, Ct);

        Assert.Equal(new DateOnly(2026, 4, 4), loan.DueOn);
        Assert.Equal(ItemStatus.OnLoan, Assert.Single(lastDay).Status);
        Assert.Empty(noticeOnLastDay);
        Assert.Equal(ItemStatus.Overdue, Assert.Single(overdueOnly).Status);
        Assert.Equal(itemId, Assert.Single(onLoan).Id);
        Assert.Empty(available);
        var overdue = Assert.Single(notice);
        Assert.Equal((club.ClubId, "축구공", 1), (overdue.ClubId, overdue.ItemName, overdue.DaysOverdue));
        Assert.True(Assert.Single(officersView).IsOverdue);
        Assert.Equal("한회원", officersView[0].BorrowerName);
    }

    [Fact]
    public async Task Deleting_refuses_an_item_on_loan_and_afterwards_keeps_its_loans_in_the_members_history()
    {
        await using var core = await StartAsync(DatabaseProvider.Sqlite);
        var club = await ClubAsync(core);
        var itemId = await ItemSeeds.AddItemAsync(core.DbAsync, club.ClubId, club.PresidentId, "보드게임");
        core.ActAs(club.MemberId);
        await core.Get<BorrowItem>().BorrowAsync(club.ClubId, itemId, Ct);
        core.ActAs(club.PresidentId);
        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.ItemOnLoanNotDeletable, () => core.Get<DeleteItem>().DeleteAsync(club.ClubId, itemId, Ct));
        await core.Get<ReturnItem>().ReturnAsync(club.ClubId, itemId, ct: Ct);

        await core.Get<DeleteItem>().DeleteAsync(club.ClubId, itemId, Ct);

        Assert.Empty(await core.Get<ItemQueries>().ListAsync(club.ClubId, new ItemQuery(), Ct));
        await Refusal.ThrowsAsync(ErrorKind.NotFound, ErrorCodes.ItemNotFound, () => core.Get<ItemQueries>().GetAsync(club.ClubId, itemId, Ct));
        var history = await core.Get<LoanQueries>().MemberHistoryAsync(club.ClubId, club.MemberId, Ct);
        Assert.Equal("보드게임", Assert.Single(history).ItemName);
        Assert.NotNull(history[0].ReturnedAt);
        core.ActAs(club.MemberId);
        await Refusal.ThrowsAsync(ErrorKind.NotFound, ErrorCodes.ItemNotFound, () => core.Get<BorrowItem>().BorrowAsync(club.ClubId, itemId, Ct));
    }

    [Fact]
    public async Task An_item_under_repair_cannot_be_borrowed_until_it_is_available_again()
    {
        await using var core = await StartAsync(DatabaseProvider.Sqlite);
        var club = await ClubAsync(core);
        var itemId = await ItemSeeds.AddItemAsync(core.DbAsync, club.ClubId, club.PresidentId, "카메라");
        core.ActAs(club.PresidentId);
        await core.Get<EditItem>().SetUnavailableAsync(club.ClubId, itemId, true, Ct);

        core.ActAs(club.MemberId);
        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.ItemUnavailable, () => core.Get<BorrowItem>().BorrowAsync(club.ClubId, itemId, Ct));
        var listed = await core.Get<ItemQueries>().ListAsync(club.ClubId, new ItemQuery(Status: ItemStatus.Unavailable), Ct);
        core.ActAs(club.PresidentId);
        await core.Get<EditItem>().SetUnavailableAsync(club.ClubId, itemId, false, Ct);
        core.ActAs(club.MemberId);
        var loan = await core.Get<BorrowItem>().BorrowAsync(club.ClubId, itemId, Ct);

        Assert.Equal(ItemStatus.Unavailable, Assert.Single(listed).Status);
        Assert.Equal(itemId, loan.ItemId);
    }

    [Fact]
    public async Task The_list_filters_by_category_and_by_a_part_of_the_name()
    {
        await using var core = await StartAsync(DatabaseProvider.Sqlite);
        var club = await ClubAsync(core);
        await ItemSeeds.AddItemAsync(core.DbAsync, club.ClubId, club.PresidentId, "농구공");
        await ItemSeeds.AddItemAsync(core.DbAsync, club.ClubId, club.PresidentId, "Soccer Ball");
        core.ActAs(club.MemberId);

        var balls = await core.Get<ItemQueries>().ListAsync(club.ClubId, new ItemQuery(Search: "ball"), Ct);
        var korean = await core.Get<ItemQueries>().ListAsync(club.ClubId, new ItemQuery(Search: "구공"), Ct);
        var books = await core.Get<ItemQueries>().ListAsync(club.ClubId, new ItemQuery(Category: ItemCategory.Book), Ct);
        var sport = await core.Get<ItemQueries>().ListAsync(club.ClubId, new ItemQuery(Category: ItemCategory.Sport), Ct);

        Assert.Equal("Soccer Ball", Assert.Single(balls).Name);
        Assert.Equal("농구공", Assert.Single(korean).Name);
        Assert.Empty(books);
        Assert.Equal(2, sport.Count);
        Assert.All(sport, item => Assert.NotNull(item.ThumbnailUrl));
    }

    private sealed record LendingClub(long ClubId, Guid PresidentId, Guid MemberId);

    private static async Task<LendingClub> ClubAsync(CoreHarness core)
    {
        var president = await core.AddUserAsync("김회장");
        var club = await core.CreateClubAsync(president.Id, $"lend-{Guid.NewGuid():N}"[..20]);
        var member = await core.AddUserAsync("한회원");
        await core.AddMembershipAsync(club.Id, member.Id, ClubRole.Member);
        return new LendingClub(club.Id, president.Id, member.Id);
    }
}
