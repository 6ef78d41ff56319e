using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Browser;

/// <summary>The demo's student, signed in, on the paid demo club's page with its circuit up.</summary>
public static class DemoStudentPage
{
    public static async Task<IPage> OnThePaidClubAsync(BrowserFixture browser, DemoAppFactory app)
    {
        var page = await browser.NewPageAsync(app.StartOnRealPort());
        await page.SignInAsync(DemoData.StudentEmail, DemoData.Password);
        await page.OpenInteractiveAsync($"/clubs/{DemoData.ClubEnglishName}");
        return page;
    }

    /// <summary>Makes the demo's student a member of the demo club this term (the demo leaves them outside it, to join).</summary>
    public static async Task MakeMemberAsync(DemoAppFactory app)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var studentId = await db.Users.Where(u => u.Email == DemoData.StudentEmail).Select(u => u.Id).SingleAsync(ct);
        var clubId = await db.Clubs.Where(c => c.EnglishName == DemoData.ClubEnglishName).Select(c => c.Id).SingleAsync(ct);
        var term = Term.Current(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        db.Memberships.Add(new ClubMembership { ClubId = clubId, UserId = studentId, Role = ClubRole.Member, TermKey = term.Key });
        await db.SaveChangesAsync(ct);
    }
}
