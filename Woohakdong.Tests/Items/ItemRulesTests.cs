using Woohakdong.Core.Common;
using Woohakdong.Core.Items;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Items;

public sealed class ItemRulesTests
{
    private static ItemInput Valid(string name = "캐논 EOS R6", int maxLoanDays = 7, params string[] keys) =>
        new(name, ItemCategory.Digital, " 렌즈 포함 ", " 동아리방 사물함 3 ", maxLoanDays, keys.Length == 0 ? ["clubs/1/items/a.png"] : keys);

    [Fact]
    public void A_valid_item_comes_back_trimmed()
    {
        var valid = ItemRules.Validate(Valid(name: "  캐논 EOS R6  "));

        Assert.Equal(("캐논 EOS R6", "렌즈 포함", "동아리방 사물함 3"), (valid.Name, valid.Description, valid.Location));
    }

    [Theory]
    [InlineData("", ErrorCodes.ItemNameRequired)]
    [InlineData("   ", ErrorCodes.ItemNameRequired)]
    public void A_blank_name_is_refused(string name, string code) =>
        AssertRefused(Valid(name: name), code, "name");

    [Fact]
    public void A_name_of_100_characters_passes_and_101_is_refused()
    {
        ItemRules.Validate(Valid(name: new string('가', 100)));
        AssertRefused(Valid(name: new string('가', 101)), ErrorCodes.ItemNameTooLong, "name");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    [InlineData(-3)]
    public void Max_loan_days_outside_1_to_90_are_refused(int days) =>
        AssertRefused(Valid(maxLoanDays: days), ErrorCodes.LoanDaysInvalid, "maxLoanDays");

    [Theory]
    [InlineData(1)]
    [InlineData(90)]
    public void Max_loan_days_at_the_limits_pass(int days) => Assert.Equal(days, ItemRules.Validate(Valid(maxLoanDays: days)).MaxLoanDays);

    [Fact]
    public void No_image_or_eleven_images_are_refused()
    {
        AssertRefused(Valid() with { ImageKeys = [] }, ErrorCodes.ImageCountInvalid, "imageKeys");
        AssertRefused(Valid() with { ImageKeys = [.. Enumerable.Range(0, 11).Select(i => $"k{i}.png")] }, ErrorCodes.ImageCountInvalid, "imageKeys");
        Assert.Equal(10, ItemRules.Validate(Valid() with { ImageKeys = [.. Enumerable.Range(0, 10).Select(i => $"k{i}.png")] }).ImageKeys.Count);
    }

    [Fact]
    public void The_same_key_twice_is_refused_naming_it() =>
        AssertRefused(Valid(keys: ["a.png", "b.png", "a.png"]), ErrorCodes.ImageRepeated, "a.png");

    [Fact]
    public void An_undefined_category_or_a_long_location_is_refused()
    {
        AssertRefused(Valid() with { Category = (ItemCategory)42 }, ErrorCodes.InvalidInput, "category");
        AssertRefused(Valid() with { Location = new string('a', 101) }, ErrorCodes.LocationTooLong, "location");
        AssertRefused(Valid() with { Description = new string('a', 2001) }, ErrorCodes.ItemDescriptionTooLong, "description");
    }

    [Fact]
    public void Due_date_adds_the_max_days_to_the_borrowing_day_and_overdue_starts_the_day_after()
    {
        var due = ItemRules.DueOn(new DateOnly(2026, 2, 25), 7);

        Assert.Equal(new DateOnly(2026, 3, 4), due);
        Assert.False(ItemRules.IsOverdue(due, new DateOnly(2026, 3, 4)));
        Assert.True(ItemRules.IsOverdue(due, new DateOnly(2026, 3, 5)));
    }

    [Fact]
    public void A_loan_outranks_the_repair_flag_in_the_status()
    {
        var today = new DateOnly(2026, 4, 10);

        Assert.Equal(ItemStatus.Available, ItemRules.StatusOf(false, null, today));
        Assert.Equal(ItemStatus.Unavailable, ItemRules.StatusOf(true, null, today));
        Assert.Equal(ItemStatus.OnLoan, ItemRules.StatusOf(true, today, today));
        Assert.Equal(ItemStatus.Overdue, ItemRules.StatusOf(false, today.AddDays(-1), today));
    }

    private static void AssertRefused(ItemInput input, string code, string field)
    {
        var error = Assert.Throws<AppException>(() => ItemRules.Validate(input));
        Assert.Equal((ErrorKind.Validation, code, field), (error.Kind, error.Code, error.Field));
    }
}
