using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Api;

/// <summary>Refusals the framework answers itself (routing, media type, authentication, Identity) get the one /v1 problem shape.</summary>
public sealed class V1ProblemsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_form_body_to_a_json_endpoint_is_a_415_problem()
    {
        var student = await app.SignUpAsync();

        var response = await student.Client.PostAsync("/v1/clubs", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "x" }), Ct);

        await response.IsProblemAsync(HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
    }

    [Fact]
    public async Task An_id_beyond_long_is_a_404_problem()
    {
        var response = await app.CreateClient().GetAsync("/v1/clubs/9223372036854775808", Ct);

        await response.IsProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task No_or_a_forged_bearer_token_is_a_401_problem()
    {
        var anonymous = await app.CreateClient().GetAsync("/v1/me/profile", Ct);
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/v1/me/profile");
        forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        await anonymous.IsProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        await (await app.CreateClient().SendAsync(forged, Ct)).IsProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        var response = await app.CreateClient().DeleteAsync("/v1/clubs", Ct);

        await response.IsProblemAsync(HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task Confirming_an_email_with_a_malformed_user_id_or_code_is_a_4xx_problem()
    {
        var response = await app.CreateClient().GetAsync("/v1/auth/confirmEmail?userId=x&code=y", Ct);
        var knownUser = await app.CreateClient().GetAsync($"/v1/auth/confirmEmail?userId={Guid.NewGuid()}&code=y", Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, "INVALID_INPUT");
        Assert.True((int)knownUser.StatusCode is >= 400 and < 500, $"answered {knownUser.StatusCode}");
        Assert.Equal("application/problem+json", knownUser.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/v1/auth/register", """{"email":"null-pass@woohakdong.test","password":null}""", "password")]
    [InlineData("/v1/auth/register", """{"email":"no-pass@woohakdong.test"}""", "password")]
    [InlineData("/v1/auth/login", """{"email":null,"password":"woohakdong1"}""", "email")]
    [InlineData("/v1/auth/login", """{"password":"woohakdong1"}""", "email")]
    public async Task An_identity_request_without_a_required_field_is_a_400_naming_it(string path, string body, string field)
    {
        var response = await app.CreateClient().PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, "FIELD_REQUIRED", field);
    }

}
