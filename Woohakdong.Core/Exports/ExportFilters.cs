using Woohakdong.Core.Common;

namespace Woohakdong.Core.Exports;

/// <summary>A screen's filter as the URL spells it (VICE_PRESIDENT, COMPLETED), the way /v1 reads enums: names only, never numbers.</summary>
internal static class ExportFilters
{
    public static T? ParseOrNull<T>(string? value, string field, string code) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return Enum.TryParse<T>(value.Replace("_", ""), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(value[0])
            ? parsed
            : throw AppException.Validation(code, field);
    }
}
