namespace Woohakdong.Core.Exports;

/// <summary>A file name Windows accepts: its refused characters (\ / : * ? " &lt; &gt; | and control characters) become _, as do trailing dots and spaces.</summary>
public static class ExportFileNames
{
    private const int MaxStemLength = 120;

    public static string Of(string stem, string extension)
    {
        var chars = stem.Select(c => c is '\\' or '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsControl(c) ? '_' : c).ToArray();
        var safe = new string(chars).Trim();
        if (safe.Length > MaxStemLength) safe = safe[..MaxStemLength];
        safe = safe.TrimEnd('.', ' ');
        return $"{(safe.Length == 0 ? "export" : safe)}.{extension}";
    }
}
