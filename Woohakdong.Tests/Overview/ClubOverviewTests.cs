using Woohakdong.Core.Applications;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Items;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Overview;
using Woohakdong.Tests.Infrastructure;
using static Woohakdong.Tests.Infrastructure.CoreHarness;

namespace Woohakdong.Tests.Overview;

/// <summary>
/// The overview over fixed data and a fixed clock: a club recruiting 2026-04-02..04-08 (KST), seen on 2026-04-10, beside
/// another club whose rows must not count. Each test has its own harness, since the seeding moves the clock.
/// </summary>
public abstract class ClubOverviewTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Today = Utc(2026, 4, 10, 12, 0);

    private sealed record Seeded(CoreHarness Core, ClubCast Cast);

    [Fact]
    public async Task Members_per_term_run_oldest_first_over_the_current_and_five_earlier_terms()
    {
        await using var core = await StartAsync(provider);
        var seeded = await SeedAsync(core);

        var overview = await OverviewAsync(seeded, seeded.Cast.Officer.UserId);

        Assert.Equal("2026-1", overview.TermKey);
        // 2023-1 has a member too, but it is the seventh term back; 2024-1 had none and still shows. This term: the cast and four joins.
        Assert.Equal(
            [("2023-2", 1), ("2024-1", 0), ("2024-2", 2), ("2025-1", 1), ("2025-2", 3), ("2026-1", 5 + 4)],
            overview.MembersPerTerm.Select(t => (t.TermKey, t.Members)));
    }

    [Fact]
    public async Task Joins_are_counted_per_kst_day_over_the_recruitment_period_with_its_empty_days()
    {
        await using var core = await StartAsync(provider);
        var seeded = await SeedAsync(core);

        var overview = await OverviewAsync(seeded, seeded.Cast.President.UserId);

        Assert.Equal(new JoinWindow(new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 8), IsRecruitmentPeriod: true), overview.JoinWindow);
        // 04-02 00:01 and 23:59 KST are one day (in UTC they are two), 04-03 00:01 KST the next; 04-01 23:59 is before the period.
        Assert.Equal([2, 1, 0, 0, 0, 0, 0], overview.JoinsPerDay.Select(d => d.Joins));
        Assert.Equal(new DateOnly(2026, 4, 8), overview.JoinsPerDay[^1].Day);
    }

    [Fact]
    public async Task Money_is_this_terms_ledger_as_the_book_sums_it()
    {
        await using var core = await StartAsync(provider);
        var seeded = await SeedAsync(core);

        var overview = await OverviewAsync(seeded, seeded.Cast.Officer.UserId);

        Assert.Equal(new OverviewMoney(Collected: 30_000, Refunded: 10_000, Spent: 7_000, Balance: 43_000), overview.Money);
        core.ActAs(seeded.Cast.President.UserId);
        var book = await core.Get<LedgerBook>().GetAsync(seeded.Cast.ClubId, ct: Ct);
        Assert.Equal((30_000L, 20_000L, 7_000L, 43_000L), (book.CarriedOver, book.Income, book.Expense, book.Balance));
    }

    [Fact]
    public async Task Needs_count_pending_and_unpaid_applications_and_overdue_loans_of_this_club_only()
    {
        await using var core = await StartAsync(provider);
        var seeded = await SeedAsync(core);

        var overview = await OverviewAsync(seeded, seeded.Cast.Officer.UserId);

        Assert.Equal(
            [
                new OverviewNeed(NeedKind.PendingApplications, 2),
                new OverviewNeed(NeedKind.UnpaidApprovals, 2, Kst(2026, 4, 11, 9, 0)),
                new OverviewNeed(NeedKind.OverdueLoans, 1),
            ],
            overview.Needs);
    }

    [Fact]
    public async Task Without_a_period_the_joins_cover_the_last_fourteen_days_and_nothing_needs_an_officer()
    {
        await using var core = await StartAsync(provider);
        var cast = await core.SeedClubCastAsync();

        core.ActAs(cast.Officer.UserId);
        var overview = await core.Get<ClubOverview>().GetAsync(cast.ClubId, Ct);

        Assert.Equal(new JoinWindow(new DateOnly(2026, 3, 19), new DateOnly(2026, 4, 1), IsRecruitmentPeriod: false), overview.JoinWindow);
        Assert.Equal(14, overview.JoinsPerDay.Count);
        Assert.All(overview.JoinsPerDay, day => Assert.Equal(0, day.Joins));
        Assert.Equal([("2026-1", 5)], overview.MembersPerTerm.Select(t => (t.TermKey, t.Members)));
        Assert.Equal(new OverviewMoney(0, 0, 0, 0), overview.Money);
        Assert.All(overview.Needs, need => Assert.Equal(0, need.Count));
    }

    [Theory]
    [InlineData(Caller.Member, ErrorKind.Forbidden)]
    [InlineData(Caller.Student, ErrorKind.Forbidden)]
    [InlineData(Caller.OfficerOfAnotherClub, ErrorKind.Forbidden)]
    [InlineData(Caller.Anonymous, ErrorKind.Unauthorized)]
    public async Task Only_the_clubs_officers_see_its_overview(Caller caller, ErrorKind refusal)
    {
        await using var core = await StartAsync(provider);
        var cast = await core.SeedClubCastAsync();

        core.ActAs(cast.UserOf(caller));
        await Refusal.ThrowsAsync(refusal, Refusal.CodeOf(refusal), () => core.Get<ClubOverview>().GetAsync(cast.ClubId, Ct));
    }

    [Fact]
    public async Task An_unknown_club_is_not_found()
    {
        await using var core = await StartAsync(provider);
        core.ActAs((await core.AddUserAsync("김학생")).Id);

        await Refusal.ThrowsAsync(ErrorKind.NotFound, ErrorCodes.ClubNotFound, () => core.Get<ClubOverview>().GetAsync(long.MaxValue, Ct));
    }

    /// <summary>A KST moment as PostgreSQL takes it (UTC).</summary>
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        Kst(year, month, day, hour, minute).ToUniversalTime();

    private static async Task<ClubOverviewView> OverviewAsync(Seeded seeded, Guid caller)
    {
        seeded.Core.ActAs(caller);
        return await seeded.Core.Get<ClubOverview>().GetAsync(seeded.Cast.ClubId, Ct);
    }

    /// <summary>
    /// The club (five members of every role this term) and the other club, each with the same kinds of rows; the clock
    /// moves from 2026-04-01 to <see cref="Today"/>.
    /// </summary>
    private static async Task<Seeded> SeedAsync(CoreHarness core)
    {
        var cast = await core.SeedClubCastAsync();
        var (clubId, otherId) = (cast.ClubId, cast.OtherClubId);
        var period = (Utc(2026, 4, 2), Utc(2026, 4, 9));
        var group = await AddGroupAsync(core, clubId, period);
        var otherGroup = await AddGroupAsync(core, otherId, period);

        foreach (var (term, count) in new[] { ("2023-1", 1), ("2023-2", 1), ("2024-2", 2), ("2025-1", 1), ("2025-2", 3) })
            for (var i = 0; i < count; i++) await core.AddMembershipAsync(clubId, (await core.AddUserAsync("지난회원")).Id, ClubRole.Member, Term.Parse(term));

        await JoinAsync(core, Kst(2026, 4, 1, 23, 59), group, otherGroup);
        await JoinAsync(core, Kst(2026, 4, 2, 0, 1), group, otherGroup);
        await JoinAsync(core, Kst(2026, 4, 2, 23, 59), group, otherGroup);
        await JoinAsync(core, Kst(2026, 4, 3, 0, 1), group, otherGroup);
        core.SetNow(Today);

        await using var db = await core.DbAsync();
        await AddLedgerAsync(db, clubId);
        db.LedgerEntries.Add(Entry(otherId, "2026-1", LedgerKind.Income, 999_000, LedgerSource.Manual, LedgerCategory.OtherIncome));
        await AddApplicationsAsync(core, db, group);
        await AddApplicationsAsync(core, db, otherGroup);
        await AddLoansAsync(db, clubId, cast.Member.UserId);
        await AddLoansAsync(db, otherId, cast.OfficerOfAnotherClub.UserId);
        await db.SaveChangesAsync(Ct);
        return new Seeded(core, cast);
    }

    private static async Task<JoinGroup> AddGroupAsync(CoreHarness core, long clubId, (DateTimeOffset Opens, DateTimeOffset Closes) period)
    {
        var group = new JoinGroup
        {
            ClubId = clubId, TermKey = "2026-1", Amount = 10_000, SeatLimit = 30, Recruiting = true,
            OpensAt = period.Opens, ClosesAt = period.Closes,
        };
        await using var db = await core.DbAsync();
        db.JoinGroups.Add(group);
        await db.SaveChangesAsync(Ct);
        return group;
    }

    /// <summary>A member joining each group at <paramref name="at"/> (KST), the moment the membership is stamped with.</summary>
    private static async Task JoinAsync(CoreHarness core, DateTimeOffset at, params JoinGroup[] groups)
    {
        core.SetNow(at);
        await using var db = await core.DbAsync();
        foreach (var group in groups) db.Memberships.Add(group.NewMember((await core.AddUserAsync("신입회원")).Id));
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>
    /// 2025-2 carries 30,000 over; 2026-1 collects 30,000 in dues, refunds 10,000 of it, spends 7,000 and reverses a
    /// 3,000 expense.
    /// </summary>
    private static async Task AddLedgerAsync(AppDbContext db, long clubId)
    {
        db.LedgerEntries.AddRange(
            Entry(clubId, "2025-2", LedgerKind.Income, 50_000, LedgerSource.Manual, LedgerCategory.OtherIncome),
            Entry(clubId, "2025-2", LedgerKind.Expense, 20_000, LedgerSource.Manual, LedgerCategory.Venue),
            Entry(clubId, "2026-1", LedgerKind.Income, 10_000, LedgerSource.Order, LedgerCategory.MembershipFee),
            Entry(clubId, "2026-1", LedgerKind.Income, 10_000, LedgerSource.Order, LedgerCategory.MembershipFee),
            Entry(clubId, "2026-1", LedgerKind.Expense, 7_000, LedgerSource.Manual, LedgerCategory.Food));
        var refunded = Entry(clubId, "2026-1", LedgerKind.Income, 10_000, LedgerSource.Order, LedgerCategory.MembershipFee);
        var mistaken = Entry(clubId, "2026-1", LedgerKind.Expense, 3_000, LedgerSource.Manual, LedgerCategory.Food);
        db.LedgerEntries.AddRange(refunded, mistaken);
        await db.SaveChangesAsync(Ct);
        db.LedgerEntries.AddRange(
            Entry(clubId, "2026-1", LedgerKind.Expense, 10_000, LedgerSource.Refund, LedgerCategory.MembershipFee, reverses: refunded.Id),
            Entry(clubId, "2026-1", LedgerKind.Income, 3_000, LedgerSource.Manual, LedgerCategory.Food, reverses: mistaken.Id));
    }

    private static LedgerEntry Entry(
        long clubId, string term, LedgerKind kind, long amount, LedgerSource source, LedgerCategory category, long? reverses = null) =>
        new()
        {
            ClubId = clubId, TermKey = term, Date = Term.Parse(term).StartsOn, Kind = kind, Category = category, Amount = amount,
            Source = source, ReversesId = reverses, RecordedAt = Today,
        };

    /// <summary>
    /// Two to decide (SUBMITTED, INTERVIEW); two approvals unpaid with live holds (the earliest due 04-11 09:00 KST); an
    /// approval whose hold is past its expiry, one whose hold was released, and a rejection, none of which count.
    /// </summary>
    private static async Task AddApplicationsAsync(CoreHarness core, AppDbContext db, JoinGroup group)
    {
        async Task Add(ApplicationStatus status, HoldState? hold = null, DateTimeOffset? expiresAt = null)
        {
            var user = (await core.AddUserAsync("지원자")).Id;
            db.Applications.Add(new JoinApplication { GroupId = group.Id, ClubId = group.ClubId, UserId = user, Status = status, SubmittedAt = Today });
            if (hold is { } state)
                db.SeatHolds.Add(new SeatHold { PoolId = group.Id, UserId = user, State = state, ExpiresAt = expiresAt!.Value, Reserved = true });
        }

        await Add(ApplicationStatus.Submitted);
        await Add(ApplicationStatus.Interview);
        await Add(ApplicationStatus.Rejected);
        await Add(ApplicationStatus.Approved, HoldState.Held, Utc(2026, 4, 12, 18, 0));
        await Add(ApplicationStatus.Approved, HoldState.Held, Utc(2026, 4, 11, 9, 0));
        await Add(ApplicationStatus.Approved, HoldState.Held, Utc(2026, 4, 10, 11, 59));
        await Add(ApplicationStatus.Approved, HoldState.Released, Utc(2026, 4, 13));
    }

    /// <summary>One loan overdue since yesterday, one due today (on time), one returned late (done).</summary>
    private static async Task AddLoansAsync(AppDbContext db, long clubId, Guid borrower)
    {
        var items = Enumerable.Range(1, 3).Select(i => new Item { ClubId = clubId, Name = $"카메라 {i}", MaxLoanDays = 7 }).ToList();
        db.Items.AddRange(items);
        await db.SaveChangesAsync(Ct);
        var borrowedAt = Utc(2026, 4, 2, 12, 0);
        db.ItemLoans.AddRange(
            new ItemLoan { ItemId = items[0].Id, BorrowerId = borrower, BorrowedAt = borrowedAt, DueOn = new DateOnly(2026, 4, 9) },
            new ItemLoan { ItemId = items[1].Id, BorrowerId = borrower, BorrowedAt = borrowedAt, DueOn = new DateOnly(2026, 4, 10) },
            new ItemLoan
            {
                ItemId = items[2].Id, BorrowerId = borrower, BorrowedAt = borrowedAt, DueOn = new DateOnly(2026, 4, 5), ReturnedAt = Utc(2026, 4, 8),
            });
    }
}

public sealed class SqliteClubOverviewTests() : ClubOverviewTests(DatabaseProvider.Sqlite);

public sealed class PostgresClubOverviewTests() : ClubOverviewTests(DatabaseProvider.Postgres);
