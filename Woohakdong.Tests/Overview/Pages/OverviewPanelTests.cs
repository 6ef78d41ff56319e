using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Woohakdong.Core.Overview;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Components.Pages.Membership;
using Woohakdong.Web.Components.Pages.Overview;
using static Woohakdong.Tests.Infrastructure.CoreHarness;

namespace Woohakdong.Tests.Overview.Pages;

/// <summary>The overview's parts over a fixed view: the charts, the same numbers as text, the money and the links to the tabs.</summary>
public sealed class OverviewPanelTests : PatientBunitContext
{
    private static readonly ClubOverviewView View = new(
        "2026-1",
        [new("2025-1", 12), new("2025-2", 20), new("2026-1", 31)],
        new JoinWindow(new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 4), IsRecruitmentPeriod: true),
        [new(new DateOnly(2026, 4, 2), 5), new(new DateOnly(2026, 4, 3), 0), new(new DateOnly(2026, 4, 4), 2)],
        new OverviewMoney(Collected: 310_000, Refunded: 10_000, Spent: 45_000, Balance: 380_500),
        [
            new(NeedKind.PendingApplications, 3),
            new(NeedKind.UnpaidApprovals, 1, Kst(2026, 4, 11, 9, 0).ToUniversalTime()),
            new(NeedKind.OverdueLoans, 0),
        ]);

    public OverviewPanelTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("ko-KR");
        Services.AddLocalization();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private IRenderedComponent<OverviewPanel> RenderPanel(ClubOverviewView view) =>
        Render<OverviewPanel>(p => p.Add(x => x.View, view).Add(x => x.EnglishName, "photo"));

    private static List<(string, string)> Rows(IElement table) =>
        [.. table.QuerySelectorAll("tbody tr").Select(row => (row.Children[0].TextContent.Trim(), row.Children[1].TextContent.Trim()))];

    [Fact]
    public void Both_charts_are_drawn_and_hidden_from_screen_readers_which_read_their_tables()
    {
        var panel = RenderPanel(View);

        foreach (var part in new[] { "overview-members", "overview-joins" })
        {
            var chart = panel.Find($"[data-testid={part}] [aria-hidden=true]");
            Assert.NotNull(chart.QuerySelector(".mud-chart svg"));
        }
        Assert.Equal([("2025년 1학기", "12명"), ("2025년 2학기", "20명"), ("2026년 1학기", "31명")], Rows(panel.Find("[data-testid=overview-members-table]")));
        Assert.Equal([("2026-04-02", "5명"), ("2026-04-03", "0명"), ("2026-04-04", "2명")], Rows(panel.Find("[data-testid=overview-joins-table]")));
        Assert.Equal("학기별 회원 수 표", panel.Find("[data-testid=overview-members-table] caption").TextContent);
    }

    [Fact]
    public void The_summaries_say_this_terms_members_and_the_joins_of_the_recruitment_period()
    {
        var panel = RenderPanel(View);

        Assert.Equal("이번 학기 31명", panel.Find("[data-testid=overview-members-summary]").TextContent.Trim());
        Assert.Equal("모집 기간 2026-04-02 ~ 2026-04-04 · 이 기간 가입 7명", panel.Find("[data-testid=overview-joins-summary]").TextContent.Trim());
    }

    [Fact]
    public void Money_shows_the_four_figures_in_won_and_links_to_the_payments_tab()
    {
        var panel = RenderPanel(View);

        string Figure(string key) => panel.Find($"[data-testid=money-{key}] dd").TextContent.Trim();
        Assert.Equal(("₩310,000", "₩10,000", "₩45,000", "₩380,500"), (Figure("Collected"), Figure("Refunded"), Figure("Spent"), Figure("Balance")));
        Assert.Equal("입금", panel.Find("[data-testid=money-Collected] dt").TextContent.Trim());
        Assert.Equal("/clubs/photo/admin?tab=payments", panel.Find("[data-testid=money-link]").GetAttribute("href"));
    }

    [Fact]
    public void Each_need_links_to_the_tab_that_handles_it_and_nothing_is_listed_at_zero()
    {
        var panel = RenderPanel(View);

        var pending = panel.Find("[data-testid=need-PendingApplications] a");
        Assert.Equal(("심사를 기다리는 지원서 3건", "/clubs/photo/admin?tab=applications"), (pending.TextContent.Trim(), pending.GetAttribute("href")));
        var unpaid = panel.Find("[data-testid=need-UnpaidApprovals]");
        Assert.Equal("/clubs/photo/admin?tab=applications", unpaid.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("가장 빠른 마감 2026-04-11 09:00", unpaid.TextContent);
        Assert.Empty(panel.FindAll("[data-testid=need-OverdueLoans]"));
        Assert.All(panel.FindAll("[data-testid^=need-] a, [data-testid=money-link]"),
            link => Assert.Contains(link.GetAttribute("href")!.Split("?tab=")[1], Dashboard.TabNames));
    }

    [Fact]
    public void Overdue_loans_link_to_the_loans_tab()
    {
        var panel = RenderPanel(View with { Needs = [new(NeedKind.OverdueLoans, 2)] });

        var overdue = panel.Find("[data-testid=need-OverdueLoans] a");
        Assert.Equal(("반납이 늦은 물품 2건", "/clubs/photo/admin?tab=loans"), (overdue.TextContent.Trim(), overdue.GetAttribute("href")));
    }

    [Fact]
    public void With_nothing_pending_it_says_so_and_a_role_without_the_ledger_sees_no_money()
    {
        var panel = RenderPanel(View with { Money = null, Needs = [new(NeedKind.PendingApplications, 0)] });

        Assert.Equal("지금 처리할 일이 없습니다.", panel.Find("[data-testid=nothing-needed]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=overview-money]"));
    }

    [Fact]
    public void Without_a_recruitment_period_it_names_the_days_shown_and_speaks_english_too()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en");
        var window = new JoinWindow(new DateOnly(2026, 3, 28), new DateOnly(2026, 4, 10), IsRecruitmentPeriod: false);

        var panel = RenderPanel(View with { JoinWindow = window, Needs = [new(NeedKind.PendingApplications, 1)] });

        Assert.Equal("Last 14 days (2026-03-28 to 2026-04-10) · 7 joined in this period", panel.Find("[data-testid=overview-joins-summary]").TextContent.Trim());
        Assert.Equal("1 application to review", panel.Find("[data-testid=need-PendingApplications] a").TextContent.Trim());
        Assert.Equal("31 members this term", panel.Find("[data-testid=overview-members-summary]").TextContent.Trim());
    }
}
