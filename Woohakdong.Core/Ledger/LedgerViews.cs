namespace Woohakdong.Core.Ledger;

/// <param name="SignedAmount">The amount with its sign: negative for an expense, a refund or the reversal of income.</param>
/// <param name="ReversedBy">The entry that reversed this one, if any.</param>
public sealed record LedgerEntryView(
    long EntryId, string TermKey, DateOnly Date, LedgerKind Kind, LedgerCategory Category, long Amount, long SignedAmount,
    string Memo, LedgerSource Source, long? OrderId, long? Reverses, long? ReversedBy, string? RecordedByName,
    DateTimeOffset RecordedAt, IReadOnlyList<string> ReceiptUrls);

/// <summary>
/// One term of the ledger. <see cref="Income"/> and <see cref="Expense"/> are net of reversals (a reversed expense and
/// its reversal count as no expense; a refund lowers income); <see cref="Balance"/> is what earlier terms carried over
/// plus this term's income minus its expense.
/// </summary>
public sealed record LedgerBookView(
    string TermKey, IReadOnlyList<LedgerEntryView> Entries, long CarriedOver, long Income, long Expense, long Balance,
    bool OpenToMembers, bool CanWrite);
