using Microsoft.AspNetCore.Http.HttpResults;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Joining;

namespace Woohakdong.Web.Endpoints;

/// <summary>The seed's joining endpoints: a club's current recruitment, its terms, and first-come-first-served joins.</summary>
public static class JoiningApi
{
    public sealed record GroupRequest(bool Recruiting, int SeatLimit, long Amount);

    /// <summary><c>merchantUid</c> belongs to paid joins, which the payment feature adds; a free join ignores it.</summary>
    public sealed record JoinRequest(string? MerchantUid);

    public static void MapJoiningApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/clubs/{clubId:long}/join", GetCurrent).WithTags("Joining");
        var groups = v1.MapGroup("/groups").WithTags("Joining").RequireAuthorization();
        groups.MapPut("/{groupId:long}", Update);
        groups.MapPost("/{groupId:long}/joins", Join);
    }

    private static async Task<Ok<JoinGroupView>> GetCurrent(long clubId, JoinGroupService groups, CancellationToken ct) =>
        TypedResults.Ok(await groups.GetCurrentAsync(clubId, ct));

    private static async Task<Ok<JoinGroupView>> Update(long groupId, GroupRequest request, JoinGroupService groups, CancellationToken ct) =>
        TypedResults.Ok(await groups.UpdateAsync(groupId, request.Recruiting, request.SeatLimit, request.Amount, ct));

    /// <summary>A paid group answers 409 PAYMENT_REQUIRED until the payment feature turns the join into a hold and an order.</summary>
    private static async Task<Created<Admission>> Join(long groupId, JoinRequest? request, SeatService seats, CancellationToken ct)
    {
        var admission = await seats.AdmitFreeAsync(groupId, ct);
        return TypedResults.Created($"/v1/memberships/{admission.MembershipId}", admission);
    }
}
