using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Common;
using Woohakdong.Core.Common.Messaging;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Payments;

namespace Woohakdong.Tests.Notifications;

/// <summary>
/// The receipt and the refund notice commit with the order's move or not at all: one per order however many callers
/// race for it, none for a move that rolled back.
/// </summary>
public abstract class PaymentNotificationTests(PaymentFixture fixture)
{
    private const long Fee = 30_000;
    protected readonly SeatHarness harness = fixture.Harness;
    protected readonly PaymentSteps steps = new(fixture.Harness, fixture.Gateway);
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_completed_order_sends_its_student_one_receipt_with_club_amount_time_and_order_number()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: Fee);
        var (student, order) = await steps.StartAsync(club);
        var inbox = Listen();

        await steps.WebhookAsync(steps.Pay(order).ImpUid, order.MerchantUid);

        var receipt = Assert.Single(await NotificationsAsync(student));
        Assert.Equal((NotificationKind.PaymentCompleted, "/me/payments", true), (receipt.Kind, receipt.Link, receipt.InInbox));
        var clubName = (await ClubAsync(club)).Name;
        var paidAt = harness.Time.GetUtcNow().ToKst().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var korean = Render(receipt, Languages.Korean);
        Assert.Equal($"{clubName} 회비 결제 완료", korean.Title);
        Assert.Equal($"{clubName} 회비 ₩30,000 결제가 완료되었습니다. 결제 일시 {paidAt}, 주문번호 {order.MerchantUid}.", korean.Body);
        Assert.Equal($"Your ₩30,000 membership fee for {clubName} was paid on {paidAt} (KST). Order number {order.MerchantUid}.",
            Render(receipt, Languages.English).Body);
        await Eventually.TrueAsync(() => inbox.Contains(new InboxChanged(student)), "the student's bell is told", Ct);
    }

    [Fact]
    public async Task Webhooks_callbacks_and_the_reconciler_racing_on_one_paid_order_send_one_receipt()
    {
        var club = await harness.CreateClubAsync(seatLimit: 20, fee: Fee);
        for (var round = 0; round < 5; round++)
        {
            var (student, order) = await steps.StartAsync(club);
            var impUid = steps.Pay(order).ImpUid;

            await Task.WhenAll(Enumerable.Range(0, 10).SelectMany(_ => new[]
            {
                Task.Run(() => steps.WebhookAsync(impUid, order.MerchantUid), Ct),
                Task.Run(async () => (OrderView?)await steps.CallbackAsync(student, club, order.MerchantUid, impUid), Ct),
                Task.Run(() => ReconcileAsync(order.OrderId), Ct),
            }));

            Assert.Equal(OrderStatus.Completed, (await steps.OrderAsync(order.OrderId)).Status);
            Assert.Single(await NotificationsAsync(student, NotificationKind.PaymentCompleted));
        }
    }

    [Fact]
    public async Task A_move_whose_act_declines_or_throws_records_no_notification()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: Fee);
        var (student, started) = await steps.StartAsync(club);
        var order = await steps.OrderAsync(started.OrderId);
        var toCompleted = new OrderLedger.Move(OrderStatus.Completed, OrderCause.Admin, "test");
        var toPaid = new OrderLedger.Move(OrderStatus.Paid, OrderCause.Admin, "test");

        var declined = await LedgerAsync(ledger => ledger.TryMoveThroughAsync(order, [toPaid, toCompleted], _ => Task.FromResult(false), Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => LedgerAsync(ledger =>
            ledger.TryMoveThroughAsync(order, [toPaid, toCompleted], _ => throw new InvalidOperationException("mid-transaction"), Ct)));

        Assert.False(declined);
        Assert.Equal(OrderStatus.Pending, (await steps.OrderAsync(order.Id)).Status);
        Assert.Empty(await NotificationsAsync(student));
    }

    [Fact]
    public async Task A_completion_a_unique_index_refuses_records_no_receipt()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: Fee);
        var (student, started) = await steps.StartAsync(club);
        var order = await steps.OrderAsync(started.OrderId);
        var toCompleted = new[]
        {
            new OrderLedger.Move(OrderStatus.Paid, OrderCause.Admin, "test"), new OrderLedger.Move(OrderStatus.Completed, OrderCause.Admin, "test"),
        };

        // The student's membership of this term, twice: the second breaks the unique index when the move saves.
        var moved = await LedgerAsync(ledger => ledger.TryMoveThroughAsync(order, toCompleted, db =>
        {
            var term = Term.Current(harness.Time).Key;
            db.Memberships.AddRange(
                new ClubMembership { ClubId = club.ClubId, UserId = student, TermKey = term, Role = ClubRole.Member },
                new ClubMembership { ClubId = club.ClubId, UserId = student, TermKey = term, Role = ClubRole.Member });
            return Task.FromResult(true);
        }, Ct));

        Assert.False(moved);
        Assert.Equal(OrderStatus.Pending, (await steps.OrderAsync(order.Id)).Status);
        Assert.Empty(await NotificationsAsync(student));
    }

    [Fact]
    public async Task A_payment_that_cannot_be_honoured_sends_one_refund_notice_with_its_reason_in_words()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: Fee);
        var (student, order) = await steps.StartAsync(club);
        var payment = steps.Pay(order, amount: 1_000);

        await Task.WhenAll(
            Task.Run(() => steps.WebhookAsync(payment.ImpUid, order.MerchantUid), Ct),
            Task.Run(() => steps.WebhookAsync(null, order.MerchantUid), Ct));

        var notice = Assert.Single(await NotificationsAsync(student));
        Assert.Equal(NotificationKind.RefundMade, notice.Kind);
        Assert.Equal(RefundReasons.AmountMismatch, Recorded.ParametersOf(notice)["reason"]);
        var clubName = (await ClubAsync(club)).Name;
        Assert.Equal($"{clubName}에 낸 회비가 환불되었습니다. 환불 금액 ₩1,000, 사유: 결제 금액이 회비와 다름, 주문번호 {order.MerchantUid}.",
            Render(notice, Languages.Korean).Body);
        Assert.Equal($"₩1,000 of your membership fee for {clubName} was refunded. Reason: the amount paid was not the fee. Order number {order.MerchantUid}.",
            Render(notice, Languages.English).Body);
    }

    [Fact]
    public async Task Two_officers_refunding_one_order_at_once_send_one_refund_notice_after_the_receipt()
    {
        var club = await harness.CreateClubAsync(seatLimit: 20, fee: Fee);
        var secretary = await AddStaffAsync(club, ClubRole.Secretary);
        for (var round = 0; round < 5; round++)
        {
            var (student, order) = await steps.StartAsync(club);
            await steps.WebhookAsync(steps.Pay(order).ImpUid, order.MerchantUid);

            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = new[] { club.President, secretary }.Select(officer => Task.Run(async () =>
            {
                await start.Task;
                try
                {
                    await harness.As<AdminRefund, OrderView>(officer, refunds => refunds.RefundAsync(club.ClubId, order.OrderId, "개인 사정으로 탈퇴", Ct));
                }
                catch (AppException refusal) when (refusal.Code == ErrorCodes.OrderAlreadyRefunded)
                {
                }
            }, Ct)).ToArray();
            start.SetResult();
            await Task.WhenAll(attempts);

            var notifications = await NotificationsAsync(student);
            Assert.Equal([NotificationKind.PaymentCompleted, NotificationKind.RefundMade], notifications.Select(n => n.Kind));
            var parameters = Recorded.ParametersOf(notifications[1]);
            Assert.Equal(("30000", "개인 사정으로 탈퇴", order.MerchantUid), (parameters["amount"], parameters["reason"], parameters["order"]));
        }
    }

    [Fact]
    public async Task Webhooks_settled_as_a_batch_send_one_receipt_per_order_and_tell_each_student()
    {
        var club = await harness.CreateClubAsync(40, fee: 15_000);
        var inbox = Listen();
        var paid = new List<(Guid Student, PaidJoinStarted Order, string ImpUid)>();
        for (var i = 0; i < 30; i++)
        {
            var (student, order) = await steps.StartAsync(club);
            paid.Add((student, order, steps.Pay(order).ImpUid));
        }
        foreach (var (_, order, impUid) in paid.Concat(paid)) await steps.RecordWebhookAsync(impUid, order.MerchantUid);

        await Task.WhenAll(Task.Run(steps.SettleRecordedWebhooksAsync, Ct), Task.Run(steps.SettleRecordedWebhooksAsync, Ct));

        foreach (var (student, order, _) in paid)
        {
            var receipt = Assert.Single(await NotificationsAsync(student));
            Assert.Equal(NotificationKind.PaymentCompleted, receipt.Kind);
            Assert.Equal(order.MerchantUid, Recorded.ParametersOf(receipt)["order"]);
        }
        await Eventually.TrueAsync(() => paid.All(p => inbox.Contains(new InboxChanged(p.Student))), "every student's bell is told", Ct);
    }

    protected Task<List<Notification>> NotificationsAsync(Guid recipient, NotificationKind? kind = null) =>
        Recorded.NotificationsAsync(harness.DbAsync, recipient, kind);

    protected ConcurrentBag<InboxChanged> Listen()
    {
        var heard = new ConcurrentBag<InboxChanged>();
        var subscription = harness.Services.GetRequiredService<IEventChannel<InboxChanged>>().Subscribe(heard.Add);
        TestContext.Current.CancellationToken.Register(subscription.Dispose);
        return heard;
    }

    private RenderedNotification Render(Notification notification, System.Globalization.CultureInfo culture) =>
        harness.Services.GetRequiredService<NotificationRenderer>().Render(notification, culture);

    private async Task<Core.Clubs.Club> ClubAsync(OpenClub club)
    {
        await using var db = await harness.DbAsync();
        return await db.Clubs.AsNoTracking().SingleAsync(c => c.Id == club.ClubId, Ct);
    }

    private async Task<OrderView?> ReconcileAsync(long orderId)
    {
        await using var scope = harness.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrderCompletion>().ReconcileAsync(orderId, Ct);
    }

    private async Task<T> LedgerAsync<T>(Func<OrderLedger, Task<T>> act)
    {
        await using var scope = harness.Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<OrderLedger>());
    }

    private async Task<Guid> AddStaffAsync(OpenClub club, ClubRole role)
    {
        var user = await harness.CreateStudentAsync();
        await using var db = await harness.DbAsync();
        db.Memberships.Add(new ClubMembership { ClubId = club.ClubId, UserId = user, TermKey = Term.Current(harness.Time).Key, Role = role });
        await db.SaveChangesAsync(Ct);
        return user;
    }
}

