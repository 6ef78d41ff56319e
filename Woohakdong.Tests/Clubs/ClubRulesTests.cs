using Woohakdong.Core.Clubs;
using Woohakdong.Core.Common;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Clubs;

public sealed class ClubRulesTests
{
    private static readonly ClubInput Valid = ClubInputs.Valid();

    [Fact]
    public void A_valid_club_has_no_problems_and_is_trimmed()
    {
        var (normalized, problems) = ClubRules.Check(Valid with { Name = "  우학동 사진부 ", Room = " 304호 " });

        Assert.Empty(problems);
        Assert.Equal("우학동 사진부", normalized.Name);
        Assert.Equal("304호", normalized.Room);
    }

    [Theory]
    [InlineData("Photo", "photo")]
    [InlineData("  PHOTO-Club2 ", "photo-club2")]
    [InlineData("abc", "abc")]
    [InlineData("a-b", "a-b")]
    public void English_names_are_normalised_to_trimmed_lower_case(string englishName, string expected)
    {
        var (normalized, problems) = ClubRules.Check(Valid with { EnglishName = englishName });

        Assert.Empty(problems);
        Assert.Equal(expected, normalized.EnglishName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("photo club")]
    [InlineData("-photo")]
    [InlineData("photo-")]
    [InlineData("photo_club")]
    [InlineData("사진부")]
    [InlineData("photo.club")]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmno")]
    public void Bad_english_names_are_refused(string englishName)
    {
        AssertOnlyProblem(Valid with { EnglishName = englishName }, "englishName", ErrorCodes.EnglishNameInvalid);
    }

    [Fact]
    public void An_english_name_of_forty_characters_is_accepted()
    {
        Assert.Empty(ClubRules.Check(Valid with { EnglishName = new string('a', ClubRules.EnglishNameMax) }).Problems);
    }

    public static TheoryData<string, string, string> OneBadField => new()
    {
        { "empty name", "name", ErrorCodes.NameRequired },
        { "blank name", "name", ErrorCodes.NameRequired },
        { "51-character name", "name", ErrorCodes.NameTooLong },
        { "overlong description", "description", ErrorCodes.DescriptionTooLong },
        { "overlong room", "room", ErrorCodes.RoomTooLong },
        { "chat link without scheme", "chatLink", ErrorCodes.ChatLinkInvalid },
        { "javascript chat link", "chatLink", ErrorCodes.ChatLinkInvalid },
        { "ftp chat link", "chatLink", ErrorCodes.ChatLinkInvalid },
        { "negative fee", "fee", ErrorCodes.FeeNegative },
        { "fee over the maximum", "fee", ErrorCodes.FeeTooHigh },
        { "seat limit 0", "seatLimit", ErrorCodes.SeatLimitInvalid },
        { "negative seat limit", "seatLimit", ErrorCodes.SeatLimitInvalid },
        { "seat limit over the maximum", "seatLimit", ErrorCodes.SeatLimitInvalid },
    };

    [Theory]
    [MemberData(nameof(OneBadField))]
    public void Each_bad_field_is_named_with_its_code(string badInput, string field, string code)
    {
        AssertOnlyProblem(Spoil(badInput), field, code);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_validate_throws_the_first()
    {
        var input = Valid with { Name = "", EnglishName = "-bad", Fee = -1, SeatLimit = 0 };

        Assert.Equal(
            [new("name", ErrorCodes.NameRequired), new("englishName", ErrorCodes.EnglishNameInvalid),
             new("fee", ErrorCodes.FeeNegative), new ClubProblem("seatLimit", ErrorCodes.SeatLimitInvalid)],
            ClubRules.Check(input).Problems);
        var error = Assert.Throws<AppException>(() => ClubRules.Validate(input));
        Assert.Equal((ErrorKind.Validation, ErrorCodes.NameRequired, "name"), (error.Kind, error.Code, error.Field));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(ClubRules.FeeMax)]
    public void Free_and_maximum_fees_are_accepted(long fee)
    {
        Assert.Empty(ClubRules.Check(Valid with { Fee = fee }).Problems);
    }

    [Fact]
    public void An_empty_chat_link_is_allowed()
    {
        Assert.Empty(ClubRules.Check(Valid with { ChatLink = "  " }).Problems);
    }

    private static ClubInput Spoil(string badInput) => badInput switch
    {
        "empty name" => Valid with { Name = "" },
        "blank name" => Valid with { Name = "   " },
        "51-character name" => Valid with { Name = new string('가', ClubRules.NameMax + 1) },
        "overlong description" => Valid with { Description = new string('a', ClubRules.DescriptionMax + 1) },
        "overlong room" => Valid with { Room = new string('a', ClubRules.RoomMax + 1) },
        "chat link without scheme" => Valid with { ChatLink = "open.kakao.com/o/photo" },
        "javascript chat link" => Valid with { ChatLink = "javascript:alert(1)" },
        "ftp chat link" => Valid with { ChatLink = "ftp://example.com/photo" },
        "negative fee" => Valid with { Fee = -1 },
        "fee over the maximum" => Valid with { Fee = ClubRules.FeeMax + 1 },
        "seat limit 0" => Valid with { SeatLimit = 0 },
        "negative seat limit" => Valid with { SeatLimit = -5 },
        "seat limit over the maximum" => Valid with { SeatLimit = ClubRules.SeatLimitMax + 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(badInput)),
    };

    private static void AssertOnlyProblem(ClubInput input, string field, string code) =>
        Assert.Equal([new ClubProblem(field, code)], ClubRules.Check(input).Problems);
}
