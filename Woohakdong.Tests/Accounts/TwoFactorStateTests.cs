using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Accounts;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Accounts;

/// <summary><c>POST /v1/auth/manage/2fa {}</c> only reads the two-factor state: no sign-in of the account may end.</summary>
public sealed class TwoFactorStateTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reading_the_2fa_state_keeps_the_security_stamp_and_every_refresh_token()
    {
        var (email, client, refreshToken) = await SignUpAsync();
        var stampBefore = await StampAsync(email);

        var first = await client.PostAsJsonAsync("/v1/auth/manage/2fa", new { }, Ct);
        var second = await client.PostAsJsonAsync("/v1/auth/manage/2fa", new { }, Ct);
        var refreshed = await app.CreateClient().PostAsJsonAsync("/v1/auth/refresh", new { refreshToken }, Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var (firstState, secondState) = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct), await second.Content.ReadFromJsonAsync<JsonElement>(Ct));
        Assert.False(firstState.GetProperty("isTwoFactorEnabled").GetBoolean());
        Assert.Equal(firstState.GetProperty("sharedKey").GetString(), secondState.GetProperty("sharedKey").GetString());
        Assert.Equal(stampBefore, await StampAsync(email));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    [Fact]
    public async Task Resetting_an_existing_authenticator_key_still_ends_the_accounts_refresh_tokens()
    {
        var (email, client, refreshToken) = await SignUpAsync();

        await client.PostAsJsonAsync("/v1/auth/manage/2fa", new { }, Ct);
        var reset = await client.PostAsJsonAsync("/v1/auth/manage/2fa", new { resetSharedKey = true }, Ct);
        var refreshed = await app.CreateClient().PostAsJsonAsync("/v1/auth/refresh", new { refreshToken }, Ct);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
    }

    /// <summary>A new account signed in with bearer tokens: its e-mail, a client sending the access token, the refresh token.</summary>
    private async Task<(string Email, HttpClient Client, string RefreshToken)> SignUpAsync()
    {
        var email = $"tfa-{Guid.NewGuid():N}@woohakdong.test";
        var client = app.CreateClient();
        (await client.PostAsJsonAsync("/v1/auth/register", new { email, password = ApiAccounts.Password }, Ct)).EnsureSuccessStatusCode();
        var login = await (await client.PostAsJsonAsync("/v1/auth/login", new { email, password = ApiAccounts.Password }, Ct))
            .Content.ReadFromJsonAsync<JsonElement>(Ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        return (email, client, login.GetProperty("refreshToken").GetString()!);
    }

    private async Task<string?> StampAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetSecurityStampAsync((await users.FindByEmailAsync(email))!);
    }
}
