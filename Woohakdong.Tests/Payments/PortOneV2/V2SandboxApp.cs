using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StandardWebhooks;
using Woohakdong.Core.Data;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Payments.PortOne;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Payments.PortOneV2;

/// <summary>A paid join started over /v1: the student's client and the order's ids (its merchantUid is V2's paymentId).</summary>
public sealed record V2Order(HttpClient Student, long OrderId, string PaymentId, long GroupId);

/// <summary>
/// The app on a real port in Sandbox mode with <c>PortOne:Version=V2</c>: new orders go through the real V2 client to the
/// app's own V2 sandbox, whose signed webhooks come back to <c>/webhooks/portone/v2</c>. Nothing is faked.
/// </summary>
public abstract class V2SandboxApp(AppFactoryBase app) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public AppFactoryBase App { get; } = app;
    public Uri BaseAddress { get; private set; } = null!;
    private HttpClient sandbox = null!;

    public PortOneOptions Options => App.Services.GetRequiredService<IOptions<PortOneOptions>>().Value;

    /// <summary>Settings beyond V2 mode, for a fixture that needs them (a rotated secret).</summary>
    protected virtual IEnumerable<(string Key, string Value)> MoreSettings => [];

    public ValueTask InitializeAsync()
    {
        App.Settings["PortOne:Version"] = "V2";
        // A webhook the worker could not settle is tried again after this, instead of the default 30 s.
        App.Settings["Payments:NoticeRetryAfter"] = "00:00:01";
        foreach (var (key, value) in MoreSettings) App.Settings[key] = value;
        BaseAddress = App.StartOnRealPort();
        sandbox = new HttpClient { BaseAddress = new Uri(BaseAddress, "sandbox/portone/v2/") };
        return ValueTask.CompletedTask;
    }

    /// <summary>A recruiting club with a fee, a student, and the student's order for it.</summary>
    public async Task<V2Order> StartOrderAsync()
    {
        var groupId = await PaidGroupAsync();
        return await StartOrderAsync(await ApiStudents.SignUpAsync(App), groupId);
    }

    public async Task<long> PaidGroupAsync(int seatLimit = 10)
    {
        var president = await ApiStudents.SignUpAsync(App);
        var clubId = await ApiStudents.CreateClubAsync(president, seatLimit, fee: 30_000);
        var groupId = (await (await president.GetAsync($"/v1/clubs/{clubId}/join", Ct)).JsonAsync()).GetProperty("groupId").GetInt64();
        (await president.PutAsJsonAsync($"/v1/groups/{groupId}", new { recruiting = true, seatLimit, amount = 30_000 }, Ct))
            .EnsureSuccessStatusCode();
        return groupId;
    }

    public async Task<V2Order> StartOrderAsync(HttpClient student, long groupId)
    {
        var answer = await student.PostAsync($"/v1/groups/{groupId}/joins", null, Ct);
        answer.EnsureSuccessStatusCode();
        var created = await answer.JsonAsync();
        return new V2Order(student, created.GetProperty("orderId").GetInt64(), created.GetProperty("merchantUid").GetString()!, groupId);
    }

    /// <summary>The sandbox's test control: the buyer pays (or fails) and, unless told not to, PortOne's webhook goes out.</summary>
    public async Task<HttpResponseMessage> PayAsync(
        string paymentId, long? amount = null, string outcome = "paid", bool webhook = true, string? currency = null, string? storeId = null) =>
        await sandbox.PostAsJsonAsync("control/pay", new { paymentId, amount, outcome, webhook, currency, storeId }, Ct);

    /// <summary>Every webhook the sandbox sent for the payment, exactly as sent.</summary>
    public async Task<List<(Dictionary<string, string> Headers, string Body)>> WebhooksAsync(string paymentId)
    {
        var sent = await sandbox.GetFromJsonAsync<JsonElement>($"control/webhooks?paymentId={Uri.EscapeDataString(paymentId)}", Ct);
        return sent.EnumerateArray().Select(w => (
            w.GetProperty("headers").EnumerateObject().ToDictionary(h => h.Name, h => h.Value.GetString()!),
            w.GetProperty("body").GetString()!)).ToList();
    }

    /// <summary>The payment as V2's API answers it, with the sandbox's own API secret.</summary>
    public async Task<JsonElement> SandboxPaymentAsync(string paymentId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"payments/{paymentId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("PortOne", Options.Sandbox.V2.ApiSecret);
        using var answer = await sandbox.SendAsync(request, Ct);
        answer.EnsureSuccessStatusCode();
        return await answer.JsonAsync();
    }

    /// <summary>A write to the V2 sandbox's API as PortOne's would be made, with its API secret and, when given, an Idempotency-Key.</summary>
    public async Task<HttpResponseMessage> SandboxPostAsync(string path, object body, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("PortOne", Options.Sandbox.V2.ApiSecret);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await sandbox.SendAsync(request, Ct);
    }

    /// <summary>A webhook as PortOne would post it: the raw body and the given headers, nothing else.</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(IEnumerable<KeyValuePair<string, string>> headers, string body)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, "webhooks/portone/v2"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        return await client.SendAsync(request, Ct);
    }

    public static async Task<string?> StatusAsync(V2Order order) =>
        (await (await order.Student.GetAsync($"/v1/orders/{order.OrderId}", Ct)).JsonAsync()).GetProperty("status").GetString();

    /// <summary>
    /// The order's status once it is settled (neither Pending nor Paid, a payment held on the way to its membership or
    /// refund): the webhook worker settles it after the 200.
    /// </summary>
    public static async Task<string?> SettledStatusAsync(V2Order order)
    {
        await Eventually.TrueAsync(async () => await StatusAsync(order) is not ("Pending" or "Paid"), $"order {order.OrderId} settled", Ct);
        return await StatusAsync(order);
    }

    public async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return await read(db);
    }

    public Task<JoinOrder> OrderAsync(long orderId) => DbAsync(db => db.JoinOrders.AsNoTracking().SingleAsync(o => o.Id == orderId, Ct));

    public Task<int> NoticesAsync(string paymentId) => DbAsync(db => db.WebhookNotices.CountAsync(n => n.MerchantUid == paymentId, Ct));

    public async ValueTask DisposeAsync()
    {
        sandbox?.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteV2SandboxApp() : V2SandboxApp(new AppFactory());

public sealed class PostgresV2SandboxApp() : V2SandboxApp(new PostgresAppFactory());

/// <summary>PortOne V2's webhook as a test makes it, signed by the StandardWebhooks package.</summary>
public static class SignedWebhooks
{
    public static string Body(string paymentId, string type = "Transaction.Paid") => JsonSerializer.Serialize(new
    {
        type,
        timestamp = "2026-04-01T01:00:00.000Z",
        data = new { paymentId, storeId = "store-00000000-0000-0000-0000-000000000000", transactionId = Guid.NewGuid().ToString() },
    });

    public static Dictionary<string, string> Headers(string body, string secret, DateTimeOffset? at = null)
    {
        var (webhookId, timestamp) = ($"msg_{Guid.NewGuid():N}", at ?? DateTimeOffset.UtcNow);
        return new()
        {
            ["webhook-id"] = webhookId,
            ["webhook-timestamp"] = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["webhook-signature"] = new StandardWebhook(secret).Sign(webhookId, timestamp, body),
        };
    }
}
