using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace Woohakdong.Web.Components.Pages.Accounts;

/// <summary>Marker for the account pages' texts (AccountText.resx in Korean, AccountText.en.resx in English).</summary>
public sealed class AccountText
{
    private static readonly ResourceManager Resources = new(typeof(AccountText));

    // DataAnnotations attributes read their messages from static properties (ErrorMessageResourceType), not from IStringLocalizer.
    public static string EmailRequired => Text();
    public static string EmailInvalid => Text();
    public static string PasswordRequired => Text();
    public static string PasswordConfirmMismatch => Text();
    public static string NameRequired => Text();
    public static string NameTooLong => Text();

    private static string Text([CallerMemberName] string name = "") => Resources.GetString(name, CultureInfo.CurrentUICulture) ?? name;
}
