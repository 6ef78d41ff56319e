using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Clubs.Pages;

namespace Woohakdong.Tests.Items.Pages;

/// <summary>A club "photo" with a president, an officer and a member; items and loans go straight into the database.</summary>
public abstract class ItemPagesTest : CorePageTest
{
    protected const string Club = "photo";

    protected long ClubId { get; private set; }
    protected Guid OfficerId { get; private set; }
    protected Guid MemberId { get; private set; }

    protected static DateOnly Today => TimeProvider.System.Today();

    protected async Task ArrangeClubAsync()
    {
        ClubId = await AddClubAsync(Club, await AddUserAsync("김회장"));
        OfficerId = await AddUserAsync("최임원");
        await AddMemberAsync(ClubId, OfficerId, ClubRole.Officer);
        MemberId = await AddUserAsync("박회원");
        await AddMemberAsync(ClubId, MemberId, ClubRole.Member);
    }

    protected async Task<long> AddItemAsync(string name, ItemCategory category = ItemCategory.Sport, bool unavailable = false)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var itemId = await ItemSeeds.AddItemAsync(() => factory.CreateDbContextAsync(), ClubId, OfficerId, name, unavailable: unavailable);
        await ChangeDatabaseAsync(async db => (await db.Items.SingleAsync(i => i.Id == itemId))!.Category = category);
        return itemId;
    }

    /// <summary>An open loan of the item to <paramref name="borrowerId"/>, due on <paramref name="dueOn"/>.</summary>
    protected Task LendAsync(long itemId, Guid borrowerId, DateOnly dueOn) => ChangeDatabaseAsync(db =>
    {
        db.ItemLoans.Add(new ItemLoan { ItemId = itemId, BorrowerId = borrowerId, BorrowedAt = DateTimeOffset.UtcNow, DueOn = dueOn });
        return Task.CompletedTask;
    });
}
