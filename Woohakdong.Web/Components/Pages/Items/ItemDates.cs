using Woohakdong.Core.Common;

namespace Woohakdong.Web.Components.Pages.Items;

/// <summary>Dates and times of items and loans as Koreans read them: KST, year first.</summary>
public static class ItemDates
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");

    public static string Moment(DateTimeOffset at) => at.ToKst().ToString("yyyy-MM-dd HH:mm");
}
