using System.Net;
using System.Text;
using System.Text.Json;
using Woohakdong.Core.Common;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Hosting;

/// <summary>A malformed request outside /v1 (a form without its antiforgery token, a form the reader refuses) is a 4xx.</summary>
public sealed class MalformedRequestTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/account/logout", null)]
    [InlineData("/account/logout", "returnUrl=%2F")]
    [InlineData("/account/logout", "returnUrl=%00")]
    public async Task A_form_post_the_framework_refuses_is_a_400_problem(string path, string? form)
    {
        using var content = form is null ? null : new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded");

        using var answer = await app.CreateClient().PostAsync(path, content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Ct));
        Assert.Equal(ErrorCodes.InvalidInput, problem.RootElement.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/sandbox/portone/users/getToken", "imp_key=%00&imp_secret=x")]
    [InlineData("/sandbox/portone/payments/prepare", "merchant_uid=%00&amount=1")]
    [InlineData("/sandbox/portone/buyer/pay", "merchant_uid=%ff%00")]
    public async Task A_form_the_reader_refuses_gets_the_sandboxs_own_refusal_not_a_500(string path, string form)
    {
        using var content = new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded");

        using var answer = await app.CreateClient().PostAsync(path, content, Ct);

        Assert.InRange((int)answer.StatusCode, 200, 499);
        Assert.Contains("\"code\":", await answer.Content.ReadAsStringAsync(Ct));
    }
}
