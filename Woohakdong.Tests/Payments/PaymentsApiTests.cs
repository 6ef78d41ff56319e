using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Data;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Payments;

/// <summary>The app over HTTP with <see cref="FakePaymentGateway"/> in place of PortOne.</summary>
public sealed class PaymentsApp : IAsyncLifetime
{
    public AppFactory App { get; } = new();
    public FakePaymentGateway Gateway { get; } = new();

    public ValueTask InitializeAsync()
    {
        App.ConfigureServices(services => services.AddSingleton<IPaymentGateway>(Gateway));
        // A webhook the worker could not verify is tried again after this, instead of the default 30 s.
        App.Settings["Payments:NoticeRetryAfter"] = "00:00:01";
        return App.InitializeAsync();
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public sealed class PaymentsApiTests(PaymentsApp payments) : IClassFixture<PaymentsApp>
{
    private readonly AppFactory app = payments.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_paid_join_answers_the_order_and_a_repeated_merchant_uid_is_refused()
    {
        var (student, groupId) = await PaidGroupAndStudentAsync();
        var merchantUid = $"api-{Guid.NewGuid():N}"[..30];

        var created = await student.PostAsJsonAsync($"/v1/groups/{groupId}/joins", new { merchantUid }, Ct);
        var again = await student.PostAsJsonAsync($"/v1/groups/{groupId}/joins", new { merchantUid }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var order = await created.JsonAsync();
        Assert.Equal((merchantUid, 30_000L), (order.GetProperty("merchantUid").GetString(), order.GetProperty("amount").GetInt64()));
        Assert.True(order.GetProperty("orderId").GetInt64() > 0);
        Assert.True(order.GetProperty("holdExpiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("DUPLICATE_ORDER", (await again.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_json_webhook_completes_the_order()
    {
        var (student, order) = await StartOrderAsync();
        var payment = payments.Gateway.Pay(order.MerchantUid, 30_000);

        var answer = await app.CreateClient().PostAsJsonAsync(
            "/webhooks/portone", new { imp_uid = payment.ImpUid, merchant_uid = order.MerchantUid, status = "paid" }, Ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("Completed", await SettledStatusAsync(student, order.OrderId));
    }

    [Fact]
    public async Task A_form_webhook_completes_the_order()
    {
        var (student, order) = await StartOrderAsync();
        var payment = payments.Gateway.Pay(order.MerchantUid, 30_000);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["imp_uid"] = payment.ImpUid, ["merchant_uid"] = order.MerchantUid, ["status"] = "paid",
        });

        var answer = await app.CreateClient().PostAsync("/webhooks/portone", form, Ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("Completed", await SettledStatusAsync(student, order.OrderId));
    }

    [Fact]
    public async Task A_webhook_for_an_unknown_order_is_answered_200()
    {
        var answer = await app.CreateClient().PostAsJsonAsync(
            "/webhooks/portone", new { imp_uid = "imp_nobody", merchant_uid = "no-such-order", status = "paid" }, Ct);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task A_webhook_arriving_while_the_gateway_is_down_is_answered_200_and_completes_once_the_gateway_is_back()
    {
        var (student, order) = await StartOrderAsync();
        var body = new { imp_uid = payments.Gateway.Pay(order.MerchantUid, 30_000).ImpUid, merchant_uid = order.MerchantUid };
        HttpResponseMessage whileDown;
        string? statusWhileDown;
        payments.Gateway.Unreachable = true;
        try
        {
            var refusedBefore = payments.Gateway.RefusedCalls;
            whileDown = await app.CreateClient().PostAsJsonAsync("/webhooks/portone", body, Ct);
            // The worker has tried to settle it (and met the outage) before the status is read.
            await Eventually.TrueAsync(() => payments.Gateway.RefusedCalls > refusedBefore, "the worker met the outage", Ct);
            statusWhileDown = await StatusAsync(student, order.OrderId);
        }
        finally
        {
            payments.Gateway.Unreachable = false;
        }

        Assert.Equal(HttpStatusCode.OK, whileDown.StatusCode);
        Assert.Equal("Pending", statusWhileDown);
        Assert.Equal("Completed", await SettledStatusAsync(student, order.OrderId));
    }

    [Fact]
    public async Task A_webhook_the_database_cannot_record_is_answered_503_and_its_redelivery_completes_the_order()
    {
        var (student, order) = await StartOrderAsync();
        var body = new { imp_uid = payments.Gateway.Pay(order.MerchantUid, 30_000).ImpUid, merchant_uid = order.MerchantUid };
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        HttpResponseMessage refused;
        await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "WebhookNotices" RENAME TO "WebhookNoticesAway" """, Ct);
        try
        {
            refused = await app.CreateClient().PostAsJsonAsync("/webhooks/portone", body, Ct);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "WebhookNoticesAway" RENAME TO "WebhookNotices" """, Ct);
        }
        var statusAfterRefusal = await StatusAsync(student, order.OrderId);
        var redelivered = await app.CreateClient().PostAsJsonAsync("/webhooks/portone", body, Ct);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Pending"), (refused.StatusCode, statusAfterRefusal));
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal("Completed", await SettledStatusAsync(student, order.OrderId));
    }

    [Fact]
    public async Task Confirm_settles_the_callers_own_order_and_another_student_cannot_see_or_confirm_it()
    {
        var (student, order) = await StartOrderAsync();
        var stranger = await ApiStudents.SignUpAsync(app);
        var payment = payments.Gateway.Pay(order.MerchantUid, 30_000);
        var confirm = new { merchantUid = order.MerchantUid, impUid = payment.ImpUid };

        var strangersConfirm = await stranger.PostAsJsonAsync($"/v1/groups/{order.GroupId}/joins/confirm", confirm, Ct);
        var confirmed = await student.PostAsJsonAsync($"/v1/groups/{order.GroupId}/joins/confirm", confirm, Ct);
        var strangersLook = await stranger.GetAsync($"/v1/orders/{order.OrderId}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, strangersConfirm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var view = await confirmed.JsonAsync();
        Assert.Equal(
            (order.OrderId, order.MerchantUid, 30_000L, "Completed"),
            (view.GetProperty("orderId").GetInt64(), view.GetProperty("merchantUid").GetString(),
             view.GetProperty("amount").GetInt64(), view.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, strangersLook.StatusCode);
        Assert.Equal("ORDER_NOT_FOUND", (await strangersLook.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal("Completed", await StatusAsync(student, order.OrderId));
    }

    private async Task<(HttpClient Student, long GroupId)> PaidGroupAndStudentAsync()
    {
        var president = await ApiStudents.SignUpAsync(app);
        var clubId = await ApiStudents.CreateClubAsync(president, seatLimit: 10, fee: 30_000);
        var groupId = (await (await president.GetAsync($"/v1/clubs/{clubId}/join", Ct)).JsonAsync()).GetProperty("groupId").GetInt64();
        (await president.PutAsJsonAsync($"/v1/groups/{groupId}", new { recruiting = true, seatLimit = 10, amount = 30_000 }, Ct))
            .EnsureSuccessStatusCode();
        return (await ApiStudents.SignUpAsync(app), groupId);
    }

    private async Task<(HttpClient Student, (long OrderId, string MerchantUid, long GroupId) Order)> StartOrderAsync()
    {
        var (student, groupId) = await PaidGroupAndStudentAsync();
        var created = await (await student.PostAsync($"/v1/groups/{groupId}/joins", null, Ct)).JsonAsync();
        return (student, (created.GetProperty("orderId").GetInt64(), created.GetProperty("merchantUid").GetString()!, groupId));
    }

    /// <summary>The order's status once it left Pending: the webhook worker settles it after the 200.</summary>
    private static async Task<string?> SettledStatusAsync(HttpClient owner, long orderId)
    {
        await Eventually.TrueAsync(async () => await StatusAsync(owner, orderId) != "Pending", $"order {orderId} left Pending", Ct);
        return await StatusAsync(owner, orderId);
    }

    private static async Task<string?> StatusAsync(HttpClient owner, long orderId) =>
        (await (await owner.GetAsync($"/v1/orders/{orderId}", Ct)).JsonAsync()).GetProperty("status").GetString();
}
