using System.Globalization;
using Microsoft.Extensions.Localization;
using Woohakdong.Core.Common;

namespace Woohakdong.Web.Components.Pages.Applications;

/// <summary>"모집 기간 3월 2일 ~ 3월 15일" and the countdown, in KST; a period closes at 24:00 of its last day.</summary>
public static class RecruitmentPeriod
{
    public static string? Text(IStringLocalizer<ApplicationsText> text, DateTimeOffset? opensAt, DateTimeOffset? closesAt) =>
        (opensAt, closesAt) switch
        {
            ({ } opens, { } closes) => text["Period", Day(opens), Day(closes.AddTicks(-1))].Value,
            ({ } opens, null) => text["PeriodFrom", Day(opens)].Value,
            (null, { } closes) => text["PeriodUntil", Day(closes.AddTicks(-1))].Value,
            _ => null,
        };

    public static string Countdown(IStringLocalizer<ApplicationsText> text, DateTimeOffset closesAt, DateTimeOffset now)
    {
        var left = closesAt - now;
        if (left < TimeSpan.Zero) left = TimeSpan.Zero;
        return text["Countdown", left.Days, left.Hours, left.Minutes];
    }

    private static string Day(DateTimeOffset at) =>
        at.ToKst().ToString(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ko" ? "M월 d일" : "MMM d", CultureInfo.CurrentUICulture);
}
