using Bunit;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Clubs.Pages;
using Woohakdong.Web.Components.Pages.Exports;

namespace Woohakdong.Tests.Exports.Pages;

/// <summary>The export links carry the screen's filters and are offered only to the roles each export allows.</summary>
public sealed class ExportButtonsTests : CorePageTest
{
    private long clubId;

    private async Task<Guid> CallerAsync(ClubRole role)
    {
        var president = await AddUserAsync("김회장");
        clubId = await AddClubAsync("photo", president);
        if (role == ClubRole.President) return president;
        var caller = await AddUserAsync("정임원");
        await AddMemberAsync(clubId, caller, role);
        return caller;
    }

    private IRenderedComponent<ExportButtons> RenderButtons(string name, string? term = null, string? status = null, string? role = null) =>
        Render<ExportButtons>(p => p.Add(c => c.ClubId, clubId).Add(c => c.Name, name).Add(c => c.Term, term).Add(c => c.Status, status).Add(c => c.Role, role));

    [Fact]
    public async Task The_roster_links_carry_the_term_and_role_filters_and_download()
    {
        SignIn(await CallerAsync(ClubRole.Officer));

        var buttons = RenderButtons("roster", term: ThisTerm, role: "VICE_PRESIDENT");

        buttons.WaitForElement("[data-testid=export-roster]");
        var xlsx = buttons.Find("[data-testid=export-xlsx]");
        Assert.Equal($"/exports/clubs/{clubId}/roster?format=xlsx&term={ThisTerm}&role=VICE_PRESIDENT", xlsx.GetAttribute("href"));
        Assert.True(xlsx.HasAttribute("download"));
        Assert.Equal($"/exports/clubs/{clubId}/roster?format=csv&term={ThisTerm}&role=VICE_PRESIDENT",
            buttons.Find("[data-testid=export-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task The_payments_links_leave_out_filters_the_screen_does_not_set()
    {
        SignIn(await CallerAsync(ClubRole.Secretary));

        var buttons = RenderButtons("payments", status: "Completed");

        buttons.WaitForAssertion(() => Assert.Equal($"/exports/clubs/{clubId}/payments?format=xlsx&status=Completed",
            buttons.Find("[data-testid=export-xlsx]").GetAttribute("href")));
    }

    [Theory]
    [InlineData("ledger")]
    [InlineData("payments")]
    public async Task Money_exports_are_hidden_from_an_officer_below_the_secretary(string name)
    {
        SignIn(await CallerAsync(ClubRole.Officer));

        // Beside the roster's, which the officer may have: once both have read the role, only the roster's is shown.
        var both = Render(builder =>
        {
            builder.OpenComponent<ExportButtons>(0);
            builder.AddAttribute(1, nameof(ExportButtons.ClubId), clubId);
            builder.AddAttribute(2, nameof(ExportButtons.Name), "roster");
            builder.CloseComponent();
            builder.OpenComponent<ExportButtons>(3);
            builder.AddAttribute(4, nameof(ExportButtons.ClubId), clubId);
            builder.AddAttribute(5, nameof(ExportButtons.Name), name);
            builder.CloseComponent();
        });

        both.WaitForElement("[data-testid=export-roster]");
        both.WaitForAssertion(() => Assert.Equal(2, both.FindComponents<ExportButtons>().Count));
        Assert.Empty(both.FindAll($"[data-testid=export-{name}]"));
        Assert.Equal(2, both.FindAll("a").Count);
    }

    [Fact]
    public async Task The_president_gets_the_ledger_export_but_never_one_that_does_not_exist()
    {
        SignIn(await CallerAsync(ClubRole.President));

        var unknown = RenderButtons("no-such-export");
        var ledger = RenderButtons("ledger");

        ledger.WaitForAssertion(() => Assert.Equal($"/exports/clubs/{clubId}/ledger?format=xlsx", ledger.Find("[data-testid=export-xlsx]").GetAttribute("href")));
        Assert.Empty(unknown.Markup.Trim());
    }
}
