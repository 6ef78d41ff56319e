using System.Text;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Core.Items;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Common;

public sealed class TextRulesTests
{
    public static TheoryData<string> Refused => new()
    {
        "a\u0000b", "a\u001Bb", "a\u007Fb", "a\u0085b", "a\tb", "a\rb", "a\u2028b", "a\u2029b",
        "a\u202Ab", "a\u202Bb", "a\u202Cb", "a\u202Db", "a\u202Eb", "a\u2066b", "a\u2067b", "a\u2068b", "a\u2069b",
        "a\u200Eb", "a\u200Fb", "a\u061Cb",
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Control_bidi_and_broken_characters_are_refused_in_any_text(string text)
    {
        Assert.False(TextRules.TryNormalize(text, TextShape.SingleLine, out _));
        Assert.False(TextRules.TryNormalize(text, TextShape.MultiLine, out _));
    }

    /// <summary>Not theory data: a lone surrogate does not survive the test runner's serialization.</summary>
    [Fact]
    public void Lone_surrogates_are_refused_and_pairs_pass()
    {
        foreach (var broken in new[] { "a\uD800b", "a\uDC00b", "a\uD800", "\uDC00\uD800" })
            Assert.False(TextRules.TryNormalize(broken, TextShape.SingleLine, out _), broken);
        Assert.Equal("사진 📷", TextRules.Normalize("사진 📷", TextShape.SingleLine, "name"));
    }

    [Fact]
    public void A_line_break_is_refused_on_one_line_and_kept_in_multi_line_text_with_crlf_made_lf()
    {
        Assert.False(TextRules.TryNormalize("첫 줄\n둘째 줄", TextShape.SingleLine, out _));
        Assert.False(TextRules.TryNormalize("첫 줄\r\n둘째 줄", TextShape.SingleLine, out _));

        Assert.True(TextRules.TryNormalize(" 첫 줄\r\n둘째 줄\n\n셋째 줄 \n", TextShape.MultiLine, out var kept));
        Assert.Equal("첫 줄\n둘째 줄\n\n셋째 줄", kept);
    }

    [Fact]
    public void Text_is_trimmed_and_composed_to_nfc()
    {
        var decomposed = "  우학동 사진부 ".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("우학동 사진부".Length, decomposed.Trim().Length);

        Assert.Equal("우학동 사진부", TextRules.Normalize(decomposed, TextShape.SingleLine, "name"));
    }

    [Theory]
    [InlineData("👩‍👩‍👧 family")]
    [InlineData("العربية")]
    [InlineData("Café résumé")]
    [InlineData("")]
    public void Ordinary_text_in_any_script_with_emoji_and_joiners_passes(string text) =>
        Assert.Equal(text, TextRules.Normalize(text, TextShape.SingleLine, "name"));

    [Fact]
    public void A_refusal_names_the_field_with_the_text_code()
    {
        var error = Assert.Throws<AppException>(() => TextRules.Normalize("사진\u202Egnp.exe", TextShape.SingleLine, "room"));

        Assert.Equal((ErrorKind.Validation, ErrorCodes.TextControlCharacter, "room"), (error.Kind, error.Code, error.Field));
    }

    /// <summary>Every rule that takes user text applies the one text rule, to every text field, naming it.</summary>
    [Theory]
    [InlineData("club", "name")]
    [InlineData("club", "englishName")]
    [InlineData("club", "description")]
    [InlineData("club", "room")]
    [InlineData("club", "chatLink")]
    [InlineData("item", "name")]
    [InlineData("item", "description")]
    [InlineData("item", "location")]
    [InlineData("profile", "name")]
    [InlineData("profile", "school")]
    [InlineData("profile", "major")]
    public void Every_text_field_of_the_domain_refuses_a_right_to_left_override(string rule, string field)
    {
        const string text = "a\u202Eb";
        Action validate = (rule, field) switch
        {
            ("club", "name") => () => ClubRules.Validate(ClubInputs.Valid() with { Name = text }),
            ("club", "englishName") => () => ClubRules.Validate(ClubInputs.Valid() with { EnglishName = text }),
            ("club", "description") => () => ClubRules.Validate(ClubInputs.Valid() with { Description = text }),
            ("club", "room") => () => ClubRules.Validate(ClubInputs.Valid() with { Room = text }),
            ("club", _) => () => ClubRules.Validate(ClubInputs.Valid() with { ChatLink = text }),
            ("item", "name") => () => ItemRules.Validate(Item() with { Name = text }),
            ("item", "description") => () => ItemRules.Validate(Item() with { Description = text }),
            ("item", _) => () => ItemRules.Validate(Item() with { Location = text }),
            (_, "name") => () => ProfileRules.Normalize(Profile() with { Name = text }),
            (_, "school") => () => ProfileRules.Normalize(Profile() with { School = text }),
            _ => () => ProfileRules.Normalize(Profile() with { Major = text }),
        };

        var error = Assert.Throws<AppException>(validate);

        Assert.Equal((ErrorCodes.TextControlCharacter, field), (error.Code, error.Field));
    }

    [Fact]
    public void Club_form_checks_report_the_text_problem_beside_the_others()
    {
        var (_, problems) = ClubRules.Check(ClubInputs.Valid() with { Name = "사진\u0000부", Room = "학생회관\n304호", Fee = -1 });

        Assert.Equal(
            [new ClubProblem("name", ErrorCodes.TextControlCharacter), new ClubProblem("room", ErrorCodes.TextControlCharacter), new ClubProblem("fee", ErrorCodes.FeeNegative)],
            problems);
    }

    [Fact]
    public void A_club_name_and_an_item_location_typed_as_decomposed_jamo_are_stored_composed()
    {
        var club = ClubRules.Validate(ClubInputs.Valid() with { Name = "우학동 사진부".Normalize(NormalizationForm.FormD) });
        var item = ItemRules.Validate(Item() with { Location = "동아리방".Normalize(NormalizationForm.FormD) });

        Assert.Equal(("우학동 사진부", "동아리방"), (club.Name, item.Location));
    }

    [Fact]
    public void A_multi_line_club_description_keeps_its_lines()
    {
        var club = ClubRules.Validate(ClubInputs.Valid() with { Description = "매주 목요일 출사\r\n회비 1만원" });

        Assert.Equal("매주 목요일 출사\n회비 1만원", club.Description);
    }

    private static ItemInput Item() => new("캐논 EOS R6", ItemCategory.Digital, "렌즈 포함", "동아리방", 7, ["clubs/1/items/a.png"]);

    private static ProfileInput Profile() => new("김학생", "우학대학교", "컴퓨터공학과", "20261234", "010-1234-5678");
}
