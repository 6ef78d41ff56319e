using System.Globalization;
using Woohakdong.Core.Common;

namespace Woohakdong.Web.Components.Shared;

/// <summary>Dates and times as Koreans read them, on every page: KST, year first, the same in every UI language.</summary>
public static class KstText
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at) => at.ToKst().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Moment(DateTimeOffset at) => at.ToKst().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
