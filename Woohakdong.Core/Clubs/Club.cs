using Woohakdong.Core.Data;

namespace Woohakdong.Core.Clubs;

/// <summary>A university club (동아리). <see cref="EnglishName"/> is its URL name: lower-case, unique.</summary>
public sealed class Club : IAuditable
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string EnglishName { get; set; } = "";
    public string Description { get; set; } = "";
    public string Room { get; set; } = "";
    public string ChatLink { get; set; } = "";
    /// <summary>Join fee (회비) in won.</summary>
    public long Fee { get; set; }
    public int SeatLimit { get; set; }
    /// <summary>Every member of the term may read the ledger (투명 장부), not only officers.</summary>
    public bool LedgerOpenToMembers { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}
