using System.Globalization;

namespace Woohakdong.Core.Common;

/// <summary>The app's two languages: Korean first, English second.</summary>
public static class Languages
{
    public static readonly CultureInfo Korean = new("ko-KR");
    public static readonly CultureInfo English = new("en-US");

    /// <summary>The stored code of a culture ("ko" or "en").</summary>
    public static string CodeOf(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? "en" : "ko";

    /// <summary>The culture a stored code names; Korean for anything else.</summary>
    public static CultureInfo CultureOf(string? code) => string.Equals(code, "en", StringComparison.OrdinalIgnoreCase) ? English : Korean;
}
