using System.Net;
using System.Net.Http.Json;
using Woohakdong.Core.Accounts;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Accounts;

public sealed class AccountsApiBadInputTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_profile_with_a_bad_phone_number_is_a_400()
    {
        var student = await app.SignUpAsync();

        var response = await student.Client.PutAsJsonAsync("/v1/me/profile",
            new { name = "김학생", school = "우학대학교", major = "컴퓨터공학과", studentNumber = "20261234", phone = "02-123-4567" }, Ct);

        Assert.Equal("PHONE_INVALID", await response.ProblemCodeAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_good_profile_is_saved_with_the_phone_number_normalised()
    {
        var student = await app.SignUpAsync();

        var response = await student.Client.PutAsJsonAsync("/v1/me/profile",
            new { name = "김학생", school = "우학대학교", major = "컴퓨터공학과", studentNumber = "20261234", phone = "01012345678" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await student.Client.GetFromJsonAsync<ProfileView>("/v1/me/profile", Ct);
        Assert.Equal(("010-1234-5678", true), (profile!.Phone, profile.IsComplete));
    }

    [Theory]
    [InlineData("not-an-email", ApiAccounts.Password)]
    [InlineData("weak@woohakdong.test", "short")]
    [InlineData("weak2@woohakdong.test", "onlyletters")]
    public async Task Registering_with_a_malformed_email_or_a_weak_password_is_a_400(string email, string password)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/v1/auth/register", new { email, password }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
