using System.Globalization;
using System.Text;

namespace Woohakdong.Web.Endpoints;

/// <summary>
/// The one rule for a <c>returnUrl</c> (sign-in, sign-out, language switch): a plain path of this site, ready for a
/// Location header, or <c>/</c>. Non-ASCII paths (<c>/사진</c>) are kept and percent-encoded; anything a browser could
/// read as another site (<c>//host</c>, <c>/\host</c>, <c>/&lt;TAB&gt;/host</c>, which browsers strip to <c>//host</c>) or
/// that carries control or bidi-override characters, as given or once percent-decoded, falls back to <c>/</c>.
/// </summary>
public static class LocalReturnUrl
{
    public const string Home = "/";

    public static string Of(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !IsPlainLocalPath(returnUrl)) return Home;
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(returnUrl);
        }
        catch (UriFormatException)
        {
            return Home;
        }
        return IsPlainLocalPath(decoded) ? Encode(returnUrl) : Home;
    }

    private static bool IsPlainLocalPath(string path) =>
        path.Length > 0 && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal)
        && !path.Contains('\\') && path.EnumerateRunes().All(IsPlain);

    /// <summary>Control characters, line breaks, and format characters (bidi overrides, zero-width marks) are refused.</summary>
    private static bool IsPlain(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned)
        && rune != Rune.ReplacementChar;

    /// <summary>Header values are ASCII: everything outside printable ASCII (and the space) is percent-encoded as UTF-8.</summary>
    private static string Encode(string path)
    {
        var encoded = new StringBuilder(path.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in path.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7F)
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length]) encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}
