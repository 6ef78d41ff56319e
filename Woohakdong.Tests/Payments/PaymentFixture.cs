using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Data;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Payments.Inbox;
using Woohakdong.Tests.Enrollment;

namespace Woohakdong.Tests.Payments;

/// <summary>The Core services with <see cref="FakePaymentGateway"/> standing in for PortOne, one per provider and test class.</summary>
public abstract class PaymentFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public FakePaymentGateway Gateway { get; } = new();
    public SeatHarness Harness { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Harness = await SeatHarness.StartAsync(provider, services => services.AddSingleton<IPaymentGateway>(Gateway));

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqlitePaymentFixture() : PaymentFixture(DatabaseProvider.Sqlite);

public sealed class PostgresPaymentFixture() : PaymentFixture(DatabaseProvider.Postgres);

/// <summary>Steps and facts of the paid join, as the tests say them.</summary>
public sealed class PaymentSteps(SeatHarness harness, FakePaymentGateway gateway)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<(Guid Student, PaidJoinStarted Order)> StartAsync(OpenClub club, string? merchantUid = null)
    {
        var student = await harness.CreateStudentAsync();
        return (student, await StartAsAsync(student, club, merchantUid));
    }

    public Task<PaidJoinStarted> StartAsAsync(Guid student, OpenClub club, string? merchantUid = null) =>
        harness.As<StartPaidJoin, PaidJoinStarted>(student, join => join.StartAsync(club.GroupId, merchantUid, Ct));

    /// <summary>PortOne's webhook: no signed-in user, only the two lookup keys.</summary>
    public async Task<OrderView?> WebhookAsync(string? impUid, string? merchantUid)
    {
        await using var scope = harness.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrderCompletion>().CompleteAsync(new PaymentNotice(impUid, merchantUid), OrderCause.Webhook, Ct);
    }

    /// <summary>PortOne's webhook as the endpoint leaves it: recorded in the inbox, for a worker to settle.</summary>
    public async Task RecordWebhookAsync(string? impUid, string? merchantUid)
    {
        await using var scope = harness.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WebhookInbox>().RecordAsync([new PaymentNotice(impUid, merchantUid)], Ct);
    }

    /// <summary>One worker's turn at the inbox; returns how many notices it claimed.</summary>
    public async Task<int> SettleRecordedWebhooksAsync()
    {
        await using var scope = harness.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookNoticeBatch>().RunOnceAsync(Ct);
    }

    public async Task<int> WebhooksLeftAsync()
    {
        await using var db = await harness.DbAsync();
        return await db.WebhookNotices.CountAsync(Ct);
    }

    /// <summary>The browser's callback, as the paying student.</summary>
    public Task<OrderView> CallbackAsync(Guid student, OpenClub club, string merchantUid, string? impUid, string? errorCode = null) =>
        harness.As<MyOrders, OrderView>(student, orders => orders.ConfirmAsync(club.GroupId, merchantUid, impUid, errorCode, OrderCause.Callback, Ct));

    public async Task<int> ReconcileAsync()
    {
        await using var scope = harness.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrderReconciliation>().RunOnceAsync(Ct);
    }

    public GatewayPayment Pay(PaidJoinStarted order, long? amount = null, GatewayPaymentStatus status = GatewayPaymentStatus.Paid, string currency = "KRW") =>
        gateway.Pay(order.MerchantUid, amount ?? order.Amount, status, currency);

    public async Task<JoinOrder> OrderAsync(long orderId)
    {
        await using var db = await harness.DbAsync();
        return await db.JoinOrders.AsNoTracking().SingleAsync(o => o.Id == orderId, Ct);
    }

    public async Task<List<OrderHistory>> HistoryAsync(long orderId)
    {
        await using var db = await harness.DbAsync();
        return await db.OrderHistory.AsNoTracking().Where(h => h.OrderId == orderId).OrderBy(h => h.Id).ToListAsync(Ct);
    }

    public async Task<List<PaymentRefund>> RefundsAsync(long orderId)
    {
        await using var db = await harness.DbAsync();
        return await db.PaymentRefunds.AsNoTracking().Where(r => r.OrderId == orderId).ToListAsync(Ct);
    }

    public async Task<int> MembershipsAsync(OpenClub club, Guid student)
    {
        await using var db = await harness.DbAsync();
        return await db.Memberships.CountAsync(m => m.ClubId == club.ClubId && m.UserId == student, Ct);
    }

    public async Task<int> SeatsTakenAsync(OpenClub club) => (await harness.GroupAsync(club.GroupId)).SeatsTaken;
}
