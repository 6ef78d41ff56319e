using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Joining;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Web.Endpoints;

/// <summary>The seed's joining endpoints: a club's current recruitment, its terms, and first-come-first-served joins.</summary>
public static class JoiningApi
{
    /// <summary>Every field is required (<see cref="RequiredFields"/>): a PUT without <c>recruiting</c> must not close recruitment.</summary>
    public sealed record GroupRequest([property: Required] bool? Recruiting, [property: Required] int? SeatLimit, [property: Required] long? Amount);

    /// <summary><c>merchantUid</c> names a paid join's order (generated when absent); a free join ignores it.</summary>
    public sealed record JoinRequest(string? MerchantUid);

    public static void MapJoiningApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/clubs/{clubId:long}/join", GetCurrent).WithTags("Joining");
        var groups = v1.MapGroup("/groups").WithTags("Joining").RequireAuthorization();
        groups.MapPut("/{groupId:long}", Update);
        groups.MapPost("/{groupId:long}/joins", Join);
        groups.MapPost("/{groupId:long}/joins/confirm", OrdersApi.Confirm);
    }

    private static async Task<Ok<JoinGroupView>> GetCurrent(long clubId, JoinGroupService groups, CancellationToken ct) =>
        TypedResults.Ok(await groups.GetCurrentAsync(clubId, ct));

    private static async Task<Ok<JoinGroupView>> Update(long groupId, GroupRequest request, JoinGroupService groups, CancellationToken ct) =>
        TypedResults.Ok(await groups.UpdateAsync(groupId, request.Recruiting!.Value, request.SeatLimit!.Value, request.Amount!.Value, ct));

    /// <summary>
    /// A free group admits at once; a paid one answers PAYMENT_REQUIRED after the same checks, and then the join
    /// becomes an order whose seat is held while the student pays. Once this instance knows the group is full, the rest
    /// of the crowd is answered FULL from memory: the same answer the service would give, without its exception
    /// travelling through the pipeline to the exception handler, which made it cost several trivial requests.
    /// </summary>
    private static async Task<IResult> Join(
        long groupId, JoinRequest? request, SoldOutGroups soldOut, Problems problems, SeatService seats, StartPaidJoin paidJoins,
        CancellationToken ct)
    {
        if (soldOut.IsFull(groupId)) return problems.For(AppException.Conflict(ErrorCodes.Full));
        try
        {
            var admission = await seats.AdmitFreeAsync(groupId, ct);
            return TypedResults.Created($"/v1/memberships/{admission.MembershipId}", admission);
        }
        catch (AppException refusal) when (refusal.Code == ErrorCodes.PaymentRequired)
        {
            var started = await paidJoins.StartAsync(groupId, request?.MerchantUid, ct);
            return TypedResults.Created($"/v1/orders/{started.OrderId}", started);
        }
    }
}
