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
    [InlineData("", "")]
    public void Phone_numbers_are_stored_in_the_dashed_form(string phone, string expected)
    {
        Assert.Equal(expected, ProfileRules.Normalize(Valid with { Phone = phone }).Phone);
    }

    [Theory]
    [InlineData("02-123-4567")]
    [InlineData("010-1234-56")]
    [InlineData("010-1234-56789")]
    [InlineData("+82 10-1234-5678")]
    [InlineData("0201234567")]
    [InlineData("전화번호")]
    public void Phone_numbers_that_are_not_korean_mobiles_are_refused(string phone)
    {
        AssertRefused(Valid with { Phone = phone }, ErrorCodes.PhoneInvalid, "phone");
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
