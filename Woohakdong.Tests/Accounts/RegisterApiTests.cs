using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Accounts;

public sealed class RegisterApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("not-an-email", "woohakdong1", "INVALID_EMAIL", "이메일 형식이 올바르지 않습니다.")]
    [InlineData("{email}", "abc1", "PASSWORD_TOO_SHORT", "비밀번호는 8자 이상이어야 합니다.")]
    public async Task Refused_api_registration_carries_a_code_and_a_korean_detail(string email, string password, string code, string detail)
    {
        var response = await app.CreateClient().PostAsJsonAsync(
            "/v1/auth/register", new { email = email.Replace("{email}", AccountBrowser.NewEmail()), password },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any());
    }
}
