using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Woohakdong.Core.Notifications.Email;

/// <summary>Who a mail goes to, and in which language.</summary>
public sealed record MailRecipient(string Address, string Name, CultureInfo Culture);

/// <summary>
/// A notification as an e-mail: the kind's title as subject (MimeKit encodes Hangul per RFC 2047), the body as plain
/// text and as simple HTML with one link, in the recipient's language.
/// </summary>
public sealed class EmailComposer(NotificationRenderer renderer, EmailLinks links, IOptions<MailOptions> options, TimeProvider time)
{
    public MimeMessage Compose(Notification notification, MailRecipient recipient)
    {
        var culture = recipient.Culture;
        var text = renderer.Render(notification, culture);
        var link = notification.Link is null ? null : links.To(notification.Link);
        var open = renderer.Action(notification.Kind, culture);
        var footer = renderer.Text(notification.Kind.IsAccountMail() ? "Email.AccountFooter" : "Email.Footer", culture);

        var body = new BodyBuilder
        {
            TextBody = string.Join("\n\n", new[] { text.Body, link is null ? null : $"{open}: {link.AbsoluteUri}", $"-- \n{footer}" }.OfType<string>()),
            HtmlBody = Html(text, link, open, footer, culture),
        };
        var message = new MimeMessage
        {
            Subject = text.Title,
            Body = body.ToMessageBody(),
            Date = time.GetUtcNow(),
        };
        message.From.Add(MailboxAddress.Parse(options.Value.From ?? MailOptions.DefaultFrom));
        message.To.Add(new MailboxAddress(recipient.Name, recipient.Address));
        // Lets a mail program (and a test) tell which notification a mail came from; a resend has the same id.
        message.MessageId = $"notification-{notification.Id}@woohakdong";
        return message;
    }

    private static string Html(RenderedNotification text, Uri? link, string open, string footer, CultureInfo culture)
    {
        var button = link is null ? "" : $"""
            <p><a href="{WebUtility.HtmlEncode(link.AbsoluteUri)}" style="display:inline-block;padding:10px 18px;background:#3f51b5;color:#fff;border-radius:6px;text-decoration:none">{WebUtility.HtmlEncode(open)}</a></p>
            <p style="color:#666;font-size:12px;word-break:break-all">{WebUtility.HtmlEncode(link.AbsoluteUri)}</p>
            """;
        return $"""
            <!DOCTYPE html>
            <html lang="{culture.TwoLetterISOLanguageName}"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(text.Title)}</title></head>
            <body style="font-family:sans-serif;line-height:1.6;color:#222;max-width:560px;margin:auto;padding:16px">
            <h1 style="font-size:18px">{WebUtility.HtmlEncode(text.Title)}</h1>
            <p>{WebUtility.HtmlEncode(text.Body)}</p>
            {button}
            <hr style="border:none;border-top:1px solid #ddd"><p style="color:#888;font-size:12px">{WebUtility.HtmlEncode(footer)}</p>
            </body></html>
            """;
    }
}
