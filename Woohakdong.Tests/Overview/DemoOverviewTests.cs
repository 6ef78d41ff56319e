using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Overview;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Notices;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Overview;

/// <summary>Every part of the demo clubs' overviews has something to show from the first start.</summary>
public sealed class DemoOverviewTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ClubOverviewView> OverviewAsync(string englishName)
    {
        await using var db = await app.DbAsync();
        var clubId = await db.Clubs.Where(c => c.EnglishName == englishName).Select(c => c.Id).SingleAsync(Ct);
        var president = await db.Users.Where(u => u.Email == DemoData.PresidentEmail).Select(u => u.Id).SingleAsync(Ct);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(
            new ClaimsIdentity(new[] { new Claim(ClaimTypes.NameIdentifier, president.ToString()) }, "demo")));
        return await scope.ServiceProvider.GetRequiredService<ClubOverview>().GetAsync(clubId, Ct);
    }

    [Fact]
    public async Task The_photo_club_shows_past_terms_recent_joins_its_money_and_an_overdue_loan()
    {
        var overview = await OverviewAsync(DemoData.ClubEnglishName);

        Assert.Equal(6, overview.MembersPerTerm.Count);
        Assert.All(overview.MembersPerTerm, term => Assert.True(term.Members > 0));
        Assert.Equal(8, overview.JoinsPerDay.Sum(d => d.Joins));
        // This term's 150,000 grant and the paid workshop's three 12,000 tickets (DemoEvents).
        Assert.Equal(new OverviewMoney(Collected: 186_000, Refunded: 0, Spent: 77_000, Balance: 229_000), overview.Money);
        Assert.Equal(1, overview.Needs.Single(n => n.Kind == NeedKind.OverdueLoans).Count);
    }

    [Fact]
    public async Task The_band_shows_applications_to_review_and_an_approval_waiting_for_its_fee()
    {
        var overview = await OverviewAsync("band");

        Assert.True(overview.JoinWindow.IsRecruitmentPeriod);
        Assert.Equal(2, overview.Needs.Single(n => n.Kind == NeedKind.PendingApplications).Count);
        var unpaid = overview.Needs.Single(n => n.Kind == NeedKind.UnpaidApprovals);
        Assert.Equal(1, unpaid.Count);
        Assert.NotNull(unpaid.Due);
    }
}
