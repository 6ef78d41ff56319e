using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Accounts;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Accounts;

/// <summary>
/// Link lifetimes. Identity's token provider reads the wall clock (not TimeProvider), so the reset lifetime is set to
/// one second here and the test waits until Identity itself no longer accepts the token.
/// </summary>
public sealed class ResetLinkExpiryTests : IAsyncLifetime
{
    private readonly AppFactory app = new();

    public ValueTask InitializeAsync()
    {
        app.Settings["Accounts:PasswordResetLinkLifetime"] = "00:00:01";
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task An_expired_reset_link_is_refused_while_a_confirmation_link_of_the_same_moment_still_works()
    {
        var browser = new AccountBrowser(app);
        var email = await browser.CreateUserAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var resetToken = await users.GeneratePasswordResetTokenAsync(user);
        var confirmToken = await users.GenerateEmailConfirmationTokenAsync(user);
        var resetLink = AccountLinks.ResetPassword(email, AccountLinks.Encode(resetToken));

        await Eventually.TrueAsync(async () => !await users.VerifyUserTokenAsync(
            user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, resetToken),
            "the reset token expired", TestContext.Current.CancellationToken);
        var opened = await AccountBrowser.ErrorsAsync(await browser.SendGetAsync(resetLink));
        var confirmed = await browser.SendGetAsync(AccountLinks.ConfirmEmail(user.Id, AccountLinks.Encode(confirmToken)));

        Assert.Equal([PasswordResetTests.LinkRefused], opened);
        Assert.False((await users.ResetPasswordAsync(user, resetToken, PasswordResetTests.NewPassword)).Succeeded);
        Assert.Contains("이메일 인증을 마쳤습니다.", await confirmed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(AccountBrowser.SetsAuthCookie(await browser.SignInAsync(email, AccountBrowser.Password)));
    }
}
