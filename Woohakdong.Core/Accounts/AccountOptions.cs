namespace Woohakdong.Core.Accounts;

/// <summary>
/// Settings under <c>Accounts</c>. A reset link opens an account, so it lives briefly; a confirmation (or change of
/// address) link only proves an address, so it may wait in an inbox for a few days.
/// </summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Whether signing in waits until the address is confirmed (Identity's <c>SignIn.RequireConfirmedEmail</c>).</summary>
    public bool RequireConfirmedEmail { get; set; }

    public TimeSpan PasswordResetLinkLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long an e-mail confirmation or change-of-address link works.</summary>
    public TimeSpan EmailLinkLifetime { get; set; } = TimeSpan.FromDays(3);

    public static bool Valid(TimeSpan lifetime) => lifetime >= TimeSpan.FromSeconds(1) && lifetime <= TimeSpan.FromDays(30);
}
