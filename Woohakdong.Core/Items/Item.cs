using Woohakdong.Core.Data;

namespace Woohakdong.Core.Items;

/// <summary>
/// A thing a club lends to its members (물품). Deleting only sets <see cref="DeletedAt"/>: the item leaves every
/// list, while its loans stay in the members' history.
/// </summary>
public sealed class Item : IAuditable
{
    public long Id { get; set; }
    public long ClubId { get; set; }
    public string Name { get; set; } = "";
    public ItemCategory Category { get; set; }
    public string Description { get; set; } = "";
    public string Location { get; set; } = "";
    public int MaxLoanDays { get; set; }
    /// <summary>Out of service (under repair, lost): members cannot borrow it.</summary>
    public bool Unavailable { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public List<ItemImage> Images { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>One of an item's pictures, in display order (<see cref="Position"/> 0 is the thumbnail).</summary>
public sealed class ItemImage
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public required string Key { get; set; }
    public int Position { get; set; }
}

/// <summary>
/// One borrowing. At most one loan per item is open (<see cref="ReturnedAt"/> null), which a filtered unique index
/// enforces, so two members borrowing at once cannot both win. The loan's own columns are its audit trail.
/// </summary>
public sealed class ItemLoan
{
    public long Id { get; set; }
    public long ItemId { get; set; }
    public Guid BorrowerId { get; set; }
    public DateTimeOffset BorrowedAt { get; set; }
    /// <summary>The last day (in KST) the item may be kept; it is overdue from the next day.</summary>
    public DateOnly DueOn { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    /// <summary>Who recorded the return: the borrower, or an officer.</summary>
    public Guid? ReturnedBy { get; set; }
    public string? ReturnPhotoKey { get; set; }
    /// <summary>The last KST day the borrower was told the item is overdue (<see cref="OverdueSchedule"/>).</summary>
    public DateOnly? LastOverdueNoticeOn { get; set; }
}
