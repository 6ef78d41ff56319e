using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Woohakdong.Core.Accounts;

/// <summary>
/// The account pages e-mailed links open, and their codes: Identity's tokens Base64Url-encoded, as its /v1 endpoints
/// (MapIdentityApi) encode them, so a code from either works with both.
/// </summary>
public static class AccountLinks
{
    public const string ResetPasswordPath = "/account/reset-password";
    public const string ConfirmEmailPath = "/account/confirm-email";
    public const string ConfirmEmailChangePath = "/account/confirm-email-change";

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token in a code, or null when the code is not Base64Url at all (a hand-edited link).</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string ResetPassword(string email, string code) => $"{ResetPasswordPath}?email={Escape(email)}&code={Escape(code)}";

    public static string ConfirmEmail(Guid userId, string code) => $"{ConfirmEmailPath}?userId={userId}&code={Escape(code)}";

    public static string ConfirmEmailChange(Guid userId, string email, string code) =>
        $"{ConfirmEmailChangePath}?userId={userId}&email={Escape(email)}&code={Escape(code)}";

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
