using Microsoft.AspNetCore.Components;
using Woohakdong.Core.Common;
using Woohakdong.Core.Payments;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Web.Components.Pages.Payments;

/// <summary>
/// Shared by the result page and the mobile return page. A webhook or the reconciler settling the order re-renders it
/// through <see cref="OrderStatusNotifier"/>: pushed to the circuit, no polling.
/// </summary>
public partial class OrderStatusCard(MyOrders orders, OrderStatusNotifier notifier) : IDisposable
{
    private MyOrder? order;
    private bool notFound;
    private IDisposable? watching;
    private long watchedOrderId;

    [Parameter, EditorRequired] public long OrderId { get; set; }

    private string ClubHref => $"/clubs/{order!.ClubEnglishName}";

    protected override async Task OnParametersSetAsync()
    {
        if (watchedOrderId != OrderId)
        {
            // Watch before reading, so a move committed in between is not missed.
            watching?.Dispose();
            watchedOrderId = OrderId;
            watching = notifier.Watch(OrderId, _ => InvokeAsync(ReloadAsync));
        }
        await LoadAsync();
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        try
        {
            order = await orders.DescribeAsync(OrderId);
            notFound = false;
        }
        catch (AppException refusal) when (refusal.Code == ErrorCodes.OrderNotFound)
        {
            order = null;
            notFound = true;
        }
    }

    public void Dispose() => watching?.Dispose();
}
