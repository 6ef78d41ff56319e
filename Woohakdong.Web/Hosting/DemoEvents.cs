using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Events;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Payments;
using Woohakdong.Web.Sandbox.PortOne;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// The demo club's events: last week's 정기 출사 with its attendance taken (so the roster shows 출석률), an upcoming free
/// 정기 모임 with a few sign-ups, an upcoming paid MT, a small free 특강 that is full with two students in its waitlist, and
/// a small paid 워크숍 that is full of paid sign-ups with the demo student first in its waitlist: an attendee who cancels
/// before the deadline is refunded through the sandbox, and the student is offered the seat to pay for.
/// </summary>
internal static class DemoEvents
{
    /// <summary>Runs in the seeding scope as the club's president, after the demo members exist; paid sign-ups switch the current user and back.</summary>
    public static async Task AddAsync(AsyncServiceScope scope, UserManager<AppUser> users, AppUser president, long clubId)
    {
        var services = scope.ServiceProvider;
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
        var studio = Upcoming(today, days: 9);
        var workshop = await events.CreateAsync(clubId, new EventInput(
            "유료 워크숍: 인물 사진 조명", "조명 두 개로 인물 사진을 찍어 봅니다. 모델과 조명 대여비가 참가비에 포함돼요.", "학생회관 지하 스튜디오",
            studio, studio.AddHours(3), Capacity: 3, Fee: 12_000, EventAudience.Anyone,
            SignupClosesAt: studio.AddDays(-1), CancelDeadline: studio.AddDays(-2)), publish: true);

        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var officer = await db.Memberships.Where(m => m.ClubId == clubId && m.Role == ClubRole.Officer).Select(m => m.UserId).FirstAsync();
        var termKey = Term.Current(time).Key;
        var members = await db.Memberships.Where(m => m.ClubId == clubId && m.TermKey == termKey).OrderBy(m => m.Id).Select(m => m.UserId).ToListAsync();
        var student = await db.Users.Where(u => u.Email == DemoData.StudentEmail).Select(u => u.Id).SingleAsync();
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
        AddWaitlist(db, full.EventId, members.Skip(4).Take(2));
        await AddPaidSignupsAsync(scope, users, president, workshop, members.Skip(6).Take(3));
        // The demo's own student is first in line, so signing in as student@ shows the offer a cancellation makes.
        AddWaitlist(db, workshop.EventId, [student, members[9]]);
        await db.SaveChangesAsync();
        var counted = new[] { past.EventId, free.EventId, full.EventId, workshop.EventId };
        await db.Events.Where(e => counted.Contains(e.Id)).ExecuteUpdateAsync(set => set
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

    private static void AddWaitlist(AppDbContext db, long eventId, IEnumerable<Guid> users)
    {
        foreach (var waiting in users)
            db.WaitlistEntries.Add(new WaitlistEntry { EventId = eventId, UserId = waiting, Status = WaitlistStatus.Waiting });
    }

    /// <summary>
    /// Each student's paid seat as the real flow leaves it: the seat held by the engine, the order made as StartPaidJoin makes it,
    /// the buyer's payment recorded in the app's own PortOne (V1) sandbox and settled by the one settlement (the sign-up
    /// confirmed with its ticket, the order completed with the payment's imp_uid, the ledger's income, the receipt), so a
    /// refund through the sandbox finds the payment. The gateway's HTTP API is not called: in Sandbox mode it is this app's
    /// own address, which is not listening yet while the demo is seeded. The sandbox keeps its payments in memory, so
    /// these refund only until the app restarts (the same as any payment made in the demo).
    /// </summary>
    private static async Task AddPaidSignupsAsync(
        AsyncServiceScope scope, UserManager<AppUser> users, AppUser president, EventView paidEvent, IEnumerable<Guid> students)
    {
        var services = scope.ServiceProvider;
        var currentUser = services.GetRequiredService<CurrentUser>();
        var sandbox = services.GetRequiredService<SandboxStore>();
        var settlement = services.GetRequiredService<PaidOrderSettlement>();
        var dbFactory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        foreach (var student in students)
        {
            currentUser.Set(await DemoData.SignInPrincipalAsync(scope, (await users.FindByIdAsync(student.ToString()))!));
            var hold = await services.GetRequiredService<SeatService>().HoldAsync(PoolKind.Event, paidEvent.EventId);
            var order = new JoinOrder
            {
                MerchantUid = MerchantUids.New(), ClubId = paidEvent.ClubId, PoolId = paidEvent.EventId, UserId = student,
                Amount = paidEvent.Fee!.Value, HoldId = hold.HoldId, HoldExpiresAt = hold.ExpiresAt, Status = OrderStatus.Pending,
                GatewayVersion = GatewayVersion.V1,
            };
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                db.JoinOrders.Add(order);
                await db.SaveChangesAsync();
            }
            sandbox.Prepare(order.MerchantUid, order.Amount, PaidOrderSettlement.Krw, replace: false);
            var paid = sandbox.Record(new SandboxPurchase(order.MerchantUid, order.Amount, Paid: true, Channel: "api", Name: paidEvent.Title));
            await settlement.ClaimAsync(order, new GatewayPayment(paid.ImpUid, paid.MerchantUid, paid.Amount, paid.CancelAmount, paid.Currency,
                GatewayPaymentStatus.Paid, DateTimeOffset.FromUnixTimeSeconds(paid.PaidAt), FailReason: null), OrderCause.Callback, CancellationToken.None);
        }
        currentUser.Set(await DemoData.SignInPrincipalAsync(scope, president));
    }

    private static DateTimeOffset Upcoming(DateOnly today, int days) => new(today.AddDays(days).ToDateTime(new TimeOnly(19, 0)), KoreanTime.Offset);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
