using System.Linq.Expressions;
using Woohakdong.Core.Common;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core.Items;

/// <summary>What an officer submits to register or edit an item; <see cref="ImageKeys"/> in display order.</summary>
public sealed record ItemInput(
    string Name, ItemCategory Category, string Description, string Location, int MaxLoanDays, IReadOnlyList<string> ImageKeys);

/// <summary>The limits of an item, checked before anything is read from storage or written.</summary>
public static class ItemRules
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 2000;
    public const int LocationMaxLength = 100;
    public const int MinLoanDays = 1;
    public const int MaxLoanDays = 90;
    public const int MaxImages = ImageUploadService.MaxImages;

    /// <summary>The input with its text normalized (<see cref="TextRules"/>), or a refusal naming the first field at fault.</summary>
    public static ItemInput Validate(ItemInput input)
    {
        var normalized = input with
        {
            Name = TextRules.Normalize(input.Name, TextShape.SingleLine, "name"),
            Description = TextRules.Normalize(input.Description, TextShape.MultiLine, "description"),
            Location = TextRules.Normalize(input.Location, TextShape.SingleLine, "location"),
            ImageKeys = [.. (input.ImageKeys ?? []).Select(key => (key ?? "").Trim())],
        };
        if (normalized.Name.Length == 0) throw AppException.Validation(ErrorCodes.ItemNameRequired, "name");
        if (normalized.Name.Length > NameMaxLength) throw AppException.Validation(ErrorCodes.ItemNameTooLong, "name");
        if (!Enum.IsDefined(normalized.Category)) throw AppException.Validation(ErrorCodes.InvalidInput, "category");
        if (normalized.Description.Length > DescriptionMaxLength) throw AppException.Validation(ErrorCodes.ItemDescriptionTooLong, "description");
        if (normalized.Location.Length > LocationMaxLength) throw AppException.Validation(ErrorCodes.LocationTooLong, "location");
        if (normalized.MaxLoanDays is < MinLoanDays or > MaxLoanDays) throw AppException.Validation(ErrorCodes.LoanDaysInvalid, "maxLoanDays");
        if (normalized.ImageKeys.Count is < 1 or > MaxImages) throw AppException.Validation(ErrorCodes.ImageCountInvalid, "imageKeys");
        if (normalized.ImageKeys.FirstOrDefault(key => key.Length == 0) is not null)
            throw AppException.Validation(ErrorCodes.InvalidInput, "imageKeys");
        var repeated = normalized.ImageKeys.GroupBy(key => key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw AppException.Validation(ErrorCodes.ImageRepeated, repeated.Key);
        return normalized;
    }

    /// <summary>The last day of a loan starting on <paramref name="borrowedOn"/> (a KST date).</summary>
    public static DateOnly DueOn(DateOnly borrowedOn, int maxLoanDays) => borrowedOn.AddDays(maxLoanDays);

    /// <summary>Overdue once the due day has passed in KST: kept through the whole due day is still on time.</summary>
    public static bool IsOverdue(DateOnly dueOn, DateOnly today) => today > dueOn;

    /// <summary><see cref="IsOverdue"/> for the database: the open loans overdue on <paramref name="today"/>.</summary>
    public static Expression<Func<ItemLoan, bool>> OverdueOn(DateOnly today) => loan => loan.ReturnedAt == null && loan.DueOn < today;

    public static ItemStatus StatusOf(bool unavailable, DateOnly? openLoanDueOn, DateOnly today) => openLoanDueOn switch
    {
        { } due when IsOverdue(due, today) => ItemStatus.Overdue,
        not null => ItemStatus.OnLoan,
        _ when unavailable => ItemStatus.Unavailable,
        _ => ItemStatus.Available,
    };
}
