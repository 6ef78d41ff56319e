using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Payments.PortOneV2;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Sandbox.PortOne;

namespace Woohakdong.Tests.Payments.PortOneV2;

/// <summary>Loses the answer to chosen V2 requests after the sandbox acted on them, as a connection reset would.</summary>
public sealed class AnswerLoss
{
    private readonly ConcurrentDictionary<string, int> toLose = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string?>> keys = new();

    public void LoseNextAnswerTo(string path) => toLose[path] = 1;

    /// <summary>The Idempotency-Key of every request sent to the path, in order (null when it had none).</summary>
    public IReadOnlyList<string?> KeysSentTo(string path) => keys.TryGetValue(path, out var sent) ? [.. sent] : [];

    internal sealed class Handler(AnswerLoss loss) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var path = request.RequestUri!.AbsolutePath;
            loss.keys.GetOrAdd(path, _ => new()).Enqueue(request.Headers.TryGetValues("Idempotency-Key", out var key) ? key.Single() : null);
            var response = await base.SendAsync(request, ct);
            if (!loss.toLose.TryRemove(path, out _)) return response;
            response.Dispose();
            throw new HttpRequestException("The connection was reset after the request was sent (test).");
        }
    }
}

/// <summary>The V2 app whose client's answers can be lost on the way back (<see cref="AnswerLoss"/>).</summary>
public sealed class LossyV2SandboxApp : V2SandboxApp
{
    public LossyV2SandboxApp() : base(new AppFactory()) =>
        App.ConfigureServices(services =>
        {
            services.AddSingleton<AnswerLoss>();
            services.AddHttpClient<PortOneV2Gateway>().AddHttpMessageHandler(provider => new AnswerLoss.Handler(provider.GetRequiredService<AnswerLoss>()));
        });

    public AnswerLoss Loss => App.Services.GetRequiredService<AnswerLoss>();
}

