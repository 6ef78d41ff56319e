using Woohakdong.Core.Accounts;
using Woohakdong.Core.Common;

namespace Woohakdong.Tests.Accounts;

public sealed class ProfileRulesTests
{
    private static readonly ProfileInput Valid = new("김학생", "우학대학교", "컴퓨터공학과", "20261234", "010-1234-5678");

    [Theory]
    [InlineData("010-1234-5678", "010-1234-5678")]
    [InlineData("01012345678", "010-1234-5678")]
    [InlineData("010 1234 5678", "010-1234-5678")]
    [InlineData(" 010.1234.5678 ", "010-1234-5678")]
    [InlineData("0111234567", "011-123-4567")]
    [InlineData("+82 10-1234-5678", "010-1234-5678")]
    [InlineData("+821012345678", "010-1234-5678")]
    [InlineData("", "")]
    public void Korean_mobile_numbers_are_stored_in_the_dashed_form(string phone, string expected)
    {
        Assert.Equal(expected, ProfileRules.Normalize(Valid with { Phone = phone }).Phone);
    }

    [Theory]
    [InlineData("02-123-4567")]
    [InlineData("010-1234-56")]
    [InlineData("010-1234-56789")]
    [InlineData("+82 2-123-4567")]
    [InlineData("0201234567")]
    [InlineData("전화번호")]
    [InlineData("+1 415 555 267")]
    [InlineData("+999 1234 5678")]
    [InlineData("4155552671")]
    public void Korean_numbers_other_than_mobiles_and_invalid_numbers_are_refused(string phone)
    {
        AssertRefused(Valid with { Phone = phone }, ErrorCodes.PhoneInvalid, "phone");
    }

    [Theory]
    [InlineData("+1 415 555 2671", "+14155552671")]
    [InlineData("+1 (415) 555-2671", "+14155552671")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("+86 139 1234 5678", "+8613912345678")]
    [InlineData("+81 90-1234-5678", "+819012345678")]
    public void International_numbers_are_accepted_and_stored_as_e164(string phone, string expected)
    {
        Assert.Equal(expected, ProfileRules.Normalize(Valid with { Phone = phone }).Phone);
    }

    [Theory]
    [InlineData("name", "김\u0000학생")]
    [InlineData("school", "우학\u202E대학교")]
    [InlineData("major", "컴퓨터\n공학과")]
    [InlineData("studentNumber", "2026\u001B1234")]
    [InlineData("phone", "010-1234-5678\u001B[2J")]
    public void Control_characters_in_any_profile_field_are_refused_naming_it(string field, string text)
    {
        var input = field switch
        {
            "name" => Valid with { Name = text },
            "school" => Valid with { School = text },
            "major" => Valid with { Major = text },
            "studentNumber" => Valid with { StudentNumber = text },
            _ => Valid with { Phone = text },
        };

        AssertRefused(input, ErrorCodes.TextControlCharacter, field);
    }

    [Theory]
    [InlineData(" 20261234 ", "20261234")]
    [InlineData("2026-12345", "2026-12345")]
    [InlineData("B2026A01", "B2026A01")]
    [InlineData("", "")]
    public void Student_numbers_are_trimmed(string studentNumber, string expected)
    {
        Assert.Equal(expected, ProfileRules.Normalize(Valid with { StudentNumber = studentNumber }).StudentNumber);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("2026 1234")]
    [InlineData("학번20261234")]
    [InlineData("123456789012345678901")]
    public void Malformed_student_numbers_are_refused(string studentNumber)
    {
        AssertRefused(Valid with { StudentNumber = studentNumber }, ErrorCodes.StudentNumberInvalid, "studentNumber");
    }

    [Fact]
    public void Text_fields_are_trimmed_and_may_be_left_empty()
    {
        var normalized = ProfileRules.Normalize(new ProfileInput("  김학생 ", "", " 컴퓨터공학과", "", ""));

        Assert.Equal(new ProfileInput("김학생", "", "컴퓨터공학과", "", ""), normalized);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("school")]
    [InlineData("major")]
    public void Overlong_text_fields_are_refused(string field)
    {
        var input = field switch
        {
            "name" => Valid with { Name = new string('가', ProfileRules.NameMax + 1) },
            "school" => Valid with { School = new string('가', ProfileRules.SchoolMax + 1) },
            _ => Valid with { Major = new string('가', ProfileRules.MajorMax + 1) },
        };

        AssertRefused(input, ErrorCodes.ProfileFieldTooLong, field);
    }

    private static void AssertRefused(ProfileInput input, string code, string field)
    {
        var error = Assert.Throws<AppException>(() => ProfileRules.Normalize(input));
        Assert.Equal((ErrorKind.Validation, code, field), (error.Kind, error.Code, error.Field));
    }
}
