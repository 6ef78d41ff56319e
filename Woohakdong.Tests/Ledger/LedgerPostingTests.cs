using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Common;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Payments;

namespace Woohakdong.Tests.Ledger;

/// <summary>Order income and refunds reach the ledger by themselves, from the order's own moves, once.</summary>
public abstract class LedgerPostingTests(PaymentFixture fixture)
{
    private const long Fee = 30_000;
    protected readonly SeatHarness harness = fixture.Harness;
    protected readonly LedgerSteps steps = new(fixture.Harness, fixture.Gateway);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_completed_order_appears_once_even_when_completion_runs_twice()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: Fee);
        var (student, order) = await steps.Payments.StartAsync(club);
        var payment = steps.Payments.Pay(order);

        await Task.WhenAll(
            Task.Run(() => steps.Payments.WebhookAsync(payment.ImpUid, order.MerchantUid), Ct),
            Task.Run(() => steps.Payments.WebhookAsync(null, order.MerchantUid), Ct),
            Task.Run(async () => (OrderView?)await steps.Payments.CallbackAsync(student, club, order.MerchantUid, payment.ImpUid), Ct));
        await steps.Payments.WebhookAsync(payment.ImpUid, order.MerchantUid);

        var entry = Assert.Single(await steps.EntriesOfOrderAsync(order.OrderId));
        Assert.Equal((LedgerSource.Order, LedgerKind.Income, LedgerCategory.MembershipFee, Fee, club.ClubId),
            (entry.Source, entry.Kind, entry.Category, entry.Amount, entry.ClubId));
        Assert.Equal((Term.Current(harness.Time).Key, harness.Time.Today()), (entry.TermKey, entry.Date));
        var book = await steps.BookAsync(club.President, club);
        Assert.Equal((Fee, 0L, Fee), (book.Income, book.Expense, book.Balance));
    }

    [Fact]
    public async Task Webhooks_settled_in_a_batch_post_each_order_once()
    {
        var club = await harness.CreateClubAsync(seatLimit: 10, fee: Fee);
        var orders = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var (_, order) = await steps.Payments.StartAsync(club);
            var impUid = steps.Payments.Pay(order).ImpUid;
            await steps.Payments.RecordWebhookAsync(impUid, order.MerchantUid);
            await steps.Payments.RecordWebhookAsync(impUid, order.MerchantUid);
            orders.Add(order.OrderId);
        }

        Assert.Equal(10, await steps.Payments.SettleRecordedWebhooksAsync());

        foreach (var orderId in orders) Assert.Equal(Fee, Assert.Single(await steps.EntriesOfOrderAsync(orderId)).Amount);
        Assert.Equal(5 * Fee, (await steps.BookAsync(club.President, club)).Balance);
    }

    [Fact]
    public async Task A_refund_appears_once_as_a_negative_entry_even_when_two_officers_refund_at_once()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: Fee);
        var secretary = await steps.AddAsync(club, ClubRole.Secretary);
        var (_, orderId) = await steps.CompletedOrderAsync(club);

        var attempts = await Task.WhenAll(new[] { club.President, secretary }.Select(officer => Task.Run(async () =>
        {
            try
            {
                await harness.As<AdminRefund, OrderView>(officer, refunds => refunds.RefundAsync(club.ClubId, orderId, "탈퇴", Ct));
                return "REFUNDED";
            }
            catch (AppException refusal)
            {
                return refusal.Code;
            }
        }, Ct)));

        Assert.Equal([ErrorCodes.OrderAlreadyRefunded, "REFUNDED"], attempts.Order());
        var entries = await steps.EntriesOfOrderAsync(orderId);
        Assert.Equal([LedgerSource.Order, LedgerSource.Refund], entries.Select(e => e.Source));
        var refund = entries[1];
        Assert.Equal((LedgerKind.Expense, Fee, -Fee, entries[0].Id, "탈퇴"), (refund.Kind, refund.Amount, refund.Signed, refund.ReversesId, refund.Memo));
        var book = await steps.BookAsync(club.President, club);
        Assert.Equal((0L, 0L, 0L), (book.Income, book.Expense, book.Balance));
        Assert.Equal(-Fee, book.Entries.Single(e => e.Source == LedgerSource.Refund).SignedAmount);
    }

    [Fact]
    public async Task A_payment_refunded_without_completing_never_reaches_the_ledger()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: Fee);
        var (_, order) = await steps.Payments.StartAsync(club);
        var payment = steps.Payments.Pay(order, amount: 1_000);

        Assert.Equal(OrderStatus.Refunded, (await steps.Payments.WebhookAsync(payment.ImpUid, order.MerchantUid))?.Status);

        Assert.Empty(await steps.EntriesOfOrderAsync(order.OrderId));
    }

    [Fact]
    public async Task An_order_entry_is_corrected_by_a_refund_never_by_hand()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: Fee);
        var (_, orderId) = await steps.CompletedOrderAsync(club);
        var entry = Assert.Single(await steps.EntriesOfOrderAsync(orderId));

        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.LedgerEntryNotReversible, () => steps.ReverseAsync(club.President, club, entry.Id));
    }
}

public sealed class SqliteLedgerPostingTests(SqlitePaymentFixture fixture) : LedgerPostingTests(fixture), IClassFixture<SqlitePaymentFixture>;

public sealed class PostgresLedgerPostingTests(PostgresPaymentFixture fixture) : LedgerPostingTests(fixture), IClassFixture<PostgresPaymentFixture>
{
    [Fact]
    public async Task Orders_completed_together_post_their_income_in_the_same_statement_once()
    {
        var club = await harness.CreateClubAsync(10, fee: 15_000);
        var verified = new List<BulkCompletion.Verified>();
        for (var i = 0; i < 4; i++)
        {
            var (_, started) = await steps.Payments.StartAsync(club);
            verified.Add(new BulkCompletion.Verified(await steps.Payments.OrderAsync(started.OrderId), steps.Payments.Pay(started)));
        }

        var first = await CompleteTogetherAsync(verified);
        var again = await CompleteTogetherAsync(verified);

        Assert.Equal(4, first.Count);
        Assert.Empty(again);
        var term = (await harness.GroupAsync(club.GroupId)).TermKey;
        foreach (var v in verified)
        {
            var entry = Assert.Single(await steps.EntriesOfOrderAsync(v.Order.Id));
            Assert.Equal((LedgerSource.Order, LedgerKind.Income, 15_000L, term, harness.Time.Today(), harness.Time.GetUtcNow()),
                (entry.Source, entry.Kind, entry.Amount, entry.TermKey, entry.Date, entry.RecordedAt));
        }
        Assert.Equal(60_000, (await steps.BookAsync(club.President, club)).Income);
    }

    private async Task<IReadOnlySet<long>> CompleteTogetherAsync(IReadOnlyList<BulkCompletion.Verified> verified)
    {
        await using var scope = harness.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BulkCompletion>().CompleteAsync(verified, OrderCause.Webhook, TestContext.Current.CancellationToken);
    }
}
