using Microsoft.AspNetCore.Components;
using Woohakdong.Core.Calendar;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;

namespace Woohakdong.Web.Components.Pages.Calendar;

/// <summary>A club's calendar for anyone: public events for visitors, member events for members, drafts for officers.</summary>
public partial class ClubCalendarPage(ClubQueries clubs, CalendarQueries queries, TimeProvider time, NavigationManager navigation)
{
    private ClubCalendar? calendar;
    private CalendarRange range;

    [Parameter] public string EnglishName { get; set; } = "";
    [SupplyParameterFromQuery(Name = "month")] public string? Month { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        range = MonthOrThisMonth(Month, time);
        try
        {
            var club = await clubs.GetByEnglishNameAsync(EnglishName);
            calendar = await queries.ClubAsync(club.Id, range);
        }
        catch (AppException e) when (e.Kind == ErrorKind.NotFound)
        {
            calendar = null;
            navigation.NotFound();
        }
    }

    /// <summary>A page opened with a malformed month shows this month rather than an error.</summary>
    internal static CalendarRange MonthOrThisMonth(string? month, TimeProvider time)
    {
        try
        {
            return CalendarRange.ParseMonth(month, time);
        }
        catch (AppException)
        {
            return CalendarRange.ParseMonth(null, time);
        }
    }
}
