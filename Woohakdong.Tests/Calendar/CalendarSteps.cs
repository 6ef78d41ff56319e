using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Calendar;
using Woohakdong.Core.Common;
using Woohakdong.Core.Events;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Events;

namespace Woohakdong.Tests.Calendar;

/// <summary>Calendar facts as the tests say them: events at a given KST moment, calendars as a caller or a visitor sees them.</summary>
public sealed class CalendarSteps(SeatHarness harness)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public EventSteps Events { get; } = new(harness);

    public static DateTimeOffset Kst(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, KoreanTime.Offset);

    /// <summary>An event at <paramref name="startsAt"/> (two hours long), without a sign-up window so any start is accepted.</summary>
    public Task<EventView> EventAsync(
        OpenClub club, DateTimeOffset startsAt, string title, EventAudience audience = EventAudience.Anyone, bool publish = true) =>
        Events.CreateAsync(club, Events.Input(audience: audience) with
        {
            Title = title, StartsAt = startsAt, EndsAt = startsAt.AddHours(2), SignupClosesAt = null, CancelDeadline = null,
        }, publish);

    public Task<EventView> CancelAsync(OpenClub club, long eventId) =>
        harness.As<EventService, EventView>(club.President, events => events.CancelAsync(eventId, Ct));

    public Task<ClubCalendar> ClubAsync(Guid? viewer, long clubId, CalendarRange range) =>
        AsAsync<CalendarQueries, ClubCalendar>(viewer, queries => queries.ClubAsync(clubId, range, Ct));

    public async Task<IReadOnlyList<string>> TitlesAsync(Guid? viewer, long clubId, CalendarRange range) =>
        (await ClubAsync(viewer, clubId, range)).Events.Select(e => e.Title).ToList();

    public Task<IReadOnlyList<CalendarEntry>> MineAsync(Guid student, CalendarRange range) =>
        harness.As<CalendarQueries, IReadOnlyList<CalendarEntry>>(student, queries => queries.MineAsync(range, Ct));

    /// <summary>The member is no longer in the club this term (removed or left).</summary>
    public async Task LeaveAsync(Guid member, long clubId)
    {
        await using var db = await harness.DbAsync();
        await db.Memberships.Where(m => m.ClubId == clubId && m.UserId == member).ExecuteDeleteAsync(Ct);
    }

    /// <summary>As <paramref name="viewer"/>, or as a visitor who is not signed in when null.</summary>
    public async Task<T> AsAsync<TService, T>(Guid? viewer, Func<TService, Task<T>> act) where TService : notnull
    {
        if (viewer is { } userId) return await harness.As(userId, act);
        await using var scope = harness.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
