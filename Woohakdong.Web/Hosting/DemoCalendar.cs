using Microsoft.AspNetCore.Identity;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Common;
using Woohakdong.Core.Events;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// The demo club's calendar beside <see cref="DemoEvents"/> (last week's outing, the next meeting and MT): this month a
/// rained-off night shoot (cancelled, struck through), next month a public exhibition the demo student signed up for and
/// a members' party.
/// </summary>
internal static class DemoCalendar
{
    /// <summary>Runs as the club's president (the scope's current user); leaves the president signed in.</summary>
    public static async Task AddAsync(AsyncServiceScope scope, UserManager<AppUser> users, AppUser president, long clubId)
    {
        var services = scope.ServiceProvider;
        var events = services.GetRequiredService<EventService>();
        var today = services.GetRequiredService<TimeProvider>().Today();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var nextMonth = thisMonth.AddMonths(1);

        async Task<EventView> AddAsync(DateOnly day, int hour, int hours, string title, string description, string place, EventAudience audience)
        {
            var startsAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), KoreanTime.Offset);
            return await events.CreateAsync(clubId, new EventInput(title, description, place, startsAt, startsAt.AddHours(hours), null, null, audience), publish: true);
        }

        var nightShoot = await AddAsync(thisMonth.AddDays(23), 20, 2, "야간 출사", "한강 야경을 찍습니다.", "반포 한강공원", EventAudience.Anyone);
        await events.CancelAsync(nightShoot.EventId);
        var exhibition = await AddAsync(nextMonth.AddDays(4), 12, 6, "사진부 정기 전시회", "한 학기 동안 찍은 사진을 전시합니다. 누구나 오세요.", "학생회관 1층 로비", EventAudience.Anyone);
        await AddAsync(nextMonth.AddDays(11), 18, 3, "학기말 뒤풀이", "한 학기 수고하셨습니다.", "정문 앞 식당", EventAudience.Members);

        var currentUser = services.GetRequiredService<CurrentUser>();
        currentUser.Set(await DemoData.SignInPrincipalAsync(scope, (await users.FindByEmailAsync(DemoData.StudentEmail))!));
        await services.GetRequiredService<EventSignups>().SignUpAsync(exhibition.EventId);
        currentUser.Set(await DemoData.SignInPrincipalAsync(scope, president));
    }
}
