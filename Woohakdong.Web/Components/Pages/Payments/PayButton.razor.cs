using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Common;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Payments.PortOne;

namespace Woohakdong.Web.Components.Pages.Payments;

/// <summary>
/// Holds a seat with an order prepared at the gateway (<see cref="Start"/>: the pool's own way of taking a paid seat),
/// opens the payment window, hands PortOne's answer to the completion service (the gateway's record decides, not the
/// browser) and shows the result page.
/// </summary>
public partial class PayButton(
    MyOrders orders, ProfileService profiles, IJSRuntime js, NavigationManager navigation,
    IOptions<PortOneOptions> portOne, IStringLocalizer<PaymentText> text, ILogger<PayButton> logger) : IAsyncDisposable
{
    private const string ScriptFailed = "SCRIPT_FAILED";
    private readonly CancellationTokenSource leaving = new();
    private PaymentWindow? window;
    private bool paying;

    /// <summary>The pool whose seat is paid for: the join group or the event.</summary>
    [Parameter, EditorRequired] public long PoolId { get; set; }
    /// <summary>Takes the seat and makes the order; refuses with an <see cref="AppException"/>.</summary>
    [Parameter, EditorRequired] public Func<Task<PaidJoinStarted>> Start { get; set; } = default!;
    [Parameter, EditorRequired] public string Label { get; set; } = "";
    /// <summary>What the payment window names; the club's membership fee when not given.</summary>
    [Parameter] public string? OrderName { get; set; }
    [Parameter] public string TestId { get; set; } = "pay-button";
    [Parameter] public bool Enabled { get; set; }
    /// <summary>The refusal's error code (FULL, PROFILE_INCOMPLETE, …) when no order could be made.</summary>
    [Parameter] public EventCallback<string> OnRefused { get; set; }

    private async Task PayAsync()
    {
        paying = true;
        PaidJoinStarted started;
        try
        {
            started = await Start();
        }
        catch (AppException refusal)
        {
            paying = false;
            await OnRefused.InvokeAsync(refusal.Code);
            return;
        }
        PaymentResponse response;
        try
        {
            response = await RequestPayAsync(started);
        }
        catch (OperationCanceledException)
        {
            // The page closed with the window open: the webhook or the reconciler settles the order.
            return;
        }
        await ConfirmAsync(started, response);
        navigation.NavigateTo($"/orders/{started.OrderId}");
    }

    private async Task ConfirmAsync(PaidJoinStarted started, PaymentResponse response)
    {
        try
        {
            // A closed window (an error code, no imp_uid) fails the order and frees the seat here and now.
            await orders.ConfirmAsync(PoolId, started.MerchantUid, response.ImpUid, response.ErrorCode, OrderCause.Callback);
        }
        catch (PaymentGatewayException error)
        {
            // The gateway cannot be asked now: the result page shows the order waiting, and the webhook or the
            // reconciler's answer updates it there.
            logger.LogWarning(error, "Callback for order {MerchantUid} left to the webhook and the reconciler", started.MerchantUid);
        }
    }

    private async Task<PaymentResponse> RequestPayAsync(PaidJoinStarted started)
    {
        var order = await orders.DescribeAsync(started.OrderId);
        var buyer = await profiles.GetAsync();
        window ??= new PaymentWindow(js, portOne.Value, new Uri(navigation.BaseUri));
        var request = new PaymentRequest(
            started.MerchantUid, OrderName ?? text["FeeName", order.ClubName], started.Amount, buyer.Email, buyer.Name, buyer.Phone);
        try
        {
            return await window.RequestPayAsync(request, leaving.Token);
        }
        catch (JSException error)
        {
            // iamport.js did not load: no window was shown, so no payment can exist.
            return new PaymentResponse(null, started.MerchantUid, ScriptFailed, error.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await leaving.CancelAsync();
        leaving.Dispose();
        if (window is not null) await window.DisposeAsync();
    }
}
