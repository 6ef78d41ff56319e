using System.Text.Json.Serialization;

namespace Woohakdong.Core.Ledger;

[JsonConverter(typeof(JsonStringEnumConverter<LedgerKind>))]
public enum LedgerKind
{
    [JsonStringEnumMemberName("INCOME")] Income = 0,
    [JsonStringEnumMemberName("EXPENSE")] Expense = 1,
}

/// <summary>What the money was for. <see cref="MembershipFee"/> (회비) is only ever posted by an order's move, never typed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LedgerCategory>))]
public enum LedgerCategory
{
    [JsonStringEnumMemberName("MEMBERSHIP_FEE")] MembershipFee = 0,
    [JsonStringEnumMemberName("FOOD")] Food = 1,
    [JsonStringEnumMemberName("VENUE")] Venue = 2,
    [JsonStringEnumMemberName("EQUIPMENT")] Equipment = 3,
    [JsonStringEnumMemberName("EVENT")] Event = 4,
    [JsonStringEnumMemberName("OTHER_INCOME")] OtherIncome = 5,
    [JsonStringEnumMemberName("OTHER")] Other = 6,
}

/// <summary>Where an entry came from: a completed order, that order's refund, or a 총무's hand.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LedgerSource>))]
public enum LedgerSource
{
    [JsonStringEnumMemberName("ORDER")] Order = 0,
    [JsonStringEnumMemberName("REFUND")] Refund = 1,
    [JsonStringEnumMemberName("MANUAL")] Manual = 2,
}

/// <summary>
/// One line of a club's ledger (회계 장부). Rows are only ever added: a wrong entry is corrected by a reversing entry
/// (<see cref="ReversesId"/>, the opposite kind, the same amount), and a refund reverses its order's income the same way.
/// <see cref="Amount"/> is positive; its sign comes from <see cref="Kind"/>. <see cref="TermKey"/> is the term the
/// money counts in: an order's group term (spring dues paid in February are spring's), otherwise the term of <see cref="Date"/>.
/// </summary>
public sealed class LedgerEntry
{
    public long Id { get; set; }
    public long ClubId { get; set; }
    public string TermKey { get; set; } = "";
    /// <summary>The day in KST the money moved.</summary>
    public DateOnly Date { get; set; }
    public LedgerKind Kind { get; set; }
    public LedgerCategory Category { get; set; }
    public long Amount { get; set; }
    public string Memo { get; set; } = "";
    public LedgerSource Source { get; set; }
    public long? OrderId { get; set; }
    public long? ReversesId { get; set; }
    public List<LedgerReceipt> Receipts { get; set; } = [];
    /// <summary>Who recorded it; null for a posting no one was signed in for (a webhook's completion).</summary>
    public Guid? RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public long Signed => Kind == LedgerKind.Income ? Amount : -Amount;
}

/// <summary>A verified receipt image of a manual entry; keeps its upload row from the orphan sweep.</summary>
public sealed class LedgerReceipt
{
    public long Id { get; set; }
    public long EntryId { get; set; }
    public string Key { get; set; } = "";
}
