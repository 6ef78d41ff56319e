using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Notifications;

public sealed record RenderedNotification(string Title, string Body);

/// <summary>
/// A notification's title and body in a given language: the kind's texts with its parameters filled in, formatted by
/// key (<see cref="NotificationDraft"/>): amounts as ₩15,000, times in KST, role names and the system's refund reasons in that language.
/// </summary>
public sealed partial class NotificationRenderer(IStringLocalizer<NotificationText> text)
{
    public RenderedNotification Render(NotificationKind kind, string parameters, CultureInfo culture)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(parameters) ?? [];
        var variant = values.GetValueOrDefault(NotificationDraft.VariantKey);
        return InCulture(culture, () => new RenderedNotification(
            Fill(Template(kind, variant, "Title"), values), Fill(Template(kind, variant, "Body"), values)));
    }

    public RenderedNotification Render(Notification notification, CultureInfo culture) =>
        Render(notification.Kind, notification.Parameters, culture);

    /// <summary>A text of the e-mail frame or a kind's settings label (<c>Email.Open</c>, <c>Kind.ItemOverdue</c>) in <paramref name="culture"/>.</summary>
    public string Text(string key, CultureInfo culture) => InCulture(culture, () => text[key].Value);

    /// <summary>The e-mail's button: the kind's own action (<c>PasswordReset.Action</c>) when it has one, else "open in the app".</summary>
    public string Action(NotificationKind kind, CultureInfo culture) => InCulture(culture, () =>
        text[$"{kind}.Action"] is { ResourceNotFound: false } action ? action.Value : text["Email.Open"].Value);

    /// <summary>The variant's text (<c>RefundMade.Ticket.Body</c>) when it has one, else the kind's (<c>RefundMade.Body</c>).</summary>
    private string Template(NotificationKind kind, string? variant, string part) =>
        variant is not null && text[$"{kind}.{variant}.{part}"] is { ResourceNotFound: false } own ? own : text[$"{kind}.{part}"];

    private string Fill(string template, Dictionary<string, string> values) =>
        Placeholder().Replace(template, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? Format(match.Groups[1].Value, value)
            : match.Value);

    private string Format(string key, string value)
    {
        if (key == "amount" && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var won))
            return "₩" + won.ToString("N0", CultureInfo.InvariantCulture);
        if (key == "role") return text[$"Role.{value}"];
        // The system's own refund reasons are codes (RefundReasons); an officer's reason is their own words.
        if (key == "reason" && text[$"Reason.{value}"] is { ResourceNotFound: false } reason) return reason;
        if (key.EndsWith("At", StringComparison.Ordinal)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
            return at.ToOffset(KoreanTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return value;
    }

    // The localizer reads the current UI culture; an e-mail is rendered in its recipient's, not the worker's.
    private static T InCulture<T>(CultureInfo culture, Func<T> render)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return render();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