public sealed class SqlitePaymentNotificationTests(SqlitePaymentFixture fixture)
    : PaymentNotificationTests(fixture), IClassFixture<SqlitePaymentFixture>;

public sealed class PostgresPaymentNotificationTests(PostgresPaymentFixture fixture)
    : PaymentNotificationTests(fixture), IClassFixture<PostgresPaymentFixture>
{
    [Fact]
    public async Task Orders_completed_together_each_get_one_receipt_and_a_second_try_adds_none()
    {
        var club = await harness.CreateClubAsync(10, fee: 15_000);
        var verified = new List<(Guid Student, BulkCompletion.Verified Order)>();
        for (var i = 0; i < 5; i++)
        {
            var (student, started) = await steps.StartAsync(club);
            verified.Add((student, new BulkCompletion.Verified(await steps.OrderAsync(started.OrderId), steps.Pay(started))));
        }
        var inbox = Listen();

        var first = await CompleteTogetherAsync(verified.Select(v => v.Order).ToList());
        var again = await CompleteTogetherAsync(verified.Select(v => v.Order).ToList());

        Assert.Equal(5, first.Count);
        Assert.Empty(again);
        foreach (var (student, order) in verified)
        {
            var receipt = Assert.Single(await NotificationsAsync(student));
            Assert.Equal((NotificationKind.PaymentCompleted, "/me/payments", EmailStatus.Pending), (receipt.Kind, receipt.Link, receipt.EmailStatus));
            var parameters = Recorded.ParametersOf(receipt);
            Assert.Equal(("15000", order.Order.MerchantUid), (parameters["amount"], parameters["order"]));
        }
        await Eventually.TrueAsync(() => verified.All(v => inbox.Contains(new InboxChanged(v.Student))), "every student's bell is told", Ct);
    }

    private async Task<IReadOnlySet<long>> CompleteTogetherAsync(IReadOnlyList<BulkCompletion.Verified> verified)
    {
        await using var scope = harness.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BulkCompletion>().CompleteAsync(verified, OrderCause.Webhook, Ct);
    }
}
