using System.Text.RegularExpressions;

namespace Woohakdong.Core.Payments;

/// <summary>PortOne's order number: made by the client or by us, unique, at most 40 of [A-Za-z0-9_-].</summary>
public static partial class MerchantUids
{
    public const int MaxLength = PaymentIds.MerchantUidMaxLength;

    public static bool IsValid(string merchantUid) => Shape().IsMatch(merchantUid);

    public static string New() => $"wh_{Guid.NewGuid():N}";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex Shape();
}
