using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Applications;
using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Notifications;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Notifications;
using Woohakdong.Tests.Payments;

namespace Woohakdong.Tests.Applications;

/// <summary>
/// A paid group: approval holds the seat until the payment deadline; the student pays through the existing join order,
/// or the hold lapses (EXPIRED, seat free) and a payment after that is refunded.
/// </summary>
public abstract class PaidApprovalTests(PaymentFixture fixture)
{
    private const long Fee = 25_000;
    private readonly SeatHarness harness = fixture.Harness;
    private readonly ApplicationSteps steps = new(fixture.Harness);
    private readonly PaymentSteps payments = new(fixture.Harness, fixture.Gateway);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(ApplicationClub Club, Guid Student, long ApplicationId)> ApprovedAsync()
    {
        var club = await steps.ClubAsync(seatLimit: 3, fee: Fee);
        var (student, applicationId) = await steps.ApplyAsync(club);
        Assert.Equal(ApplicationStatus.Approved, await steps.DecideAsync(club.President, applicationId, Decision.Approve, "회비를 내 주세요"));
        return (club, student, applicationId);
    }

    [Fact]
    public async Task Approval_holds_the_seat_until_the_payment_deadline()
    {
        var (club, student, applicationId) = await ApprovedAsync();

        var application = await steps.ApplicationAsync(applicationId);
        Assert.Equal(harness.Time.GetUtcNow() + TimeSpan.FromDays(3), application.PayBy);
        Assert.Equal(1, await payments.SeatsTakenAsync(club.Club));
        var mine = Assert.Single(await harness.As<ApplicationQueries, IReadOnlyList<MyApplicationView>>(student, q => q.MineAsync(Ct)));
        Assert.Equal(new PaymentDue(null, Fee, application.PayBy), mine.Payment);
    }

    [Fact]
    public async Task Approve_then_pay_in_the_sandbox_joins_with_a_membership()
    {
        var (club, student, applicationId) = await ApprovedAsync();

        var order = await payments.StartAsAsync(student, club.Club);
        await payments.WebhookAsync(payments.Pay(order).ImpUid, order.MerchantUid);

        Assert.Equal(OrderStatus.Completed, (await payments.OrderAsync(order.OrderId)).Status);
        Assert.Equal((await steps.ApplicationAsync(applicationId)).PayBy, order.HoldExpiresAt);
        Assert.Equal(1, await payments.MembershipsAsync(club.Club, student));
        Assert.Equal(ApplicationStatus.Joined, (await steps.ApplicationAsync(applicationId)).Status);
        Assert.Equal(1, await payments.SeatsTakenAsync(club.Club));
    }

    [Fact]
    public async Task The_webhook_batch_honours_the_approval_hold_too()
    {
        var (club, student, applicationId) = await ApprovedAsync();
        var order = await payments.StartAsAsync(student, club.Club);

        await payments.RecordWebhookAsync(payments.Pay(order).ImpUid, order.MerchantUid);
        await payments.SettleRecordedWebhooksAsync();

        Assert.Equal(OrderStatus.Completed, (await payments.OrderAsync(order.OrderId)).Status);
        Assert.Equal(ApplicationStatus.Joined, (await steps.ApplicationAsync(applicationId)).Status);
    }

    [Fact]
    public async Task Closing_recruitment_by_hand_does_not_take_an_approved_seat_back()
    {
        var (club, student, applicationId) = await ApprovedAsync();
        await harness.As<JoinGroupService, JoinGroupView>(club.President, g => g.UpdateAsync(club.GroupId, recruiting: false, 3, Fee, Ct));

        var order = await payments.StartAsAsync(student, club.Club);
        await payments.WebhookAsync(payments.Pay(order).ImpUid, order.MerchantUid);

        Assert.Equal(ApplicationStatus.Joined, (await steps.ApplicationAsync(applicationId)).Status);
    }

