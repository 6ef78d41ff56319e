using System.Text.RegularExpressions;
using PhoneNumbers;
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

    /// <summary>
    /// Normalizes every field (<see cref="TextRules"/>; the phone as below); throws the first problem found. Empty fields
    /// are allowed (a profile fills in over time).
    /// </summary>
    public static ProfileInput Normalize(ProfileInput input)
    {
        var normalized = new ProfileInput(
            NormalizeName(input.Name),
            TextRules.Normalize(input.School, TextShape.SingleLine, "school"),
            TextRules.Normalize(input.Major, TextShape.SingleLine, "major"),
            TextRules.Normalize(input.StudentNumber, TextShape.SingleLine, "studentNumber"),
            TextRules.Normalize(input.Phone, TextShape.SingleLine, "phone"));
        MaxLength(normalized.School, SchoolMax, "school");
        MaxLength(normalized.Major, MajorMax, "major");
        if (normalized.StudentNumber.Length > 0 && !StudentNumberPattern().IsMatch(normalized.StudentNumber))
            throw AppException.Validation(ErrorCodes.StudentNumberInvalid, "studentNumber");
        return normalized with { Phone = NormalizePhone(normalized.Phone) };
    }

    /// <summary>The display name as every way into an account stores it (sign-up and the profile alike).</summary>
    public static string NormalizeName(string? name)
    {
        var normalized = TextRules.Normalize(name, TextShape.SingleLine, "name");
        MaxLength(normalized, NameMax, "name");
        return normalized;
    }

    /// <summary>
    /// A Korean mobile number ("010 1234 5678", "01012345678", "+82 10 1234 5678") is stored as officers read and dial it,
    /// 010-1234-5678; an exchange student's number, written with its country code, as E.164 (+14155552671). Korean
    /// numbers other than mobiles are refused, as before: a club texts its members.
    /// </summary>
    private static string NormalizePhone(string phone)
    {
        if (phone.Length == 0) return phone;
        var number = ParseOrNull(phone);
        if (number is null || !Phones.IsValidNumber(number)) throw AppException.Validation(ErrorCodes.PhoneInvalid, "phone");
        if (number.CountryCode != KoreaCountryCode) return Phones.Format(number, PhoneNumberFormat.E164);
        return Phones.GetNumberType(number) == PhoneNumberType.MOBILE
            ? Phones.Format(number, PhoneNumberFormat.NATIONAL)
            : throw AppException.Validation(ErrorCodes.PhoneInvalid, "phone");
    }

    private static PhoneNumber? ParseOrNull(string phone)
    {
        try
        {
            return Phones.Parse(phone, "KR");
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private const int KoreaCountryCode = 82;
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    private static void MaxLength(string value, int max, string field)
    {
        if (value.Length > max) throw AppException.Validation(ErrorCodes.ProfileFieldTooLong, field);
    }

    [GeneratedRegex(@"^[0-9A-Za-z-]{4,20}$")]
    private static partial Regex StudentNumberPattern();
}
