namespace Woohakdong.Core.Items;

/// <summary>Filters of a club's item list. <see cref="ItemStatus.OnLoan"/> lists every item out on loan, overdue ones included.</summary>
public sealed record ItemQuery(ItemCategory? Category = null, ItemStatus? Status = null, string? Search = null);

/// <summary>A row of the item list; <see cref="ThumbnailUrl"/> is a presigned GET URL of the first image.</summary>
public sealed record ItemSummary(
    long Id, string Name, ItemCategory Category, string Location, int MaxLoanDays, ItemStatus Status, DateOnly? DueOn, string? ThumbnailUrl);

public sealed record ItemImageView(string Key, string Url);

/// <summary>An item with all its images (presigned GET URLs, in order) and its loans, newest first.</summary>
public sealed record ItemDetail(
    long Id, long ClubId, string Name, ItemCategory Category, string Description, string Location, int MaxLoanDays,
    bool Unavailable, ItemStatus Status, IReadOnlyList<ItemImageView> Images, IReadOnlyList<LoanView> Loans);

/// <summary>
/// One loan. <see cref="DueOn"/> is a KST date; <see cref="IsOverdue"/> holds while it is not returned after that day.
/// <see cref="ReturnPhotoUrl"/> is a presigned GET URL of the photo taken at the return, if any.
/// </summary>
public sealed record LoanView(
    long LoanId, long ItemId, string ItemName, Guid BorrowerId, string BorrowerName, DateTimeOffset BorrowedAt, DateOnly DueOn,
    DateTimeOffset? ReturnedAt, bool IsOverdue, string? ReturnPhotoUrl);

/// <summary>
/// A loan of the caller's that is past due, in any club: the dashboard's notice. <see cref="ClubEnglishName"/> makes
/// the link to the item's page.
/// </summary>
public sealed record MyOverdueLoan(
    long LoanId, long ClubId, string ClubName, string ClubEnglishName, long ItemId, string ItemName, DateOnly DueOn, int DaysOverdue);
