using System.Text.RegularExpressions;
using Woohakdong.Core.Common;

namespace Woohakdong.Core.Accounts;

public sealed record ProfileInput(string Name, string School, string Major, string StudentNumber, string Phone);

public sealed record ProfileView(string Email, string Name, string School, string Major, string StudentNumber, string Phone, bool IsComplete);

/// <summary>Profile validation, shared by the profile page and <c>PUT /v1/me/profile</c>.</summary>
public static partial class ProfileRules
{
    public const int NameMax = 50;
    public const int SchoolMax = 60;
    public const int MajorMax = 60;
    public const int StudentNumberMax = 20;
    public const int PhoneMax = 20;

    /// <summary>Trims every field; throws the first problem found. Empty fields are allowed (a profile fills in over time).</summary>
    public static ProfileInput Normalize(ProfileInput input)
    {
        var normalized = new ProfileInput(
            input.Name?.Trim() ?? "", input.School?.Trim() ?? "", input.Major?.Trim() ?? "",
            input.StudentNumber?.Trim() ?? "", NormalizePhone(input.Phone));
        MaxLength(normalized.Name, NameMax, "name");
        MaxLength(normalized.School, SchoolMax, "school");
        MaxLength(normalized.Major, MajorMax, "major");
        if (normalized.StudentNumber.Length > 0 && !StudentNumberPattern().IsMatch(normalized.StudentNumber))
            throw AppException.Validation(ErrorCodes.StudentNumberInvalid, "studentNumber");
        if (normalized.Phone.Length > 0 && !PhonePattern().IsMatch(normalized.Phone))
            throw AppException.Validation(ErrorCodes.PhoneInvalid, "phone");
        return normalized;
    }

    /// <summary>"010 1234 5678", "01012345678" and "010-1234-5678" are the same number; store the dashed form.</summary>
    private static string NormalizePhone(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0) return (phone ?? "").Trim();
        return digits.Length switch
        {
            11 => $"{digits[..3]}-{digits[3..7]}-{digits[7..]}",
            10 => $"{digits[..3]}-{digits[3..6]}-{digits[6..]}",
            _ => (phone ?? "").Trim(),
        };
    }

    private static void MaxLength(string value, int max, string field)
    {
        if (value.Length > max) throw AppException.Validation(ErrorCodes.ProfileFieldTooLong, field);
    }

    [GeneratedRegex(@"^[0-9A-Za-z-]{4,20}$")]
    private static partial Regex StudentNumberPattern();

    [GeneratedRegex(@"^01[016789]-\d{3,4}-\d{4}$")]
    private static partial Regex PhonePattern();
}
