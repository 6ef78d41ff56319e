using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Payments;

namespace Woohakdong.Web.Endpoints;

/// <summary>
/// The roster and payments under /v1, over the services the dashboard uses (<see cref="RosterService"/>,
/// <see cref="MemberManagement"/>, <see cref="ClubPayments"/>, <see cref="AdminRefund"/>), so every check is theirs.
/// </summary>
public static class RosterApi
{
    public sealed record RoleRequest([property: Required] string? Role);

    public sealed record HandoverRequest([property: Required] long? MemberId);

    public sealed record RefundRequest([property: Required] string? Reason);

    /// <summary>One member of the term; <c>memberId</c> is the membership's id, the one the other endpoints take.</summary>
    public sealed record MemberResponse(
        long MemberId, string Name, string StudentNumber, string School, string Major, string Phone, string Email, ClubRole Role,
        DateTimeOffset JoinedAt, bool Paid);

    public static void MapRosterApi(this RouteGroupBuilder v1)
    {
        var club = v1.MapGroup("/clubs/{clubId:long}").WithTags("Roster").RequireAuthorization();
        club.MapGet("/members", Members);
        club.MapPut("/members/{memberId:long}/role", ChangeRole);
        club.MapDelete("/members/{memberId:long}", Remove);
        club.MapPost("/handover", HandOver);
        club.MapGet("/payments", Payments);
        v1.MapPost("/orders/{orderId:long}/refund", Refund).WithTags("Roster").RequireAuthorization();
    }

    /// <summary><c>term</c> is a key (2026-1, the current term when empty); <c>role</c> a JSON name (OFFICER); <c>query</c> part of a name or e-mail.</summary>
    private static async Task<Ok<IReadOnlyList<MemberResponse>>> Members(
        long clubId, string? term, string? role, string? query, RosterService roster, CancellationToken ct)
    {
        var filter = new RosterQuery(term, query, EnumNames.ParseOrNull<ClubRole>(role, "role", ErrorCodes.RoleInvalid));
        var entries = await roster.GetAsync(clubId, filter, ct);
        return TypedResults.Ok<IReadOnlyList<MemberResponse>>([.. entries.Select(e => new MemberResponse(
            e.MembershipId, e.Name, e.StudentNumber, e.School, e.Major, e.Phone, e.Email, e.Role, e.JoinedAt, e.Paid))]);
    }

    private static async Task<NoContent> ChangeRole(
        long clubId, long memberId, RoleRequest request, MemberManagement management, CancellationToken ct)
    {
        await management.ChangeRoleAsync(clubId, memberId, EnumNames.Parse<ClubRole>(request.Role, "role", ErrorCodes.RoleInvalid), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Remove(long clubId, long memberId, MemberManagement management, CancellationToken ct)
    {
        await management.RemoveAsync(clubId, memberId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> HandOver(long clubId, HandoverRequest request, MemberManagement management, CancellationToken ct)
    {
        await management.HandOverPresidencyAsync(clubId, request.MemberId!.Value, ct);
        return TypedResults.NoContent();
    }

    /// <summary><c>term</c> is a key or <c>all</c>; <c>status</c> a JSON name (COMPLETED, REFUNDED, …).</summary>
    private static async Task<Ok<ClubPaymentList>> Payments(
        long clubId, string? term, string? status, ClubPayments payments, CancellationToken ct)
    {
        var allTerms = string.Equals(term, "all", StringComparison.OrdinalIgnoreCase);
        var parsedStatus = EnumNames.ParseOrNull<OrderStatus>(status, "status", ErrorCodes.PaymentStatusInvalid);
        return TypedResults.Ok(await payments.ListAsync(clubId, allTerms, allTerms ? null : term, parsedStatus, ct));
    }

    private static async Task<Ok<OrderView>> Refund(long orderId, RefundRequest request, AdminRefund refunds, CancellationToken ct) =>
        TypedResults.Ok(await refunds.RefundAsync(orderId, request.Reason!, ct));
}
