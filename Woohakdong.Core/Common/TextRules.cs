using System.Globalization;
using System.Text;

namespace Woohakdong.Core.Common;

/// <summary>Whether a text may hold line breaks (a description) or is one line (a name, a room).</summary>
public enum TextShape
{
    SingleLine,
    MultiLine,
}

/// <summary>
/// The one rule for user text entering the domain: normalized to NFC (so "한" typed as jamo and as one syllable are the
/// same name before any uniqueness check), CRLF → LF, trimmed; control characters (NUL, ESC, CR, TAB, …), bidi controls
/// (which make "gnp.exe" read as "exe.png") and lone surrogates are refused. A multi-line text keeps its '\n'.
/// </summary>
public static class TextRules
{
    /// <summary>False (and <paramref name="normalized"/> empty) when the text holds a refused character.</summary>
    public static bool TryNormalize(string? text, TextShape shape, out string normalized)
    {
        var value = text ?? "";
        if (shape == TextShape.MultiLine) value = value.Replace("\r\n", "\n");
        normalized = "";
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(value[i]) || IsRefused(value[i], shape)) return false;
        }
        normalized = value.Normalize(NormalizationForm.FormC).Trim();
        return true;
    }

    /// <summary>
    /// A search term as stored text is compared: NFC (a name typed with decomposed Hangul finds the stored one), trimmed,
    /// lower-cased. Refused characters are kept: they simply match nothing.
    /// </summary>
    public static string SearchTerm(string? query) => (query ?? "").Normalize(NormalizationForm.FormC).Trim().ToLowerInvariant();

    /// <summary>The normalized text, or a Validation refusal TEXT_CONTROL_CHARACTER naming <paramref name="field"/>.</summary>
    public static string Normalize(string? text, TextShape shape, string field) =>
        TryNormalize(text, shape, out var normalized) ? normalized : throw AppException.Validation(ErrorCodes.TextControlCharacter, field);

    private static bool IsRefused(char c, TextShape shape)
    {
        if (c == '\n') return shape == TextShape.SingleLine;
        return char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            || IsBidiControl(c);
    }

    /// <summary>Embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), marks (U+200E, U+200F, U+061C).</summary>
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
