using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Events;
using Woohakdong.Core.Membership;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// The demo club's events: last week's 정기 출사 with its attendance taken (so the roster shows 출석률), an upcoming free
/// 정기 모임 with a few sign-ups, an upcoming paid MT, and a small free 특강 that is full with two students in its waitlist.
/// </summary>
internal static class DemoEvents
{
    /// <summary>Runs as the club's president, after the demo members exist.</summary>
    public static async Task AddAsync(IServiceProvider services, long clubId)
    {
        var events = services.GetRequiredService<EventService>();
        var time = services.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToKst().DateTime);
        var termStart = new DateTimeOffset(Term.Current(time).StartsOn.ToDateTime(new TimeOnly(19, 0)), KoreanTime.Offset);
        var lastWeek = new DateTimeOffset(today.AddDays(-7).ToDateTime(new TimeOnly(10, 0)), KoreanTime.Offset);
        var past = await events.CreateAsync(clubId, new EventInput(
            "정기 출사: 서울숲", "서울숲역 3번 출구에서 모여 함께 걸으며 찍었습니다.", "서울숲", Max(lastWeek, termStart), Max(lastWeek, termStart).AddHours(4),
            Capacity: 30, Fee: null, EventAudience.Members), publish: true);
        var meeting = Upcoming(today, days: 5);
        var free = await events.CreateAsync(clubId, new EventInput(
            "정기 모임", "이번 달 사진 합평회입니다. 찍은 사진 세 장을 가져오세요.\n간식 있어요.", "학생회관 304호", meeting, meeting.AddHours(2),
            Capacity: 30, Fee: null, EventAudience.Anyone, SignupClosesAt: meeting.AddHours(-1)), publish: true);
        var talk = Upcoming(today, days: 7);
        var full = await events.CreateAsync(clubId, new EventInput(
            "특강: 필름 현상 체험", "암실에서 흑백 필름을 직접 현상해 봅니다. 장비 때문에 세 명만 받습니다.", "학생회관 지하 암실", talk, talk.AddHours(2),
            Capacity: 3, Fee: null, EventAudience.Anyone, SignupClosesAt: talk.AddHours(-1)), publish: true);
        var trip = Upcoming(today, days: 12);
        await events.CreateAsync(clubId, new EventInput(
            "봄 MT: 가평", "1박 2일, 숙소와 저녁 식사 포함. 카메라 챙겨 오세요.", "가평 우학 펜션", trip, trip.AddDays(1),
            Capacity: 20, Fee: 15_000, EventAudience.Anyone, SignupClosesAt: trip.AddDays(-3), CancelDeadline: trip.AddDays(-5)), publish: true);

        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var officer = await db.Memberships.Where(m => m.ClubId == clubId && m.Role == ClubRole.Officer).Select(m => m.UserId).FirstAsync();
        var termKey = Term.Current(time).Key;
        var members = await db.Memberships.Where(m => m.ClubId == clubId && m.TermKey == termKey).OrderBy(m => m.Id).Select(m => m.UserId).ToListAsync();
        // Past sign-ups are written as they would stand: the event has started, so the seat engine takes no new ones.
        var came = past.StartsAt.AddMinutes(-5).ToUniversalTime();
        AddSignups(db, past.EventId, members.Take(10), (i, signup) =>
        {
            if (i % 4 == 3) return;
            signup.CheckedInAt = came.AddMinutes(i);
            signup.CheckedInBy = officer;
        });
        AddSignups(db, free.EventId, members.Skip(2).Take(5), (_, _) => { });
        AddSignups(db, full.EventId, members.Skip(1).Take(3), (_, _) => { });
        // Written as the waitlist would stand; a seat freed by a cancellation goes to the first of them.
        foreach (var waiting in members.Skip(4).Take(2))
            db.WaitlistEntries.Add(new WaitlistEntry { EventId = full.EventId, UserId = waiting, Status = WaitlistStatus.Waiting });
        await db.SaveChangesAsync();
        await db.Events.Where(e => e.Id == past.EventId || e.Id == free.EventId || e.Id == full.EventId).ExecuteUpdateAsync(set => set
            .SetProperty(e => e.SeatsTaken, e => db.EventSignups.Count(s => s.EventId == e.Id && s.Status == SignupStatus.Confirmed))
            .SetProperty(e => e.Waitlisted, e => db.WaitlistEntries.Count(w => w.EventId == e.Id && w.Status == WaitlistStatus.Waiting)));
    }

    private static void AddSignups(AppDbContext db, long eventId, IEnumerable<Guid> users, Action<int, EventSignup> shape)
    {
        var i = 0;
        foreach (var user in users)
        {
            var signup = new EventSignup { EventId = eventId, UserId = user, Status = SignupStatus.Confirmed, TicketCode = TicketCodes.New() };
            shape(i++, signup);
            db.EventSignups.Add(signup);
        }
    }

    private static DateTimeOffset Upcoming(DateOnly today, int days) => new(today.AddDays(days).ToDateTime(new TimeOnly(19, 0)), KoreanTime.Offset);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
