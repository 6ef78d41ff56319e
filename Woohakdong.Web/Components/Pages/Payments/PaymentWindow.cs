using System.Text.Json.Serialization;
using Microsoft.JSInterop;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Payments.PortOne;

namespace Woohakdong.Web.Components.Pages.Payments;

/// <summary>PortOne's <c>rsp</c> as the payment window's callback gives it.</summary>
public sealed record PaymentResponse(
    [property: JsonPropertyName("imp_uid")] string? ImpUid,
    [property: JsonPropertyName("merchant_uid")] string? MerchantUid,
    [property: JsonPropertyName("error_code")] string? ErrorCode,
    [property: JsonPropertyName("error_msg")] string? ErrorMessage);

/// <summary>What the window shows and charges; the amount must be the one prepared at the gateway.</summary>
public sealed record PaymentRequest(string MerchantUid, string Name, long Amount, string BuyerEmail, string BuyerName, string BuyerTel);

/// <summary>
/// The payment window of the version new orders are made with, through wwwroot/js/payment.js: V1's <c>IMP.request_pay</c>
/// or V2's <c>PortOne.requestPayment</c>, from PortOne's own script in Live mode (for V2 <c>PortOne:V2:BrowserSdkUrl</c> when
/// set, e.g. a copy in wwwroot) and the sandbox's stand-in otherwise, with
/// the same parameters either way. Both answer in V1's <c>rsp</c> shape (V2's paymentId is the merchant_uid).
/// </summary>
public sealed class PaymentWindow(IJSRuntime js, PortOneOptions options, Uri appBase) : IAsyncDisposable
{
    public const string LiveScriptUrl = "https://cdn.iamport.kr/v1/iamport.js";
    public const string LiveV2ScriptUrl = "https://cdn.portone.io/v2/browser-sdk.js";
    public const string ReturnPath = "payments/return";

    private IJSObjectReference? module;

    private string ScriptUrl => options.Mode != PortOneMode.Live ? new Uri(appBase, "sandbox/iamport.js").ToString()
        : options.Version == GatewayVersion.V2 ? new Uri(appBase, options.V2.BrowserSdkUrl ?? LiveV2ScriptUrl).ToString()
        : LiveScriptUrl;

    /// <summary>Waits as long as the buyer takes: <paramref name="ct"/> ends the wait, not interop's default timeout.</summary>
    public async Task<PaymentResponse> RequestPayAsync(PaymentRequest request, CancellationToken ct)
    {
        module ??= await js.InvokeAsync<IJSObjectReference>("import", ct, new Uri(appBase, "js/payment.js").ToString());
        if (options.Version == GatewayVersion.V2)
            return await module.InvokeAsync<PaymentResponse>("requestPayment", ct, ScriptUrl, new Dictionary<string, object?>
            {
                ["storeId"] = options.V2.StoreId,
                ["channelKey"] = options.V2.ChannelKey,
                ["paymentId"] = request.MerchantUid,
                ["orderName"] = request.Name,
                ["totalAmount"] = request.Amount,
                ["currency"] = "KRW",
                ["payMethod"] = "EASY_PAY",
                ["customer"] = new { fullName = request.BuyerName, phoneNumber = request.BuyerTel, email = request.BuyerEmail },
                ["redirectUrl"] = new Uri(appBase, ReturnPath).ToString(),
            });
        var parameters = new Dictionary<string, object?>
        {
            ["channelKey"] = options.ChannelKey,
            ["pay_method"] = "kakaopay",
            ["merchant_uid"] = request.MerchantUid,
            ["name"] = request.Name,
            ["amount"] = request.Amount,
            ["currency"] = "KRW",
            ["buyer_email"] = request.BuyerEmail,
            ["buyer_name"] = request.BuyerName,
            ["buyer_tel"] = request.BuyerTel,
            ["m_redirect_url"] = new Uri(appBase, ReturnPath).ToString(),
        };
        if (!string.IsNullOrEmpty(options.Pg)) parameters["pg"] = options.Pg;
        return await module.InvokeAsync<PaymentResponse>("requestPay", ct, ScriptUrl, options.MerchantCode, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (module is not null) await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the module with it.
        }
    }
}
