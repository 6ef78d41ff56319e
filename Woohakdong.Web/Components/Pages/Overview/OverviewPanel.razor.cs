using Microsoft.AspNetCore.Components;
using MudBlazor;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Overview;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Overview;

public partial class OverviewPanel
{
    /// <summary>At most this many day labels under the joins chart, so a month of days stays readable at 390 px.</summary>
    private const int DayLabels = 7;

    private List<ChartSeries<double>> membersSeries = [];
    private string[] termLabels = [];
    private List<ChartSeries<double>> joinsSeries = [];
    private string[] dayLabels = [];
    private List<(string, string)> memberRows = [];
    private List<(string, string)> joinRows = [];
    private List<OverviewNeed> needs = [];
    private BarChartOptions membersOptions = new();
    private LineChartOptions joinsOptions = new();

    [Parameter, EditorRequired] public ClubOverviewView View { get; set; } = null!;

    [Parameter, EditorRequired] public string EnglishName { get; set; } = "";

    private string WindowText => View.JoinWindow is var window && window.IsRecruitmentPeriod
        ? T["JoinsPeriod", KstText.Day(window.From), KstText.Day(window.To)]
        : T["JoinsRecent", window.Days, KstText.Day(window.From), KstText.Day(window.To)];

    protected override void OnParametersSet()
    {
        termLabels = [.. View.MembersPerTerm.Select(t => t.TermKey)];
        membersSeries = [Series(T["MembersColumn"], View.MembersPerTerm.Select(t => t.Members))];
        var step = (View.JoinsPerDay.Count + DayLabels - 1) / DayLabels;
        dayLabels = [.. View.JoinsPerDay.Select((d, i) => i % step == 0 ? $"{d.Day.Month}/{d.Day.Day}" : "")];
        joinsSeries = [Series(T["JoinsColumn"], View.JoinsPerDay.Select(d => d.Joins))];
        memberRows = [.. View.MembersPerTerm.Select(t => (TermName(t.TermKey), (string)T["MembersCount", t.Members]))];
        joinRows = [.. View.JoinsPerDay.Select(d => (KstText.Day(d.Day), (string)T["MembersCount", d.Joins]))];
        needs = [.. View.Needs.Where(n => n.Count > 0)];
        membersOptions = new BarChartOptions { ShowValues = true, YAxisTicks = Ticks(View.MembersPerTerm.Max(t => t.Members)) };
        joinsOptions = new LineChartOptions { YAxisTicks = Ticks(View.JoinsPerDay.Select(d => d.Joins).DefaultIfEmpty().Max()) };
    }

    /// <summary>About four steps up the axis, whole numbers only: the axis otherwise climbs to 20 for a handful of joins.</summary>
    private static int Ticks(int max) => Math.Max(1, (max + 3) / 4);

    private static ChartSeries<double> Series(string name, IEnumerable<int> values) =>
        new() { Name = name, Data = new ChartData<double>([.. values.Select(v => (double)v)]) };

    private string TermName(string key)
    {
        var term = Term.Parse(key);
        return Terms["TermName", term.Year, (int)term.Semester];
    }

    private string TabHref(string tab) => $"/clubs/{EnglishName}/admin?tab={tab}";

    /// <summary>The dashboard tab (<see cref="Dashboard.TabNames"/>) where each kind of need is handled.</summary>
    private static string TabOf(NeedKind kind) => kind switch
    {
        NeedKind.PendingApplications or NeedKind.UnpaidApprovals => "applications",
        NeedKind.OverdueLoans => "loans",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static IEnumerable<(string Key, long Amount)> Figures(OverviewMoney money) =>
        [("Collected", money.Collected), ("Refunded", money.Refunded), ("Spent", money.Spent), ("Balance", money.Balance)];
}
