using Microsoft.AspNetCore.Components;
using Woohakdong.Core.Calendar;

namespace Woohakdong.Web.Components.Pages.Calendar;

/// <summary>내 일정: the events I signed up for in any club and my clubs' events, a month at a time.</summary>
public partial class MyCalendar(CalendarQueries queries, TimeProvider time)
{
    private IReadOnlyList<CalendarEntry>? entries;
    private CalendarRange range;

    [SupplyParameterFromQuery(Name = "month")] public string? Month { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        range = ClubCalendarPage.MonthOrThisMonth(Month, time);
        entries = await queries.MineAsync(range);
    }
}