    [Fact]
    public async Task Unpaid_at_the_deadline_the_application_expires_and_the_seat_is_free_again()
    {
        var (club, student, applicationId) = await ApprovedAsync();
        var officer = await steps.OfficerAsync(club);

        harness.Time.Advance(TimeSpan.FromDays(3));
        await ExpireHoldsAsync();

        Assert.Equal(ApplicationStatus.Expired, (await steps.ApplicationAsync(applicationId)).Status);
        Assert.Equal(0, await payments.SeatsTakenAsync(club.Club));
        Assert.Single(await Recorded.NotificationsAsync(harness.DbAsync, student, NotificationKind.ApplicationExpired));
        foreach (var told in new[] { club.President, officer })
            Assert.Single(await Recorded.NotificationsAsync(harness.DbAsync, told, NotificationKind.ApplicantExpired));
        Assert.Equal((ApplicationStatus.Approved, ApplicationStatus.Expired, (Guid?)null), (await steps.HistoryAsync(applicationId)).Select(h => (h.From, h.To, h.ActorId)).Last());
    }

    [Fact]
    public async Task Paying_after_the_deadline_is_refunded_and_joins_nobody()
    {
        var (club, student, applicationId) = await ApprovedAsync();
        var order = await payments.StartAsAsync(student, club.Club);

        harness.Time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        await ExpireHoldsAsync();
        await payments.WebhookAsync(payments.Pay(order).ImpUid, order.MerchantUid);

        var settled = await payments.OrderAsync(order.OrderId);
        Assert.Equal((OrderStatus.Refunded, RefundReasons.SeatGone), (settled.Status, settled.RefundReason));
        Assert.Equal(Fee, Assert.Single(await payments.RefundsAsync(order.OrderId)).Amount);
        Assert.Equal(0, await payments.MembershipsAsync(club.Club, student));
        Assert.Equal(ApplicationStatus.Expired, (await steps.ApplicationAsync(applicationId)).Status);
        Assert.Equal(0, await payments.SeatsTakenAsync(club.Club));
    }

    [Fact]
    public async Task Paying_without_an_approval_answers_application_required()
    {
        var club = await steps.ClubAsync(seatLimit: 3, fee: Fee);
        var student = await harness.CreateStudentAsync();

        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.ApplicationRequired, () => payments.StartAsAsync(student, club.Club));
        // The free path sends a paid group on to the paid one, as for first-come groups.
        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.PaymentRequired,
            () => harness.As<SeatService, Admission>(student, seats => seats.AdmitFreeAsync(club.GroupId, Ct)));
    }

    [Fact]
    public async Task The_student_is_reminded_once_a_day_before_the_deadline()
    {
        var (_, student, _) = await ApprovedAsync();

        await RunNoticesAsync();
        Assert.Empty(await Recorded.NotificationsAsync(harness.DbAsync, student, NotificationKind.ApplicationPaymentDue));
        harness.Time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        await RunNoticesAsync();
        await RunNoticesAsync();

        var reminder = Assert.Single(await Recorded.NotificationsAsync(harness.DbAsync, student, NotificationKind.ApplicationPaymentDue));
        Assert.Equal(Fee.ToString(System.Globalization.CultureInfo.InvariantCulture), Recorded.ParametersOf(reminder)["amount"]);
    }

    private async Task ExpireHoldsAsync()
    {
        await using var scope = harness.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HoldService>().ExpireHoldsAsync(Ct);
    }

    private async Task RunNoticesAsync()
    {
        await using var scope = harness.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ApplicationNotices>().RunOnceAsync(Ct);
    }
}

public sealed class SqlitePaidApprovalTests(SqlitePaymentFixture fixture) : PaidApprovalTests(fixture), IClassFixture<SqlitePaymentFixture>;

public sealed class PostgresPaidApprovalTests(PostgresPaymentFixture fixture) : PaidApprovalTests(fixture), IClassFixture<PostgresPaymentFixture>;
