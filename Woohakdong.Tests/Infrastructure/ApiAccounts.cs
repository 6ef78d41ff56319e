using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;

namespace Woohakdong.Tests.Infrastructure;

/// <summary>Accounts and memberships for /v1 API tests: sign-up and bearer sign-in over HTTP, roles straight into the database.</summary>
public static class ApiAccounts
{
    public const string Password = "woohakdong1";

    public sealed record SignedIn(string Email, HttpClient Client);

    private sealed record LoginAnswer(string AccessToken);

    /// <summary>Registers a new account through /v1/auth/register and returns a client carrying its bearer token.</summary>
    public static async Task<SignedIn> SignUpAsync(this AppFactoryBase app)
    {
        var ct = TestContext.Current.CancellationToken;
        var email = $"api-{Guid.NewGuid():N}@woohakdong.test";
        var registered = await app.CreateClient().PostAsJsonAsync("/v1/auth/register", new { email, password = Password }, ct);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        return await app.SignInAsync(email);
    }

    /// <summary>Signs an existing account in through /v1/auth/login: a client carrying its bearer token.</summary>
    public static async Task<SignedIn> SignInAsync(this AppFactoryBase app, string email)
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/v1/auth/login", new { email, password = Password }, ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = await login.Content.ReadFromJsonAsync<LoginAnswer>(ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return new SignedIn(email, client);
    }

    /// <summary>A new account with every profile field a club or event asks for, named <paramref name="name"/>.</summary>
    public static async Task<SignedIn> StudentAsync(this AppFactoryBase app, string name = "김학생")
    {
        var student = await app.SignUpAsync();
        var profile = await student.Client.PutAsJsonAsync("/v1/me/profile",
            new { name, school = "우학대학교", major = "컴퓨터공학과", studentNumber = "20260001", phone = "010-1234-5678" }, TestContext.Current.CancellationToken);
        profile.EnsureSuccessStatusCode();
        return student;
    }

    public static async Task<ClubView> CreateClubAsync(this SignedIn president, string englishName)
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await president.Client.PostAsJsonAsync("/v1/clubs", ClubInputs.Valid(englishName: englishName), ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ClubView>(ct))!;
    }

    /// <summary>Gives the account a role in the club this term (there is no join flow yet).</summary>
    public static async Task GrantRoleAsync(this AppFactoryBase app, SignedIn account, long clubId, ClubRole role)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var userId = await db.Users.Where(u => u.Email == account.Email).Select(u => u.Id).SingleAsync(ct);
        var term = Term.Current(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        db.Memberships.Add(new ClubMembership { ClubId = clubId, UserId = userId, Role = role, TermKey = term.Key });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Asserts a problem answer with this status and returns its stable <c>code</c>.</summary>
    public static async Task<string?> ProblemCodeAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return problem.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}
