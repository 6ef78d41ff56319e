using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Notifications;
using static Woohakdong.Tests.Infrastructure.CoreHarness;

namespace Woohakdong.Tests.Items;

/// <summary>
/// The daily overdue notices against a real database, each test with its own clock: one per loan per KST day, however
/// many passes or instances run, none once the item is back.
/// </summary>
public sealed class OverdueNoticeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Two_workers_across_kst_midnight_notify_once_a_day(DatabaseProvider provider)
    {
        await using var core = await StartAsync(provider);
        var (club, member, itemId) = await LendAsync(core, "텐트");
        core.SetNow(Kst(2026, 4, 5, 12, 0));
        var options = Options.Create(new ItemOptions { OverdueNoticeInterval = TimeSpan.FromMinutes(10) });
        var workers = Enumerable.Range(0, 2).Select(_ => new OverdueNoticeWorker(
            core.Get<IServiceScopeFactory>(), options, core.Clock, NullLogger<OverdueNoticeWorker>.Instance)).ToList();
        foreach (var worker in workers) await worker.StartAsync(Ct);
        try
        {
            await PassTimeUntilAsync(core, Kst(2026, 4, 5, 23, 50), member, notices: 1);
            core.SetNow(Kst(2026, 4, 5, 23, 55));
            await PassTimeUntilAsync(core, Kst(2026, 4, 6, 23, 50), member, notices: 2);
        }
        finally
        {
            foreach (var worker in workers) await worker.StopAsync(CancellationToken.None);
        }

        var notices = await OverdueAsync(core, member);
        Assert.Equal([new DateOnly(2026, 4, 5), new DateOnly(2026, 4, 6)], notices.Select(n => OverdueSchedule.Today(n.CreatedAt)));
        Assert.Equal(new DateOnly(2026, 4, 6), (await LoanAsync(core, itemId)).LastOverdueNoticeOn);
        var notice = notices[0];
        Assert.Equal($"/clubs/{club.EnglishName}/items/{itemId}", notice.Link);
        Assert.Equal($"{club.Name}에서 빌린 텐트의 반납 기한(2026-04-04)이 지났습니다. 되도록 빨리 반납해 주세요.",
            core.Get<NotificationRenderer>().Render(notice, Languages.Korean).Body);
        Assert.Equal($"텐트, borrowed from {club.Name}, was due on 2026-04-04. Please return it soon.",
            core.Get<NotificationRenderer>().Render(notice, Languages.English).Body);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Passes_running_at_once_notify_each_borrower_once(DatabaseProvider provider)
    {
        await using var core = await StartAsync(provider);
        var president = await core.AddUserAsync("김회장");
        var club = await core.CreateClubAsync(president.Id, $"lend-{Guid.NewGuid():N}"[..20]);
        var borrowers = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var member = await core.AddUserAsync($"회원{i}");
            await core.AddMembershipAsync(club.Id, member.Id, ClubRole.Member);
            var itemId = await ItemSeeds.AddItemAsync(core.DbAsync, club.Id, president.Id, $"물품{i}", maxLoanDays: 3);
            core.ActAs(member.Id);
            await core.Get<BorrowItem>().BorrowAsync(club.Id, itemId, Ct);
            borrowers.Add(member.Id);
        }
        core.SetNow(Kst(2026, 4, 6, 9, 0));

        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PassAsync(core), Ct)));

        Assert.Equal(12, sent.Sum());
        foreach (var borrower in borrowers) Assert.Single(await OverdueAsync(core, borrower));
    }

    [Fact]
    public async Task After_downtime_one_notice_is_sent_and_none_once_the_item_is_back()
    {
        await using var core = await StartAsync(DatabaseProvider.Sqlite);
        var (club, member, itemId) = await LendAsync(core, "랜턴");

        core.SetNow(Kst(2026, 4, 4, 23, 59));
        var onTheDueDay = await PassAsync(core);
        core.SetNow(Kst(2026, 4, 5, 8, 0));
        var firstDay = await PassAsync(core);
        var sameDayAgain = await PassAsync(core);
        core.SetNow(Kst(2026, 4, 9, 8, 0));
        var afterDowntime = await PassAsync(core);
        core.ActAs(member);
        await core.Get<ReturnItem>().ReturnAsync(club.Id, itemId, ct: Ct);
        core.SetNow(Kst(2026, 4, 10, 8, 0));
        var afterReturn = await PassAsync(core);

        Assert.Equal([0, 1, 0, 1, 0], new[] { onTheDueDay, firstDay, sameDayAgain, afterDowntime, afterReturn });
        Assert.Equal(2, (await OverdueAsync(core, member)).Count);
    }

    /// <summary>A club whose member borrowed an item for 3 days on 2026-04-01 (due 2026-04-04).</summary>
    private static async Task<(Core.Clubs.ClubView Club, Guid Member, long ItemId)> LendAsync(CoreHarness core, string item)
    {
        var president = await core.AddUserAsync("김회장");
        var club = await core.CreateClubAsync(president.Id, $"lend-{Guid.NewGuid():N}"[..20]);
        var member = await core.AddUserAsync("한회원");
        await core.AddMembershipAsync(club.Id, member.Id, ClubRole.Member);
        var itemId = await ItemSeeds.AddItemAsync(core.DbAsync, club.Id, president.Id, item, maxLoanDays: 3);
        core.ActAs(member.Id);
        Assert.Equal(new DateOnly(2026, 4, 4), (await core.Get<BorrowItem>().BorrowAsync(club.Id, itemId, Ct)).DueOn);
        core.ActAs(null);
        return (club, member.Id, itemId);
    }

    /// <summary>
    /// Moves the clock one interval per look (the workers start their timers on threads of their own, so a single step
    /// could come before a timer exists), never beyond <paramref name="until"/>, until the borrower has that many notices.
    /// Every step that finds the count unchanged is another pass of both workers on the same day.
    /// </summary>
    private static Task PassTimeUntilAsync(CoreHarness core, DateTimeOffset until, Guid borrower, int notices) =>
        Eventually.TrueAsync(async () =>
        {
            if (core.Clock.GetUtcNow() < until) core.Clock.Advance(TimeSpan.FromMinutes(10));
            return (await OverdueAsync(core, borrower)).Count >= notices;
        }, $"{notices} overdue notices by {until:yyyy-MM-dd HH:mm}", Ct);

    private static async Task<int> PassAsync(CoreHarness core)
    {
        await using var scope = core.Get<IServiceScopeFactory>().CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OverdueNotices>().RunOnceAsync(Ct);
    }

    private static Task<List<Notification>> OverdueAsync(CoreHarness core, Guid borrower) =>
        Recorded.NotificationsAsync(core.DbAsync, borrower, NotificationKind.ItemOverdue);

    private static async Task<ItemLoan> LoanAsync(CoreHarness core, long itemId)
    {
        await using var db = await core.DbAsync();
        return await db.ItemLoans.AsNoTracking().SingleAsync(l => l.ItemId == itemId, Ct);
    }
}
