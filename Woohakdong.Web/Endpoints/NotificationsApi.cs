using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Woohakdong.Core.Common;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Web.Endpoints;

/// <summary>The caller's inbox and notification settings under /v1/me; another user's notification answers 404 NOTIFICATION_NOT_FOUND.</summary>
public static class NotificationsApi
{
    /// <summary>
    /// Both fields are required (<see cref="RequiredFields"/>); <c>email</c> maps kinds (PAYMENT_COMPLETED, …) to on or
    /// off, and a kind left out keeps its setting, so a client written before a new kind existed does not reset it.
    /// </summary>
    public sealed record SettingsRequest([property: Required] string? Language, [property: Required] Dictionary<string, bool>? Email)
    {
        public Dictionary<NotificationKind, bool> EmailByKind() => Email!.ToDictionary(
            entry => NotificationKinds.FromJsonName(entry.Key) ?? throw AppException.Validation(ErrorCodes.NotificationKindInvalid, "email"),
            entry => entry.Value);
    }

    /// <summary>How many notifications <c>read-all</c> marked: those unread when it ran, not any that arrived after.</summary>
    public sealed record ReadAllAnswer(int Marked);

    public static void MapNotificationsApi(this RouteGroupBuilder v1)
    {
        var me = v1.MapGroup("/me").WithTags("Notifications").RequireAuthorization();
        me.MapGet("/notifications", List);
        me.MapPost("/notifications/{notificationId:long}/read", MarkRead);
        me.MapPost("/notifications/read-all", MarkAllRead);
        me.MapGet("/notification-settings", GetSettings);
        me.MapPut("/notification-settings", ChangeSettings);
    }

    /// <summary>Newest first, at most <see cref="NotificationInbox.PageSize"/>, rendered in the request's language.</summary>
    private static async Task<Ok<IReadOnlyList<NotificationView>>> List(bool? unread, NotificationInbox inbox, CancellationToken ct) =>
        TypedResults.Ok(await inbox.ListAsync(unread ?? false, ct: ct));

    private static async Task<NoContent> MarkRead(long notificationId, NotificationInbox inbox, CancellationToken ct)
    {
        await inbox.MarkReadAsync(notificationId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ReadAllAnswer>> MarkAllRead(NotificationInbox inbox, CancellationToken ct) =>
        TypedResults.Ok(new ReadAllAnswer(await inbox.MarkAllReadAsync(ct)));

    private static async Task<Ok<NotificationSettingsView>> GetSettings(NotificationSettings settings, CancellationToken ct) =>
        TypedResults.Ok(await settings.GetAsync(ct));

    private static async Task<Ok<NotificationSettingsView>> ChangeSettings(
        SettingsRequest request, NotificationSettings settings, CancellationToken ct) =>
        TypedResults.Ok(await settings.ChangeAsync(request.Language, request.EmailByKind(), ct));
}
