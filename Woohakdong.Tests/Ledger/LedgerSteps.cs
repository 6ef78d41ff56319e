using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Payments;

namespace Woohakdong.Tests.Ledger;

/// <summary>The ledger's steps as the tests say them, over a <see cref="SeatHarness"/>.</summary>
public sealed class LedgerSteps(SeatHarness harness, FakePaymentGateway gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public PaymentSteps Payments { get; } = new(harness, gateway);

    public async Task<(Guid Student, long OrderId)> CompletedOrderAsync(OpenClub club)
    {
        var (student, order) = await Payments.StartAsync(club);
        var payment = Payments.Pay(order);
        Assert.Equal(OrderStatus.Completed, (await Payments.WebhookAsync(payment.ImpUid, order.MerchantUid))?.Status);
        return (student, order.OrderId);
    }

    public async Task<Guid> AddAsync(OpenClub club, ClubRole role)
    {
        var user = await harness.CreateStudentAsync();
        await using var db = await harness.DbAsync();
        db.Memberships.Add(new ClubMembership { ClubId = club.ClubId, UserId = user, TermKey = Term.Current(harness.Time).Key, Role = role });
        await db.SaveChangesAsync(Ct);
        return user;
    }

    public async Task<List<LedgerEntry>> EntriesOfOrderAsync(long orderId)
    {
        await using var db = await harness.DbAsync();
        return await db.LedgerEntries.AsNoTracking().Where(e => e.OrderId == orderId).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    public Task<LedgerBookView> BookAsync(Guid caller, OpenClub club, string? term = null) =>
        harness.As<LedgerBook, LedgerBookView>(caller, book => book.GetAsync(club.ClubId, term, Ct));

    public Task<LedgerEntryView> RecordAsync(
        Guid caller, OpenClub club, long amount, LedgerKind kind = LedgerKind.Expense, LedgerCategory category = LedgerCategory.Food,
        DateOnly? date = null, string memo = "간식") =>
        harness.As<RecordEntry, LedgerEntryView>(caller, record => record.RecordAsync(
            club.ClubId, new LedgerEntryInput(date ?? harness.Time.Today(), kind, category, amount, memo), Ct));

    public Task<LedgerEntryView> ReverseAsync(Guid caller, OpenClub club, long entryId, string memo = "잘못 기록") =>
        harness.As<ReverseEntry, LedgerEntryView>(caller, reverse => reverse.ReverseAsync(club.ClubId, entryId, memo, Ct));

    public Task SetOpenAsync(Guid caller, OpenClub club, bool open) =>
        harness.As<LedgerSettings, bool>(caller, async settings =>
        {
            await settings.SetOpenToMembersAsync(club.ClubId, open, Ct);
            return open;
        });
}
