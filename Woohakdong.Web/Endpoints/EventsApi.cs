using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Woohakdong.Core.Common;
using Woohakdong.Core.Enrollment;
using Woohakdong.Core.Events;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Web.Endpoints;

/// <summary>Events under /v1: a club's events, the officers' editing, sign-ups through the seat engine, and 내 행사.</summary>
public static class EventsApi
{
    /// <summary>
    /// Times are instants (send them with an offset, e.g. <c>+09:00</c>); <c>capacity</c> and <c>fee</c> absent: unlimited and
    /// free. <c>status</c> on creation: DRAFT (the default) or PUBLISHED.
    /// </summary>
    public sealed record EventRequest(
        [property: Required] string? Title, string? Description, string? Place, [property: Required] DateTimeOffset? StartsAt,
        [property: Required] DateTimeOffset? EndsAt, int? Capacity, long? Fee, [property: Required] string? Audience,
        DateTimeOffset? SignupOpensAt, DateTimeOffset? SignupClosesAt, DateTimeOffset? CancelDeadline, string? Status)
    {
        public EventInput ToInput() => new(
            Title, Description, Place, StartsAt!.Value, EndsAt!.Value, Capacity, Fee,
            EnumNames.Parse<EventAudience>(Audience, "audience"), SignupOpensAt, SignupClosesAt, CancelDeadline);

        public bool Publish => EnumNames.ParseOrNull<EventStatus>(Status, "status") switch
        {
            null or EventStatus.Draft => false,
            EventStatus.Published => true,
            _ => throw AppException.Validation(ErrorCodes.InvalidInput, "status"),
        };
    }

    /// <summary><c>merchantUid</c> names a paid sign-up's order (generated when absent); a free one ignores it.</summary>
    public sealed record SignupRequest(string? MerchantUid);

    /// <summary><c>ticket</c>: the signed ticket a student's QR code carries (<c>checkInTicket</c> of <c>GET /v1/me/events</c>).</summary>
    public sealed record CheckInRequest(string? Ticket);

    public sealed record SignupConfirmed(long SignupId, SignupStatus Status);

    /// <summary><c>201</c> of joining the waitlist: my place in line, 1 being next.</summary>
    public sealed record WaitlistJoined(int Position);

    public sealed record SignupPendingPayment(long SignupId, SignupStatus Status, long OrderId, string MerchantUid, long Amount, DateTimeOffset HoldExpiresAt);

    public static void MapEventsApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/clubs/{clubId:long}/events", List).WithTags("Events");
        v1.MapPost("/clubs/{clubId:long}/events", Create).WithTags("Events").RequireAuthorization();
        v1.MapGet("/me/events", Mine).WithTags("Events").RequireAuthorization();
        v1.MapGet("/events/{eventId:long}", Get).WithTags("Events");
        var events = v1.MapGroup("/events/{eventId:long}").WithTags("Events").RequireAuthorization();
        events.MapPut("", Update);
        events.MapPost("/publish", Publish);
        events.MapPost("/cancel", Cancel);
        events.MapPost("/signups", SignUp);
        events.MapGet("/signups", Signups);
        events.MapDelete("/signups/me", CancelMine);
        events.MapPost("/waitlist", JoinWaitlist);
        events.MapGet("/waitlist", Waitlist);
        events.MapPost("/checkins", CheckIn);
    }

    private static async Task<Ok<IReadOnlyList<EventView>>> List(
        long clubId, DateTimeOffset? from, DateTimeOffset? to, EventService events, CancellationToken ct) =>
        TypedResults.Ok(await events.ListAsync(clubId, from, to, ct));

    private static async Task<Created<EventView>> Create(long clubId, EventRequest request, EventService events, CancellationToken ct)
    {
        var created = await events.CreateAsync(clubId, request.ToInput(), request.Publish, ct);
        return TypedResults.Created($"/v1/events/{created.EventId}", created);
    }

    private static async Task<Ok<EventView>> Get(long eventId, EventService events, CancellationToken ct) =>
        TypedResults.Ok(await events.GetAsync(eventId, ct));

    private static async Task<Ok<EventView>> Update(long eventId, EventRequest request, EventService events, CancellationToken ct) =>
        TypedResults.Ok(await events.UpdateAsync(eventId, request.ToInput(), ct));

    private static async Task<Ok<EventView>> Publish(long eventId, EventService events, CancellationToken ct) =>
        TypedResults.Ok(await events.PublishAsync(eventId, ct));

    private static async Task<Ok<EventView>> Cancel(long eventId, EventService events, CancellationToken ct) =>
        TypedResults.Ok(await events.CancelAsync(eventId, ct));

    /// <summary>As for joining, once this instance knows the event is full the rest of the crowd hears FULL without the seat engine.</summary>
    private static async Task<IResult> SignUp(
        long eventId, SignupRequest? request, SoldOutGroups soldOut, Problems problems, EventSignups signups, CancellationToken ct)
    {
        if (soldOut.IsFull(eventId) && await signups.SoldOutRefusalAsync(eventId, ct) is { } full) return problems.For(full);
        var started = await signups.SignUpAsync(eventId, request?.MerchantUid, ct);
        var location = $"/v1/events/{eventId}/signups/me";
        return started is { Status: SignupStatus.PendingPayment, OrderId: { } orderId, MerchantUid: { } merchantUid, Amount: { } amount, HoldExpiresAt: { } expires }
            ? TypedResults.Created(location, new SignupPendingPayment(started.SignupId, started.Status, orderId, merchantUid, amount, expires))
            : TypedResults.Created(location, new SignupConfirmed(started.SignupId, started.Status));
    }

    private static async Task<Ok<IReadOnlyList<EventAttendee>>> Signups(long eventId, EventSignups signups, CancellationToken ct) =>
        TypedResults.Ok(await signups.ListAsync(eventId, ct));

    private static async Task<Created<WaitlistJoined>> JoinWaitlist(long eventId, EventWaitlist waitlist, CancellationToken ct) =>
        TypedResults.Created("/v1/me/events", new WaitlistJoined(await waitlist.JoinAsync(eventId, ct)));

    private static async Task<Ok<IReadOnlyList<WaitlistPlace>>> Waitlist(long eventId, EventWaitlist waitlist, CancellationToken ct) =>
        TypedResults.Ok(await waitlist.ListAsync(eventId, ct));

    /// <summary>Gives back my sign-up (refunded when due), or my place in the waitlist, or the seat it offered me.</summary>
    private static async Task<NoContent> CancelMine(long eventId, EventSignups signups, CancellationToken ct)
    {
        await signups.CancelMineAsync(eventId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CheckedIn>> CheckIn(long eventId, CheckInRequest? request, CheckIns checkIns, CancellationToken ct) =>
        TypedResults.Ok(await checkIns.CheckInTicketAsync(eventId, request?.Ticket, ct));

    private static async Task<Ok<IReadOnlyList<MySignup>>> Mine(EventSignups signups, CancellationToken ct) =>
        TypedResults.Ok(await signups.MineAsync(ct));
}
