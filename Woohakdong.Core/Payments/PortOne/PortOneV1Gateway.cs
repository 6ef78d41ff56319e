using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Woohakdong.Core.Payments.PortOne;

/// <summary>
/// <see cref="IPaymentGateway"/> over PortOne's V1 REST API (<c>api.iamport.kr</c>, or the app's own sandbox).
/// A refused token (401) is renewed once and the call sent once more; PortOne's envelope errors keep its message.
/// Only <c>GET /payments/{imp_uid}</c> takes <c>include_sandbox</c> (per PortOne's spec); the find and list routes answer
/// test-channel payments too, so every answer goes through one filter that drops them unless they count
/// (<see cref="PortOneOptions.EffectiveIncludeSandboxPayments"/>).
/// </summary>
public sealed class PortOneV1Gateway(HttpClient http, PortOneAccessTokens tokens, PortOneEndpoint endpoint, IOptions<PortOneOptions> options)
    : IPaymentGateway
{
    public GatewayVersion Version => GatewayVersion.V1;

    public Task<GatewayPayment?> GetPaymentAsync(string impUid, CancellationToken ct = default) =>
        GetPaymentAtAsync($"payments/{Uri.EscapeDataString(impUid)}?{SandboxQuery}", ct);

    public Task<GatewayPayment?> FindByMerchantUidAsync(string merchantUid, CancellationToken ct = default) =>
        GetPaymentAtAsync($"payments/find/{Uri.EscapeDataString(merchantUid)}?sorting=-started", ct);

    /// <summary>
    /// <c>GET /payments?imp_uid[]=…&amp;merchant_uid[]=…</c>: 200 when all were found, 207 with the ones found, 404 when none.
    /// Whether PortOne sets <c>code</c> on a 207 is not documented, so a 207 with a list is read as the partial answer.
    /// </summary>
    public async Task<IReadOnlyList<GatewayPayment>> GetPaymentsAsync(
        IReadOnlyCollection<string> impUids, IReadOnlyCollection<string> merchantUids, CancellationToken ct = default)
    {
        if (impUids.Count + merchantUids.Count == 0) return [];
        if (impUids.Count + merchantUids.Count > IPaymentGateway.MaxPaymentsPerCall)
            throw new ArgumentException($"PortOne answers at most {IPaymentGateway.MaxPaymentsPerCall} payments per call.", nameof(impUids));
        var ids = impUids.Select(id => $"imp_uid[]={Uri.EscapeDataString(id)}")
            .Concat(merchantUids.Select(uid => $"merchant_uid[]={Uri.EscapeDataString(uid)}"));
        var payments = await SendAsync<List<PortOnePaymentJson>>(
            () => new HttpRequestMessage(HttpMethod.Get, endpoint.Resolve($"payments?{string.Join('&', ids)}")),
            notFoundIsNull: true, ct);
        return payments?.Where(Counts).Select(p => p.ToGatewayPayment()).ToList() ?? [];
    }

    public async Task PrepareAsync(string merchantUid, long amount, CancellationToken ct = default) =>
        await SendAsync<JsonElement>(
            () => new HttpRequestMessage(HttpMethod.Post, endpoint.Resolve("payments/prepare"))
            {
                Content = JsonBody(new Dictionary<string, object?> { ["merchant_uid"] = merchantUid, ["amount"] = amount }),
            },
            notFoundIsNull: false, ct);

    public async Task<GatewayPayment> CancelAsync(string impUid, long? amount, long checksum, string reason, CancellationToken ct = default)
    {
        var body = new Dictionary<string, object?>
        {
            ["imp_uid"] = impUid, ["amount"] = amount, ["checksum"] = checksum, ["reason"] = reason,
        };
        var payment = await SendAsync<PortOnePaymentJson>(
            () => new HttpRequestMessage(HttpMethod.Post, endpoint.Resolve("payments/cancel")) { Content = JsonBody(body) },
            notFoundIsNull: false, ct);
        return payment?.ToGatewayPayment() ?? throw new PaymentGatewayException($"PortOne returned no payment for the cancel of {impUid}.");
    }

    private string SandboxQuery => $"include_sandbox={(options.Value.EffectiveIncludeSandboxPayments ? "true" : "false")}";

    private async Task<GatewayPayment?> GetPaymentAtAsync(string path, CancellationToken ct)
    {
        var payment = await SendAsync<PortOnePaymentJson>(() => new HttpRequestMessage(HttpMethod.Get, endpoint.Resolve(path)), notFoundIsNull: true, ct);
        return payment is not null && Counts(payment) ? payment.ToGatewayPayment() : null;
    }

    private bool Counts(PortOnePaymentJson payment) => !payment.Sandbox || options.Value.EffectiveIncludeSandboxPayments;

    private async Task<T?> SendAsync<T>(Func<HttpRequestMessage> build, bool notFoundIsNull, CancellationToken ct)
    {
        var token = await tokens.GetAsync(http, endpoint.Resolve("users/getToken"), ct);
        using var first = Authorized(build(), token);
        using var response = await PortOneHttp.SendAsync(http, first, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return await ReadAsync<T>(response, notFoundIsNull, ct);

        // The token expired or was revoked at PortOne before our cache noticed: renew it once, then try once more.
        tokens.Invalidate(token);
        var renewed = await tokens.GetAsync(http, endpoint.Resolve("users/getToken"), ct);
        using var second = Authorized(build(), renewed);
        using var retried = await PortOneHttp.SendAsync(http, second, ct);
        return await ReadAsync<T>(retried, notFoundIsNull, ct);
    }

    private static HttpRequestMessage Authorized(HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    internal static JsonContent JsonBody<TBody>(TBody body) => JsonContent.Create(body, options: PortOneJson.Options);

    internal static async Task<T?> ReadEnvelopeAsync<T>(HttpClient http, HttpRequestMessage request, bool notFoundIsNull, CancellationToken ct)
    {
        using var response = await PortOneHttp.SendAsync(http, request, ct);
        return await ReadAsync<T>(response, notFoundIsNull, ct);
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, bool notFoundIsNull, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.NotFound && notFoundIsNull) return default;
        PortOneEnvelope<T>? envelope;
        try
        {
            envelope = await response.Content.ReadFromJsonAsync<PortOneEnvelope<T>>(PortOneJson.Options, ct);
        }
        catch (JsonException e)
        {
            throw new PaymentGatewayException(
                $"PortOne answered HTTP {(int)response.StatusCode} with an unreadable body: {e.Message}", (int)response.StatusCode, e);
        }
        if (envelope is null)
            throw new PaymentGatewayException($"PortOne answered HTTP {(int)response.StatusCode} without a body.", (int)response.StatusCode);
        if (response.StatusCode == HttpStatusCode.MultiStatus && envelope.Response is not null) return envelope.Response;
        if (!response.IsSuccessStatusCode || envelope.Code != 0)
            throw new PaymentGatewayException(
                envelope.Message ?? $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", envelope.Code != 0 ? envelope.Code : (int)response.StatusCode);
        return envelope.Response;
    }
}
