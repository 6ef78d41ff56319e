using Woohakdong.Core.Common;
using Woohakdong.Core.Notifications.Email;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Web.Endpoints;

/// <summary>
/// The embedded default's outbox for a developer, in Development only: <c>GET /dev/mail</c> lists what was "sent"
/// (newest first, <c>?to=</c> filters by address) and <c>/dev/mail/{id}</c> shows one as its recipient would. With
/// SMTP configured the mail went to that server instead, and the list stays empty.
/// </summary>
public static class DevMailEndpoints
{
    private const int ListSize = 100;

    public static void MapDevMail(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return;
        var mail = app.MapGroup("/dev/mail").WithTags("Development").ExcludeFromDescription();
        mail.MapGet("/", async (string? to, LocalMailbox mailbox, CancellationToken ct) =>
            Results.Ok((await mailbox.ListAsync(string.IsNullOrWhiteSpace(to) ? null : to.Trim(), ListSize, ct))
                .Select(m => new { m.Id, m.To, m.Subject, m.Text, m.Html, m.SentAt })));
        mail.MapGet("/{id}", async (string id, LocalMailbox mailbox, Problems problems, CancellationToken ct) =>
            await mailbox.FindAsync(id, ct) is { } found
                ? Results.Content(found.Html, "text/html; charset=utf-8")
                : problems.For(StatusCodes.Status404NotFound, ErrorCodes.NotFound));
    }
}
