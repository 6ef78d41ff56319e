using System.Net;
using System.Net.Http.Json;
using Woohakdong.Core.Accounts;
using Woohakdong.Tests.Api;
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

    [Theory]
    [InlineData("+82 10 5555 6666", "010-5555-6666")]
    [InlineData("+1 415 555 2671", "+14155552671")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public async Task An_exchange_students_international_number_completes_the_profile(string phone, string stored)
    {
        var student = await app.SignUpAsync();

        var response = await student.Client.PutAsJsonAsync("/v1/me/profile",
            new { name = "Emma Stone", school = "우학대학교", major = "교환학생", studentNumber = "X2026001", phone }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await student.Client.GetFromJsonAsync<ProfileView>("/v1/me/profile", Ct);
        Assert.Equal((stored, true), (profile!.Phone, profile.IsComplete));
    }

    [Theory]
    [InlineData("name", "김\u0000학생")]
    [InlineData("school", "우학\u202E대학교")]
    [InlineData("major", "컴퓨터\n공학과")]
    public async Task Control_characters_in_a_profile_are_a_400_naming_the_field(string field, string text)
    {
        var student = await app.SignUpAsync();
        var profile = new Dictionary<string, string>
        {
            ["name"] = "김학생", ["school"] = "우학대학교", ["major"] = "컴퓨터공학과", ["studentNumber"] = "20261234", ["phone"] = "01012345678",
        };
        profile[field] = text;

        var response = await student.Client.PutAsJsonAsync("/v1/me/profile", profile, Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, "TEXT_CONTROL_CHARACTER", field);
    }

    [Fact]
    public async Task A_profile_without_a_field_is_a_400_naming_it_and_keeps_the_saved_profile()
    {
        var student = await app.SignUpAsync();
        var full = new { name = "김학생", school = "우학대학교", major = "컴퓨터공학과", studentNumber = "20261234", phone = "01012345678" };
        (await student.Client.PutAsJsonAsync("/v1/me/profile", full, Ct)).EnsureSuccessStatusCode();

        var response = await student.Client.PutAsJsonAsync("/v1/me/profile", new { name = "김학생", school = "우학대학교", major = "컴퓨터공학과", phone = "01012345678" }, Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, "FIELD_REQUIRED", "studentNumber");
        Assert.Equal("20261234", (await student.Client.GetFromJsonAsync<ProfileView>("/v1/me/profile", Ct))!.StudentNumber);
    }
}
