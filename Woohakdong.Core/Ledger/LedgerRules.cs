using Woohakdong.Core.Common;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Ledger;

/// <summary>A manual entry as typed: its kind and category, a positive amount, a KST date and up to five receipt upload keys.</summary>
public sealed record LedgerEntryInput(
    DateOnly Date, LedgerKind Kind, LedgerCategory Category, long Amount, string? Memo, IReadOnlyList<string>? ReceiptKeys = null);

/// <summary>Who reads and writes the ledger, and what a manual entry may say.</summary>
public static class LedgerRules
{
    public const int MemoMax = 200;
    public const long AmountMax = 100_000_000;
    public const int MaxReceipts = 5;
    /// <summary>A receipt dated a few days ahead (a booking paid in advance) is fine; next year's is a typo.</summary>
    public const int FutureDaysMax = 7;

    /// <summary>Officers always; members of this term when the club keeps an open ledger (투명 장부).</summary>
    public static bool CanRead(ClubRole? role, bool openToMembers) => role >= RolePolicy.Admin || (openToMembers && role is not null);

    /// <summary>총무 and above record and reverse entries and decide who reads the ledger.</summary>
    public static bool CanWrite(ClubRole? role) => RolePolicy.CanRefundPayments(role);

    /// <summary>The categories a manual entry may take: 회비 comes only from orders, 회비 외 수입 only as income.</summary>
    public static bool IsAllowed(LedgerKind kind, LedgerCategory category) =>
        Enum.IsDefined(category) && category != LedgerCategory.MembershipFee
        && (category != LedgerCategory.OtherIncome || kind == LedgerKind.Income);

    public static LedgerKind Opposite(LedgerKind kind) => kind == LedgerKind.Income ? LedgerKind.Expense : LedgerKind.Income;

    /// <summary>The input checked and its memo normalized; <paramref name="earliest"/> is the first day of the club's first term.</summary>
    public static LedgerEntryInput Validate(LedgerEntryInput input, DateOnly today, DateOnly earliest)
    {
        if (!Enum.IsDefined(input.Kind)) throw AppException.Validation(ErrorCodes.LedgerKindInvalid, "kind");
        if (!IsAllowed(input.Kind, input.Category)) throw AppException.Validation(ErrorCodes.LedgerCategoryInvalid, "category");
        if (input.Amount is < 1 or > AmountMax) throw AppException.Validation(ErrorCodes.LedgerAmountInvalid, "amount");
        if (input.Date > today.AddDays(FutureDaysMax)) throw AppException.Validation(ErrorCodes.LedgerDateInFuture, "date");
        if (input.Date < earliest) throw AppException.Validation(ErrorCodes.LedgerDateBeforeClub, "date");
        var keys = (input.ReceiptKeys ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count > MaxReceipts) throw AppException.Validation(ErrorCodes.LedgerTooManyReceipts, "receiptKeys");
        return input with { Memo = Memo(input.Memo), ReceiptKeys = keys };
    }

    public static string Memo(string? memo)
    {
        var normalized = TextRules.Normalize(memo, TextShape.SingleLine, "memo");
        if (normalized.Length > MemoMax) throw AppException.Validation(ErrorCodes.LedgerMemoTooLong, "memo");
        return normalized;
    }
}
