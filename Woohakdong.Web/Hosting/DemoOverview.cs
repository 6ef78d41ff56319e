using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// The photo club's history, so every part of its overview has something to show: rosters of the five terms before this
/// one, members who joined through this term's group over the last days, a ledger carried over from the last term
/// (<see cref="DemoLedger"/>) and an overdue loan. Past rows are written with their past times; nothing here goes through a payment.
/// </summary>
internal static class DemoOverview
{
    private static readonly string[] Names =
        ["박지훈", "김서윤", "이도현", "최하은", "정민재", "강예린", "조현우", "윤지아", "장태양", "임수빈", "한결", "오채원"];

    private static readonly int[] PastTermMembers = [10, 12, 8, 11, 9];

    /// <summary>Days ago each of this term's members joined (KST), newest last.</summary>
    private static readonly int[] JoinedDaysAgo = [6, 5, 5, 3, 2, 2, 1, 0];

    /// <summary>Runs as the club's president (the caller's scope has its current user set).</summary>
    public static async Task AddAsync(IServiceProvider services, UserManager<AppUser> users, long clubId, long groupId)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var term = Term.Current(time);
        var members = new List<AppUser>();
        for (var i = 0; i < Names.Length; i++)
            members.Add(await DemoData.CreateUserAsync(users, $"member{i + 1}@woohakdong.kr", Names[i], $"2024{i + 1:D4}", $"010-7000-{i + 1:D4}"));

        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var past = term;
        foreach (var count in PastTermMembers)
        {
            past = past.Previous;
            db.Memberships.AddRange(members.Take(count).Select(m => new ClubMembership { ClubId = clubId, UserId = m.Id, TermKey = past.Key, Role = ClubRole.Member }));
        }
        var joined = members.Take(JoinedDaysAgo.Length)
            .Select(m => new ClubMembership { ClubId = clubId, UserId = m.Id, TermKey = term.Key, Role = ClubRole.Member, JoinGroupId = groupId })
            .ToList();
        db.Memberships.AddRange(joined);
        await db.SaveChangesAsync();
        // The audit stamp says "now"; the demo's members joined over the last week, in the morning or the evening (KST).
        var now = time.GetUtcNow();
        var termStart = new DateTimeOffset(term.StartsOn.ToDateTime(TimeOnly.MinValue), KoreanTime.Offset);
        for (var i = 0; i < joined.Count; i++)
        {
            var at = now.AddDays(-JoinedDaysAgo[i]).AddHours(-(i % 2 == 0 ? 1 : 9));
            joined[i].CreatedAt = at < termStart ? now : at;
        }
        await db.JoinGroups.Where(g => g.Id == groupId).ExecuteUpdateAsync(set => set.SetProperty(g => g.SeatsTaken, g => g.SeatsTaken + joined.Count));
        await AddOverdueLoanAsync(db, clubId, joined[0].UserId, time);
        await db.SaveChangesAsync();
        await DemoLedger.AddAsync(services, clubId);
    }

    /// <summary>The tripod (three days a loan) borrowed six days ago and not back.</summary>
    private static async Task AddOverdueLoanAsync(AppDbContext db, long clubId, Guid borrower, TimeProvider time)
    {
        var tripod = await db.Items.Where(i => i.ClubId == clubId && i.MaxLoanDays == 3).SingleAsync();
        var borrowedAt = time.GetUtcNow().AddDays(-6);
        db.ItemLoans.Add(new ItemLoan
        {
            ItemId = tripod.Id, BorrowerId = borrower, BorrowedAt = borrowedAt,
            DueOn = ItemRules.DueOn(DateOnly.FromDateTime(borrowedAt.ToKst().DateTime), tripod.MaxLoanDays),
        });
    }
}
