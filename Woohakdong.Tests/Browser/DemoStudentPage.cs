using Microsoft.Playwright;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Browser;

/// <summary>The demo's student, signed in, on the paid demo club's page with its circuit up.</summary>
public static class DemoStudentPage
{
    public static async Task<IPage> OnThePaidClubAsync(BrowserFixture browser, DemoAppFactory app)
    {
        var page = await browser.NewPageAsync(app.StartOnRealPort());
        await page.OpenAsync("/account/login");
        await page.FillAsync("#email", DemoData.StudentEmail);
        await page.FillAsync("#password", DemoData.Password);
        await page.ClickAsync("[data-testid='login-submit']");
        await page.WaitForAddressAsync(url => !url.Contains("/account/login"));
        // The page the sign-in led to has its circuit before the test moves on (no navigation overlaps its start).
        await page.WaitForInteractiveAsync();
        await page.OpenAsync($"/clubs/{DemoData.ClubEnglishName}");
        await page.WaitForInteractiveAsync();
        return page;
    }
}
