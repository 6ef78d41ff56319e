using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Woohakdong.Core.Payments.PortOne;

namespace Woohakdong.Core.Payments.PortOneV2;

/// <summary>
/// <see cref="IPaymentGateway"/> over PortOne's V2 REST API (<c>api.portone.io</c>, or the app's own sandbox), with
/// <c>Authorization: PortOne {ApiSecret}</c>. The order's merchant_uid is V2's paymentId, so finding an order's payment
/// and reading a payment are the same <c>GET /payments/{paymentId}</c>. A cancel sends the refundable balance as
/// <c>currentCancellableAmount</c> (V1's checksum) and reads the payment again for the answer, since V2 answers only
/// the cancellation. Both writes carry an <c>Idempotency-Key</c> (<see cref="IdempotencyKey"/>): the client does not
/// resend a write whose answer was lost (only reads are retried), but the caller's later attempt at the same write is
/// answered by PortOne with its first answer instead of acting twice.
/// </summary>
public sealed class PortOneV2Gateway(HttpClient http, PortOneV2Endpoint endpoint, IOptions<PortOneOptions> options) : IPaymentGateway
{
    private const int Parallelism = 8;

    public const string IdempotencyHeader = "Idempotency-Key";

    public GatewayVersion Version => GatewayVersion.V2;

    public async Task<GatewayPayment?> GetPaymentAsync(string impUid, CancellationToken ct = default)
    {
        var payment = await SendAsync<PortOneV2PaymentJson>(HttpMethod.Get, Path(impUid), body: null, notFoundIsNull: true, ct);
        return payment?.ToGatewayPayment(options.Value.V2.StoreId);
    }

    public Task<GatewayPayment?> FindByMerchantUidAsync(string merchantUid, CancellationToken ct = default) => GetPaymentAsync(merchantUid, ct);

    /// <summary>V2 has no lookup by a list of ids, so each is read on its own, a few at a time; unknown ones are absent.</summary>
    public async Task<IReadOnlyList<GatewayPayment>> GetPaymentsAsync(
        IReadOnlyCollection<string> impUids, IReadOnlyCollection<string> merchantUids, CancellationToken ct = default)
    {
        var ids = impUids.Concat(merchantUids).Distinct().ToList();
        if (ids.Count > IPaymentGateway.MaxPaymentsPerCall)
            throw new ArgumentException($"At most {IPaymentGateway.MaxPaymentsPerCall} payments per call.", nameof(impUids));
        var found = new GatewayPayment?[ids.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (index, token) => found[index] = await GetPaymentAsync(ids[index], token));
        return found.OfType<GatewayPayment>().ToList();
    }

    public async Task PrepareAsync(string merchantUid, long amount, CancellationToken ct = default) =>
        await SendAsync<JsonElement>(HttpMethod.Post, $"{Path(merchantUid)}/pre-register",
            new { totalAmount = amount, currency = PaidOrderSettlement.Krw }, notFoundIsNull: false, ct);

    public async Task<GatewayPayment> CancelAsync(string impUid, long? amount, long checksum, string reason, CancellationToken ct = default)
    {
        await SendAsync<JsonElement>(HttpMethod.Post, $"{Path(impUid)}/cancel",
            new { reason, amount, currentCancellableAmount = checksum }, notFoundIsNull: false, ct);
        return await GetPaymentAsync(impUid, ct)
            ?? throw new PaymentGatewayException($"PortOne V2 does not know payment {impUid} after cancelling it.");
    }

    private static string Path(string paymentId) => $"payments/{Uri.EscapeDataString(paymentId)}";

    /// <summary>
    /// The key of one logical write: a hash of its path and body, so asking the same again (a retry, another caller, a
    /// later attempt within PortOne's three hours) carries the same key and is answered without acting again, while a
    /// different write differs in its body (a later refund of the same payment names a smaller currentCancellableAmount).
    /// 43 characters of base64url, within PortOne's 16–256 letters, digits, '-' and '_'.
    /// </summary>
    public static string IdempotencyKey(string path, ReadOnlySpan<byte> body)
    {
        var operation = new byte[Encoding.UTF8.GetByteCount(path) + 1 + body.Length];
        var written = Encoding.UTF8.GetBytes(path, operation);
        operation[written] = (byte)'\n';
        body.CopyTo(operation.AsSpan(written + 1));
        return Base64Url.EncodeToString(SHA256.HashData(operation));
    }

    private async Task<T?> SendAsync<T>(HttpMethod method, string path, object? body, bool notFoundIsNull, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, endpoint.Resolve(path));
        request.Headers.Authorization = new AuthenticationHeaderValue("PortOne", options.Value.V2.ApiSecret);
        if (body is not null)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(body, PortOneV2Json.Options);
            request.Content = new ByteArrayContent(json) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };
            request.Headers.Add(IdempotencyHeader, IdempotencyKey(path, json));
        }
        using var response = await PortOneHttp.SendAsync(http, request, ct);
        try
        {
            if (response.IsSuccessStatusCode)
                return await response.Content.ReadFromJsonAsync<T>(PortOneV2Json.Options, ct)
                    ?? throw new PaymentGatewayException($"PortOne V2 answered HTTP {(int)response.StatusCode} without a body.", (int)response.StatusCode);
            var error = await ReadErrorAsync(response, ct);
            if (response.StatusCode == HttpStatusCode.NotFound && notFoundIsNull && error?.Type is null or PortOneV2Json.PaymentNotFound)
                return default;
            throw new PaymentGatewayException(
                $"{error?.Type ?? $"HTTP {(int)response.StatusCode}"}: {error?.Message ?? response.ReasonPhrase}", (int)response.StatusCode);
        }
        catch (JsonException e)
        {
            throw new PaymentGatewayException(
                $"PortOne V2 answered HTTP {(int)response.StatusCode} with an unreadable body: {e.Message}", (int)response.StatusCode, e);
        }
    }

    private static async Task<PortOneV2ErrorJson?> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<PortOneV2ErrorJson>(PortOneV2Json.Options, ct);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return null;
        }
    }
}
