using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Woohakdong.Core.Payments;

namespace Woohakdong.Web.Endpoints;

/// <summary>A student's own join orders under /v1; another student's order answers 404 ORDER_NOT_FOUND.</summary>
public static class OrdersApi
{
    /// <summary><c>errorCode</c> is the payment window's <c>error_code</c>, when it reported a failure.</summary>
    public sealed record ConfirmRequest([property: Required] string? MerchantUid, string? ImpUid, string? ErrorCode);

    public static void MapOrdersApi(this RouteGroupBuilder v1) =>
        v1.MapGroup("/orders").WithTags("Orders").RequireAuthorization().MapGet("/{orderId:long}", Get);

    private static async Task<Ok<OrderView>> Get(long orderId, MyOrders orders, CancellationToken ct) =>
        TypedResults.Ok(await orders.GetAsync(orderId, ct));

    public static async Task<Ok<OrderView>> Confirm(long groupId, ConfirmRequest request, MyOrders orders, CancellationToken ct) =>
        TypedResults.Ok(await orders.ConfirmAsync(groupId, request.MerchantUid!, request.ImpUid, request.ErrorCode, OrderCause.Api, ct));
}
