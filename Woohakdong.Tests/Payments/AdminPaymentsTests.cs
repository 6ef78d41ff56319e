using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Common;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Enrollment;

namespace Woohakdong.Tests.Payments;

/// <summary>The club's payments list for its officers, and the 총무's refund that removes the membership.</summary>
public abstract class AdminPaymentsTests(PaymentFixture fixture)
{
    private const long Fee = 30_000;
    private readonly SeatHarness harness = fixture.Harness;
    private readonly FakePaymentGateway gateway = fixture.Gateway;
    private readonly PaymentSteps steps = new(fixture.Harness, fixture.Gateway);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_officer_sees_this_terms_orders_with_totals()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: Fee);
        var officer = await AddStaffAsync(club, ClubRole.Officer);
        var (_, first) = await CompletedOrderAsync(club);
        await CompletedOrderAsync(club);
        var (_, refunded) = await CompletedOrderAsync(club);
        var (_, pending) = await steps.StartAsync(club);
        await RefundAsync(club.President, club, refunded.OrderId, "탈퇴");

        var list = await ListAsync(officer, club);

        Assert.Equal([pending.OrderId, refunded.OrderId], list.Orders.Take(2).Select(o => o.OrderId));
        Assert.Equal(4, list.Orders.Count);
        Assert.Equal(2 * Fee, list.Totals.CompletedAmount);
        Assert.Equal(Fee, list.Totals.RefundedAmount);
        Assert.Equal(2, list.Totals.Counts[OrderStatus.Completed]);
        Assert.Equal(1, list.Totals.Counts[OrderStatus.Refunded]);
        Assert.Equal(1, list.Totals.Counts[OrderStatus.Pending]);
        Assert.Equal(0, list.Totals.Counts[OrderStatus.Failed]);
        var refundedRow = list.Orders.Single(o => o.OrderId == refunded.OrderId);
        Assert.Equal(("탈퇴", Fee), (refundedRow.RefundReason, refundedRow.RefundedAmount));
        Assert.StartsWith("학생", list.Orders.Single(o => o.OrderId == first.OrderId).MemberName);
    }

    [Fact]
    public async Task A_secretary_refunds_a_completed_order_once_and_the_seat_is_freed()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: Fee);
        var secretary = await AddStaffAsync(club, ClubRole.Secretary);
        var (student, order) = await CompletedOrderAsync(club);
        var impUid = (await steps.OrderAsync(order.OrderId)).ImpUid!;
        var cancelsBefore = gateway.CancelCalls;

        var view = await RefundAsync(secretary, club, order.OrderId, "개인 사정으로 탈퇴");

        Assert.Equal(OrderStatus.Refunded, view.Status);
        Assert.Equal(cancelsBefore + 1, gateway.CancelCalls);
        Assert.Equal(1, gateway.RefundsOf(impUid));
        Assert.Equal(0, await steps.MembershipsAsync(club, student));
        Assert.Equal(0, await steps.SeatsTakenAsync(club));
        var refund = Assert.Single(await steps.RefundsAsync(order.OrderId));
        Assert.Equal((Fee, "개인 사정으로 탈퇴", impUid), (refund.Amount, refund.Reason, refund.ImpUid));
        var last = (await steps.HistoryAsync(order.OrderId))[^1];
        Assert.Equal((OrderStatus.Completed, OrderStatus.Refunded, OrderCause.Admin), (last.From, last.To, last.Cause));

        var again = await Assert.ThrowsAsync<AppException>(() => RefundAsync(secretary, club, order.OrderId, "다시"));
        Assert.Equal(ErrorCodes.OrderAlreadyRefunded, again.Code);
        Assert.Equal(cancelsBefore + 1, gateway.CancelCalls);
        Assert.Single(await steps.RefundsAsync(order.OrderId));
    }

    [Fact]
    public async Task Asking_again_after_a_refund_that_stopped_between_the_gateway_and_the_database_records_it_without_refunding_twice()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: Fee);
        var secretary = await AddStaffAsync(club, ClubRole.Secretary);
        var (student, order) = await CompletedOrderAsync(club);
        var impUid = (await steps.OrderAsync(order.OrderId)).ImpUid!;
        // The money went back at the gateway; then the process stopped before anything was written here.
        await gateway.CancelAsync(impUid, null, Fee, "탈퇴", Ct);
        var cancels = gateway.CancelCalls;

        var view = await RefundAsync(secretary, club, order.OrderId, "탈퇴");

        Assert.Equal(OrderStatus.Refunded, view.Status);
        Assert.Equal(cancels, gateway.CancelCalls);
        Assert.Equal(1, gateway.RefundsOf(impUid));
        Assert.Equal(Fee, Assert.Single(await steps.RefundsAsync(order.OrderId)).Amount);
        Assert.Equal(0, await steps.MembershipsAsync(club, student));
        Assert.Equal(0, await steps.SeatsTakenAsync(club));
        var again = await Assert.ThrowsAsync<AppException>(() => RefundAsync(secretary, club, order.OrderId, "다시"));
        Assert.Equal(ErrorCodes.OrderAlreadyRefunded, again.Code);
    }

    [Fact]
    public async Task Two_officers_refunding_at_the_same_moment_refund_once_and_only_one_is_told_it_succeeded()
    {
        var club = await harness.CreateClubAsync(seatLimit: 20, fee: Fee);
        var secretary = await AddStaffAsync(club, ClubRole.Secretary);
        for (var round = 0; round < 10; round++)
        {
            var (student, order) = await CompletedOrderAsync(club);
            var impUid = (await steps.OrderAsync(order.OrderId)).ImpUid!;
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = new[] { club.President, secretary }.Select(officer => Task.Run(async () =>
            {
                await start.Task;
                try
                {
                    await RefundAsync(officer, club, order.OrderId, "탈퇴");
                    return "REFUNDED";
                }
                catch (AppException refusal)
                {
                    return refusal.Code;
                }
            }, Ct)).ToArray();
            start.SetResult();

            Assert.Equal([ErrorCodes.OrderAlreadyRefunded, "REFUNDED"], (await Task.WhenAll(attempts)).Order());
            Assert.Equal(1, gateway.RefundsOf(impUid));
            Assert.Single(await steps.RefundsAsync(order.OrderId));
            Assert.Equal(0, await steps.MembershipsAsync(club, student));
        }
        Assert.Equal(0, await steps.SeatsTakenAsync(club));
    }

    [Fact]
    public async Task A_refused_gateway_changes_nothing()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: Fee);
        var (student, order) = await CompletedOrderAsync(club);
        var historyBefore = (await steps.HistoryAsync(order.OrderId)).Count;

        gateway.Unreachable = true;
        AppException refusal;
        try
        {
            refusal = await Assert.ThrowsAsync<AppException>(() => RefundAsync(club.President, club, order.OrderId, "탈퇴"));
        }
        finally
        {
            gateway.Unreachable = false;
        }

        Assert.Equal(ErrorCodes.RefundRefusedByGateway, refusal.Code);
        Assert.Equal(OrderStatus.Completed, (await steps.OrderAsync(order.OrderId)).Status);
        Assert.Equal(1, await steps.MembershipsAsync(club, student));
        Assert.Equal(1, await steps.SeatsTakenAsync(club));
        Assert.Empty(await steps.RefundsAsync(order.OrderId));
        Assert.Equal(historyBefore, (await steps.HistoryAsync(order.OrderId)).Count);
    }

    [Fact]
    public async Task An_officer_may_list_but_not_refund()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: Fee);
        var officer = await AddStaffAsync(club, ClubRole.Officer);
        var (_, order) = await CompletedOrderAsync(club);

        var refusal = await Assert.ThrowsAsync<AppException>(() => RefundAsync(officer, club, order.OrderId, "탈퇴"));

        Assert.Equal(ErrorKind.Forbidden, refusal.Kind);
        Assert.Equal(OrderStatus.Completed, (await steps.OrderAsync(order.OrderId)).Status);
    }

    [Fact]
    public async Task A_member_and_an_officer_of_another_club_are_refused()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: Fee);
        var other = await harness.CreateClubAsync(seatLimit: 5, fee: Fee);
        var (member, order) = await CompletedOrderAsync(club);
        var outsider = await AddStaffAsync(other, ClubRole.Secretary);

        foreach (var caller in new[] { member, outsider })
        {
            Assert.Equal(ErrorKind.Forbidden, (await Assert.ThrowsAsync<AppException>(() => ListAsync(caller, club))).Kind);
            var refusal = await Assert.ThrowsAsync<AppException>(() => RefundAsync(caller, club, order.OrderId, "탈퇴"));
            Assert.Equal(ErrorKind.Forbidden, refusal.Kind);
        }
        var wrongClub = await Assert.ThrowsAsync<AppException>(() => RefundAsync(outsider, other, order.OrderId, "탈퇴"));
        Assert.Equal(ErrorCodes.OrderNotFound, wrongClub.Code);
        Assert.Equal(OrderStatus.Completed, (await steps.OrderAsync(order.OrderId)).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_refund_needs_a_reason(string reason)
    {
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: Fee);
        var (_, order) = await CompletedOrderAsync(club);

        var refusal = await Assert.ThrowsAsync<AppException>(() => RefundAsync(club.President, club, order.OrderId, reason));

        Assert.Equal(ErrorCodes.RefundReasonRequired, refusal.Code);
    }

    private async Task<(Guid Student, PaidJoinStarted Order)> CompletedOrderAsync(OpenClub club)
    {
        var (student, order) = await steps.StartAsync(club);
        var payment = steps.Pay(order);
        var view = await steps.WebhookAsync(payment.ImpUid, order.MerchantUid);
        Assert.Equal(OrderStatus.Completed, view?.Status);
        return (student, order);
    }

    private async Task<Guid> AddStaffAsync(OpenClub club, ClubRole role)
    {
        var user = await harness.CreateStudentAsync();
        await using var db = await harness.DbAsync();
        db.Memberships.Add(new ClubMembership { ClubId = club.ClubId, UserId = user, TermKey = Term.Current(harness.Time).Key, Role = role });
        await db.SaveChangesAsync(Ct);
        return user;
    }

    private Task<ClubPaymentList> ListAsync(Guid caller, OpenClub club) =>
        harness.As<ClubPayments, ClubPaymentList>(caller, payments => payments.ListAsync(club.ClubId, ct: Ct));

    private Task<OrderView> RefundAsync(Guid caller, OpenClub club, long orderId, string reason) =>
        harness.As<AdminRefund, OrderView>(caller, refunds => refunds.RefundAsync(club.ClubId, orderId, reason, Ct));
}

public sealed class SqliteAdminPaymentsTests(SqlitePaymentFixture fixture) : AdminPaymentsTests(fixture), IClassFixture<SqlitePaymentFixture>;

public sealed class PostgresAdminPaymentsTests(PostgresPaymentFixture fixture) : AdminPaymentsTests(fixture), IClassFixture<PostgresPaymentFixture>;

public sealed class AdminRefundPolicyTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData(ClubRole.Member, false)]
    [InlineData(ClubRole.Officer, false)]
    [InlineData(ClubRole.Secretary, true)]
    [InlineData(ClubRole.VicePresident, true)]
    [InlineData(ClubRole.President, true)]
    public void Secretaries_and_above_may_refund_payments(ClubRole? role, bool allowed) =>
        Assert.Equal(allowed, RolePolicy.CanRefundPayments(role));
}
