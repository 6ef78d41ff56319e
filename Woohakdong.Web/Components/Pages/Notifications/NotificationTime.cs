using System.Globalization;
using Humanizer;
using Woohakdong.Web.Components.Shared;

namespace Woohakdong.Web.Components.Pages.Notifications;

/// <summary>When a notification came: "3분 전" in the page's language, and the exact KST moment for its tooltip.</summary>
public static class NotificationTime
{
    public static string Relative(DateTimeOffset at, DateTimeOffset now) =>
        (at > now ? now : at).Humanize(now, CultureInfo.CurrentUICulture);

    public static string Exact(DateTimeOffset at) => KstText.Moment(at);
}
