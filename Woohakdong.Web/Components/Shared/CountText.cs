using Microsoft.Extensions.Localization;

namespace Woohakdong.Web.Components.Shared;

public static class CountText
{
    /// <summary>
    /// A text about <paramref name="count"/> things: "<paramref name="key"/>_One" when there is one and the language has
    /// such a text ("1 seat left"), otherwise <paramref name="key"/> ("3 seats left"; Korean needs no singular).
    /// </summary>
    public static LocalizedString Count(this IStringLocalizer text, string key, int count) =>
        count == 1 && text[$"{key}_One", count] is { ResourceNotFound: false } one ? one : text[key, count];
}
