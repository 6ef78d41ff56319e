using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Enrollment;

namespace Woohakdong.Tests.Payments.PortOneV2;

/// <summary>Orders made in V2 mode, settled through the real V2 client against the app's own V2 sandbox.</summary>
public abstract class V2CompletionTests(V2SandboxApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> ConfirmAsync(V2Order order) =>
        order.Student.PostAsJsonAsync($"/v1/groups/{order.GroupId}/joins/confirm", new { merchantUid = order.PaymentId }, Ct);

    private Task<int> MembershipsAsync(V2Order order, Guid userId) =>
        app.DbAsync(db => db.Memberships.CountAsync(m => m.JoinGroupId == order.GroupId && m.UserId == userId, Ct));

    [Fact]
    public async Task The_signed_webhook_alone_completes_a_V2_order_with_one_membership()
    {
        var order = await app.StartOrderAsync();

        // No amount: the sandbox charges the amount the app pre-registered for this paymentId.
        (await app.PayAsync(order.PaymentId)).EnsureSuccessStatusCode();

        Assert.Equal("Completed", await V2SandboxApp.SettledStatusAsync(order));
        var saved = await app.OrderAsync(order.OrderId);
        Assert.Equal((GatewayVersion.V2, order.PaymentId), (saved.GatewayVersion, saved.ImpUid));
        Assert.Equal(1, await MembershipsAsync(order, saved.UserId));
        Assert.Equal("Transaction.Paid", System.Text.Json.JsonDocument.Parse(Assert.Single(await app.WebhooksAsync(order.PaymentId)).Body)
            .RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_callback_alone_completes_a_V2_order()
    {
        var order = await app.StartOrderAsync();
        (await app.PayAsync(order.PaymentId, webhook: false)).EnsureSuccessStatusCode();

        var confirmed = await ConfirmAsync(order);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Completed", (await confirmed.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(1, await MembershipsAsync(order, (await app.OrderAsync(order.OrderId)).UserId));
    }

    [Fact]
    public async Task Webhook_and_two_callbacks_at_once_over_50_rounds_make_one_membership_per_order()
    {
        const int rounds = 50;
        var groupId = await app.PaidGroupAsync(seatLimit: rounds);
        for (var round = 0; round < rounds; round++)
        {
            var order = await app.StartOrderAsync(await ApiStudents.SignUpAsync(app.App), groupId);
            (await app.PayAsync(order.PaymentId, webhook: false)).EnsureSuccessStatusCode();
            var body = SignedWebhooks.Body(order.PaymentId);

            var answers = await Task.WhenAll(
                app.PostWebhookAsync(SignedWebhooks.Headers(body, app.Options.V2.WebhookSecret!), body), ConfirmAsync(order), ConfirmAsync(order));

            Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
            Assert.Equal("Completed", await V2SandboxApp.SettledStatusAsync(order));
            var saved = await app.OrderAsync(order.OrderId);
            Assert.Equal(1, await MembershipsAsync(order, saved.UserId));
            Assert.Equal(1, await app.DbAsync(db => db.OrderHistory.CountAsync(h => h.OrderId == order.OrderId && h.To == OrderStatus.Paid, Ct)));
        }
        Assert.Equal(rounds, await app.DbAsync(db => db.Memberships.CountAsync(m => m.JoinGroupId == groupId, Ct)));
    }

    [Theory]
    [InlineData(RefundReasons.AmountMismatch)]
    [InlineData(RefundReasons.CurrencyMismatch)]
    [InlineData(RefundReasons.StoreMismatch)]
    public async Task A_payment_that_does_not_match_the_order_is_refunded_through_V2s_cancel(string reason)
    {
        var order = await app.StartOrderAsync();
        var paid = reason == RefundReasons.AmountMismatch ? 29_000 : 30_000;

        (await app.PayAsync(order.PaymentId, amount: paid,
            currency: reason == RefundReasons.CurrencyMismatch ? "USD" : null,
            storeId: reason == RefundReasons.StoreMismatch ? "store-ffffffff-0000-0000-0000-000000000000" : null)).EnsureSuccessStatusCode();

        Assert.Equal("Refunded", await V2SandboxApp.SettledStatusAsync(order));
        var saved = await app.OrderAsync(order.OrderId);
        Assert.Equal(reason, saved.RefundReason);
        var refund = Assert.Single(await app.DbAsync(db => db.PaymentRefunds.Where(r => r.OrderId == order.OrderId).ToListAsync(Ct)));
        Assert.Equal((order.PaymentId, (long)paid, (long)paid), (refund.ImpUid, refund.Amount, refund.GatewayCancelledTotal));
        var atPortOne = await app.SandboxPaymentAsync(order.PaymentId);
        Assert.Equal(("CANCELLED", paid), (atPortOne.GetProperty("status").GetString(), atPortOne.GetProperty("amount").GetProperty("cancelled").GetInt64()));
        Assert.Equal(0, await MembershipsAsync(order, saved.UserId));
    }

    [Fact]
    public async Task An_issued_virtual_account_is_not_a_payment_for_the_callback_nor_for_a_paid_webhook()
    {
        var order = await app.StartOrderAsync();
        (await app.PayAsync(order.PaymentId, outcome: "virtual_account_issued", webhook: false)).EnsureSuccessStatusCode();
        var body = SignedWebhooks.Body(order.PaymentId);

        var confirmed = await ConfirmAsync(order);
        var webhook = await app.PostWebhookAsync(SignedWebhooks.Headers(body, app.Options.V2.WebhookSecret!), body);
        await Infrastructure.Eventually.TrueAsync(async () => await app.NoticesAsync(order.PaymentId) == 0, "the webhook was settled", Ct);

        Assert.Equal("Pending", (await confirmed.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
        Assert.Equal("Pending", await V2SandboxApp.StatusAsync(order));
        Assert.Equal("VIRTUAL_ACCOUNT_ISSUED", (await app.SandboxPaymentAsync(order.PaymentId)).GetProperty("status").GetString());
    }
}

public sealed class SqliteV2CompletionTests(SqliteV2SandboxApp app) : V2CompletionTests(app), IClassFixture<SqliteV2SandboxApp>;

public sealed class PostgresV2CompletionTests(PostgresV2SandboxApp app) : V2CompletionTests(app), IClassFixture<PostgresV2SandboxApp>;
