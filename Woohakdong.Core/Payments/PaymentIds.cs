using Woohakdong.Core.Common;

namespace Woohakdong.Core.Payments;

/// <summary>
/// The accepted shape of a payment's ids when they come from outside (PortOne's webhook, the browser's confirm): visible
/// ASCII (no space, no control character), an imp_uid of at most 100 characters, a merchant_uid of at most 40 (PortOne's
/// limit). Anything else names no payment of ours and is refused before it is stored or sent to the gateway.
/// </summary>
public static class PaymentIds
{
    public const int ImpUidMaxLength = 100;
    public const int MerchantUidMaxLength = 40;

    /// <summary>The imp_uid when well formed (null when absent); else a Validation refusal naming <paramref name="field"/>.</summary>
    public static string? CheckImpUid(string? impUid, string field) => Check(impUid, ImpUidMaxLength, ErrorCodes.ImpUidInvalid, field);

    /// <summary>The merchant_uid when well formed (null when absent); else a Validation refusal naming <paramref name="field"/>.</summary>
    public static string? CheckMerchantUid(string? merchantUid, string field) =>
        Check(merchantUid, MerchantUidMaxLength, ErrorCodes.MerchantUidInvalid, field);

    /// <summary>The payment window's error_code, a hint of the same shape (at most 100 characters); else INVALID_INPUT.</summary>
    public static string? CheckClientError(string? errorCode, string field) => Check(errorCode, ImpUidMaxLength, ErrorCodes.InvalidInput, field);

    private static string? Check(string? id, int maxLength, string code, string field)
    {
        if (string.IsNullOrEmpty(id)) return null;
        return id.Length <= maxLength && id.All(c => c is >= '!' and <= '~') ? id : throw AppException.Validation(code, field);
    }
}
