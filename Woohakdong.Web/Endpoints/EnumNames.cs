using System.Text.Json;
using Woohakdong.Core.Common;

namespace Woohakdong.Web.Endpoints;

/// <summary>Enums as /v1 spells them in queries and bodies: ON_LOAN, VICE_PRESIDENT, ….</summary>
public static class EnumNames
{
    /// <summary>ON_LOAN → OnLoan: the enum's JSON name without underscores, ignoring case; null for no value.</summary>
    public static T? ParseOrNull<T>(string? value, string field, string code = ErrorCodes.InvalidInput) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return Enum.TryParse<T>(value.Replace("_", ""), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(value[0])
            ? parsed
            : throw AppException.Validation(code, field);
    }

    public static T Parse<T>(string? value, string field, string code = ErrorCodes.InvalidInput) where T : struct, Enum =>
        ParseOrNull<T>(value, field, code) ?? throw AppException.Validation(code, field);

    /// <summary>VicePresident → VICE_PRESIDENT: the name /v1 writes (the enum's JSON name), for links that filter by it.</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value).Trim('"');
}