/// <summary>
/// PortOne V2's Idempotency-Key: the client sends one key per logical write and retries only reads; a write whose answer
/// was lost is attempted again by its caller, and the sandbox answers the repeated key with its first answer.
/// </summary>
public sealed class V2IdempotencyTests(LossyV2SandboxApp app) : IClassFixture<LossyV2SandboxApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IPaymentGateway Gateway => app.App.Services.GetRequiredService<PaymentGateways>().For(GatewayVersion.V2);

    private static string NewPaymentId() => $"idem-v2-{Guid.NewGuid():N}";

    private static string NewKey() => $"test-{Guid.NewGuid():N}";

    private async Task<string> PaidAsync(long amount = 30_000)
    {
        var paymentId = NewPaymentId();
        (await app.PayAsync(paymentId, amount: amount, webhook: false)).EnsureSuccessStatusCode();
        return paymentId;
    }

    private Task<HttpResponseMessage> CancelAtSandboxAsync(string paymentId, string? key) =>
        app.SandboxPostAsync($"payments/{paymentId}/cancel", new { reason = "test", currentCancellableAmount = 30_000 }, key);

    private async Task<int> CancellationsAsync(string paymentId) =>
        (await app.SandboxPaymentAsync(paymentId)).TryGetProperty("cancellations", out var all) && all.ValueKind == JsonValueKind.Array
            ? all.GetArrayLength() : 0;

    [Fact]
    public async Task A_cancel_whose_answer_was_lost_is_not_resent_and_the_callers_next_attempt_gets_the_first_answer()
    {
        var paymentId = NewPaymentId();
        await Gateway.PrepareAsync(paymentId, 30_000, Ct);
        (await app.PayAsync(paymentId, webhook: false)).EnsureSuccessStatusCode();
        var cancelPath = $"/sandbox/portone/v2/payments/{paymentId}/cancel";
        app.Loss.LoseNextAnswerTo(cancelPath);

        await Assert.ThrowsAsync<PaymentGatewayException>(() => Gateway.CancelAsync(paymentId, null, 30_000, "test", Ct));
        Assert.Single(app.Loss.KeysSentTo(cancelPath));
        var cancelled = await Gateway.CancelAsync(paymentId, null, 30_000, "test", Ct);

        Assert.Equal((GatewayPaymentStatus.Cancelled, 30_000L, 0L), (cancelled.Status, cancelled.CancelAmount, cancelled.Refundable));
        var keys = app.Loss.KeysSentTo(cancelPath);
        Assert.Equal(2, keys.Count);
        Assert.NotNull(keys[0]);
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(1, await CancellationsAsync(paymentId));
        Assert.Single(await app.WebhooksAsync(paymentId), w => w.Body.Contains("Transaction.Cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_whose_answer_was_lost_is_retried()
    {
        var paymentId = await PaidAsync();
        var readPath = $"/sandbox/portone/v2/payments/{paymentId}";
        app.Loss.LoseNextAnswerTo(readPath);

        var payment = await Gateway.GetPaymentAsync(paymentId, Ct);

        Assert.Equal(GatewayPaymentStatus.Paid, payment?.Status);
        Assert.Equal(2, app.Loss.KeysSentTo(readPath).Count);
    }

    [Fact]
    public void A_write_has_one_key_per_logical_operation_in_PortOnes_shape()
    {
        static string Key(string path, string body) => PortOneV2Gateway.IdempotencyKey(path, Encoding.UTF8.GetBytes(body));
        var cancel = Key("payments/p-1/cancel", """{"reason":"r","currentCancellableAmount":30000}""");

        Assert.Equal(cancel, Key("payments/p-1/cancel", """{"reason":"r","currentCancellableAmount":30000}"""));
        // A later refund of the same payment names a smaller balance; another payment has another path.
        Assert.NotEqual(cancel, Key("payments/p-1/cancel", """{"reason":"r","currentCancellableAmount":20000}"""));
        Assert.NotEqual(cancel, Key("payments/p-2/cancel", """{"reason":"r","currentCancellableAmount":30000}"""));
        Assert.NotEqual(cancel, Key("payments/p-1/pre-register", """{"reason":"r","currentCancellableAmount":30000}"""));
        Assert.Matches("^[A-Za-z0-9_-]{16,256}$", cancel);
    }

    [Fact]
    public async Task The_sandbox_answers_a_repeated_cancel_key_with_its_first_answer_and_refunds_once()
    {
        var paymentId = await PaidAsync();
        var key = NewKey();

        using var first = await CancelAtSandboxAsync(paymentId, key);
        using var again = await CancelAtSandboxAsync(paymentId, key);
        using var otherKey = await CancelAtSandboxAsync(paymentId, NewKey());
        using var noKey = await CancelAtSandboxAsync(paymentId, null);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await again.Content.ReadAsStringAsync(Ct));
        Assert.Equal("PAYMENT_ALREADY_CANCELLED", (await otherKey.JsonAsync()).GetProperty("type").GetString());
        Assert.Equal("PAYMENT_ALREADY_CANCELLED", (await noKey.JsonAsync()).GetProperty("type").GetString());
        Assert.Equal(1, await CancellationsAsync(paymentId));
        Assert.Single(await app.WebhooksAsync(paymentId), w => w.Body.Contains("Transaction.Cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sandbox_replays_a_pre_register_key_even_after_the_payment_was_paid()
    {
        var paymentId = NewPaymentId();
        var key = NewKey();
        var body = new { totalAmount = 30_000, currency = "KRW" };

        using var first = await app.SandboxPostAsync($"payments/{paymentId}/pre-register", body, key);
        (await app.PayAsync(paymentId, webhook: false)).EnsureSuccessStatusCode();
        using var again = await app.SandboxPostAsync($"payments/{paymentId}/pre-register", body, key);
        using var otherKey = await app.SandboxPostAsync($"payments/{paymentId}/pre-register", body, NewKey());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Conflict), (first.StatusCode, again.StatusCode, otherKey.StatusCode));
        Assert.Equal("ALREADY_PAID", (await otherKey.JsonAsync()).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("too-short-key")]
    [InlineData("a key with spaces in it")]
    [InlineData("key/with/slashes/in/it")]
    [InlineData("257 characters")]
    public async Task The_sandbox_refuses_a_malformed_key_with_400_and_cancels_nothing(string key)
    {
        var paymentId = await PaidAsync();

        using var answer = await CancelAtSandboxAsync(paymentId, key == "257 characters" ? new string('k', 257) : key);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("INVALID_REQUEST", (await answer.JsonAsync()).GetProperty("type").GetString());
        Assert.Equal(0, await CancellationsAsync(paymentId));
    }

    [Fact]
    public void A_repeat_while_the_first_is_being_answered_is_told_to_wait_and_a_key_is_kept_three_hours()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-04-01T01:00:00Z"));
        var idempotency = new SandboxV2Idempotency(time);
        var acted = 0;
        SandboxV2Answer? during = null;
        SandboxV2Answer Act()
        {
            acted++;
            during ??= idempotency.Answer("key-of-sixteen-chars", "POST /payments/p/cancel", Act);
            return new SandboxV2Answer(200, new { acted });
        }

        var first = idempotency.Answer("key-of-sixteen-chars", "POST /payments/p/cancel", Act);
        time.Advance(SandboxV2Idempotency.Kept - TimeSpan.FromSeconds(1));
        var replayed = idempotency.Answer("key-of-sixteen-chars", "POST /payments/p/cancel", Act);
        var elsewhere = idempotency.Answer("key-of-sixteen-chars", "POST /payments/q/cancel", Act);
        time.Advance(TimeSpan.FromSeconds(1));
        var afterThreeHours = idempotency.Answer("key-of-sixteen-chars", "POST /payments/p/cancel", Act);

        Assert.Equal(409, during!.Status);
        Assert.Contains("IDEMPOTENCY_OUTSTANDING_REQUEST", JsonSerializer.Serialize(during.Body), StringComparison.Ordinal);
        Assert.Same(first, replayed);
        Assert.NotSame(first, elsewhere);
        Assert.NotSame(first, afterThreeHours);
        Assert.Equal(3, acted);
    }
}
