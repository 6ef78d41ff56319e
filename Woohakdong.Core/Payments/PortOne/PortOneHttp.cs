using Polly.Timeout;

namespace Woohakdong.Core.Payments.PortOne;

/// <summary>Sending to either of PortOne's APIs: an unreachable PortOne (network, timeout, open circuit) is a gateway error.</summary>
internal static class PortOneHttp
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await http.SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                                  || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new PaymentGatewayException($"PortOne could not be reached: {e.Message}", inner: e);
        }
    }
}
