using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Woohakdong.Core.Ledger;
using Woohakdong.Web.Components.Pages.Ledger;
using Woohakdong.Web.Components.Pages.Membership;

namespace Woohakdong.Tests.Ledger.Pages;

/// <summary>The dashboard's ledger tab over the real services: what officers read, what 총무 may do, and Core's refusals as text.</summary>
public sealed class LedgerTabTests : LedgerPageTest
{
    private IRenderedComponent<ContainerFragment> RenderTab()
    {
        var tab = RenderWithHosts<LedgerTab>((nameof(LedgerTab.ClubId), ClubId));
        tab.WaitForElement("[data-testid=ledger-entries]");
        return tab;
    }

    private static IReadOnlyList<string> Texts(IRenderedComponent<ContainerFragment> page, string testId) =>
        [.. page.FindAll($"[data-testid={testId}]").Select(e => e.TextContent.Trim())];

    [Fact]
    public async Task An_officer_reads_the_terms_sums_and_its_entries_newest_first_with_their_marks_but_may_not_write()
    {
        await ArrangeAsync();
        SignIn(Officer);

        var tab = RenderTab();

        Assert.Equal("₩50,000", tab.Find("[data-testid=ledger-carried] .money").TextContent);
        Assert.Equal("₩100,000", tab.Find("[data-testid=ledger-income] .money").TextContent);
        Assert.Equal("₩0", tab.Find("[data-testid=ledger-expense] .money").TextContent);
        Assert.Equal("₩150,000", tab.Find("[data-testid=ledger-balance] .money").TextContent);
        Assert.Equal([$"#{SnacksReversal}", $"#{Snacks}", $"#{Grant}"], Texts(tab, "entry-number"));
        Assert.Equal(["+₩30,000", "−₩30,000", "+₩100,000"], Texts(tab, "entry-amount"));
        Assert.Equal(["간식·식비", "간식·식비", "회비 외 수입"], Texts(tab, "entry-category"));
        Assert.Equal(["직접 입력", "직접 입력", "직접 입력"], Texts(tab, "entry-source"));
        Assert.All(Texts(tab, "entry-recorded-by"), name => Assert.Equal("정총무", name));
        Assert.Equal($"#{Snacks} 취소", Assert.Single(Texts(tab, "entry-reverses")));
        Assert.Equal($"취소됨 (#{SnacksReversal})", Assert.Single(Texts(tab, "entry-reversed")));
        var receipt = Assert.Single(tab.FindAll("[data-testid=entry-receipt]"));
        Assert.Equal(receipt.GetAttribute("href"), receipt.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("지금은 임원만 장부를 봅니다.", tab.Find("[data-testid=ledger-readers]").TextContent.Trim());
        Assert.Empty(tab.FindAll("[data-testid=ledger-add]"));
        Assert.Empty(tab.FindAll("[data-testid=entry-reverse]"));
        Assert.Empty(tab.FindAll("[data-testid=ledger-open]"));
        Assert.Empty(tab.FindAll("[data-testid=export-ledger]"));
    }

    [Fact]
    public async Task A_secretary_is_told_why_an_amount_of_zero_is_refused_then_records_the_expense()
    {
        await ArrangeAsync();
        SignIn(Secretary);
        var tab = RenderTab();
        Assert.Single(tab.FindAll("[data-testid=export-ledger]"));

        await tab.Find("[data-testid=ledger-add]").ClickAsync(new());
        await tab.Find("input[data-testid=entry-memo-field]").ChangeAsync(new ChangeEventArgs { Value = "MT 장소 대관" });
        await tab.Find("[data-testid=entry-save]").ClickAsync(new());
        tab.WaitForAssertion(() => Assert.Equal("금액은 1원에서 1억 원 사이여야 합니다.", tab.Find("[data-testid=entry-error]").TextContent));

        await tab.Find("input[data-testid=entry-amount-field]").ChangeAsync(new ChangeEventArgs { Value = "120000" });
        await tab.Find("[data-testid=entry-save]").ClickAsync(new());

        tab.WaitForAssertion(() => Assert.Empty(tab.FindAll("[data-testid=ledger-entry-form]")));
        tab.WaitForAssertion(() => Assert.Equal("MT 장소 대관", Texts(tab, "entry-memo")[0]));
        Assert.Equal("₩120,000", tab.Find("[data-testid=ledger-expense] .money").TextContent);
        var saved = await QueryAsync(db => db.LedgerEntries.OrderBy(e => e.Id).LastAsync());
        Assert.Equal((LedgerKind.Expense, LedgerCategory.Food, 120_000L, Secretary), (saved.Kind, saved.Category, saved.Amount, saved.RecordedBy));
    }

    [Theory]
    [InlineData("-5000", "0", "금액은 1원에서 1억 원 사이여야 합니다.")]
    [InlineData("100000001", "0", "금액은 1원에서 1억 원 사이여야 합니다.")]
    [InlineData("5000", "3650", "날짜는 오늘부터 7일 뒤까지만 쓸 수 있습니다.")]
    [InlineData("5000", "-3650", "동아리의 첫 학기보다 이른 날짜입니다.")]
    public async Task Bad_input_in_the_form_is_refused_with_core_s_words_and_nothing_is_recorded(string amount, string daysAhead, string message)
    {
        await ArrangeAsync();
        SignIn(Secretary);
        var tab = RenderTab();
        var before = await QueryAsync(db => db.LedgerEntries.CountAsync());
        await tab.Find("[data-testid=ledger-add]").ClickAsync(new());
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(int.Parse(daysAhead));

        await tab.Find("input[data-testid=entry-date-field]").ChangeAsync(new ChangeEventArgs { Value = date.ToString("yyyy-MM-dd") });
        await tab.Find("input[data-testid=entry-amount-field]").ChangeAsync(new ChangeEventArgs { Value = amount });
        await tab.Find("[data-testid=entry-save]").ClickAsync(new());

        tab.WaitForAssertion(() => Assert.Equal(message, tab.Find("[data-testid=entry-error]").TextContent));
        Assert.Single(tab.FindAll("[data-testid=ledger-entry-form]"));
        Assert.Equal(before, await QueryAsync(db => db.LedgerEntries.CountAsync()));
    }

    [Fact]
    public async Task A_secretary_reverses_an_entry_with_why_and_it_is_marked_reversed()
    {
        await ArrangeAsync();
        SignIn(Secretary);
        var tab = RenderTab();
        Assert.Single(tab.FindAll("[data-testid=entry-reverse]"));

        tab.Find("[data-testid=entry-reverse]").Click(); // not awaited: its handler waits for the dialog's answer
        tab.WaitForElement("[data-testid=reverse-dialog]");
        Assert.Contains($"#{Grant}", tab.Find(".mud-dialog").TextContent);
        await tab.Find("#reverse-reason").InputAsync(new ChangeEventArgs { Value = "금액을 잘못 적음" });
        await tab.Find("[data-testid=reverse-confirm]").ClickAsync(new());

        tab.WaitForAssertion(() => Assert.Equal(2, tab.FindAll("[data-testid=entry-reversed]").Count));
        Assert.Empty(tab.FindAll("[data-testid=entry-reverse]"));
        Assert.Equal("₩0", tab.Find("[data-testid=ledger-income] .money").TextContent);
        var reversal = await QueryAsync(db => db.LedgerEntries.SingleAsync(e => e.ReversesId == Grant));
        Assert.Equal(("금액을 잘못 적음", LedgerKind.Expense), (reversal.Memo, reversal.Kind));
    }

    [Fact]
    public async Task Reversing_an_entry_someone_reversed_meanwhile_says_so_instead_of_failing()
    {
        await ArrangeAsync();
        SignIn(Secretary);
        var tab = RenderTab();
        await ChangeDatabaseAsync(db =>
        {
            db.LedgerEntries.Add(new LedgerEntry
            {
                ClubId = ClubId, TermKey = ThisTerm, Date = DateOnly.FromDateTime(DateTime.Today), Kind = LedgerKind.Expense,
                Category = LedgerCategory.OtherIncome, Amount = 100_000, Memo = "다른 총무가 먼저", Source = LedgerSource.Manual,
                ReversesId = Grant, RecordedBy = Secretary, RecordedAt = DateTimeOffset.UtcNow,
            });
            return Task.CompletedTask;
        });

        tab.Find("[data-testid=entry-reverse]").Click();
        await tab.WaitForElement("#reverse-reason").InputAsync(new ChangeEventArgs { Value = "잘못 기록" });
        await tab.Find("[data-testid=reverse-confirm]").ClickAsync(new());

        var snackbar = Services.GetRequiredService<ISnackbar>();
        tab.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message == "이미 취소된 항목입니다." && s.Severity == Severity.Error));
        tab.WaitForAssertion(() => Assert.Equal(2, tab.FindAll("[data-testid=entry-reversed]").Count));
        Assert.Equal(1, await QueryAsync(db => db.LedgerEntries.CountAsync(e => e.ReversesId == Grant)));
    }

    [Fact]
    public async Task A_secretary_opens_the_ledger_to_every_member()
    {
        await ArrangeAsync();
        SignIn(Secretary);
        var tab = RenderTab();

        await tab.Find("input[data-testid=ledger-open]").ChangeAsync(new ChangeEventArgs { Value = true });

        tab.WaitForAssertion(() => Assert.True(tab.Find("input[data-testid=ledger-open]").HasAttribute("checked")));
        Assert.True(await QueryAsync(db => db.Clubs.Where(c => c.Id == ClubId).Select(c => c.LedgerOpenToMembers).SingleAsync()));
    }

    [Fact]
    public async Task The_dashboard_opens_the_ledger_tab_from_its_address_with_the_terms_export()
    {
        await ArrangeAsync();
        SignIn(Secretary);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/clubs/{Club}/admin?tab=ledger");

        var dashboard = RenderWithHosts<Dashboard>((nameof(Dashboard.EnglishName), Club));

        dashboard.WaitForAssertion(() => Assert.Equal(3, dashboard.FindAll("[data-testid=entry-number]").Count));
        Assert.Contains("장부", dashboard.Find(".mud-tab-active").TextContent);
        dashboard.WaitForAssertion(() => Assert.Equal($"/exports/clubs/{ClubId}/ledger?format=csv&term={ThisTerm}",
            dashboard.Find("[data-testid=export-ledger] [data-testid=export-csv]").GetAttribute("href")));
    }
}
