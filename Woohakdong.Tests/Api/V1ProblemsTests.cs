using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Hosting;

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
    public async Task A_wrong_typed_json_value_is_a_400_naming_its_field()
    {
        var student = await app.SignUpAsync();
        var body = """{"name":"사진부","englishName":"typed","description":"","room":"","chatLink":"","fee":"x","seatLimit":10}""";

        var response = await student.Client.PostAsync("/v1/clubs", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, "INVALID_INPUT", "fee");
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

    /// <summary>The sign-in rate limiter answers 429 with an empty body; the mapping gives it the problem and keeps Retry-After.</summary>
    [Fact]
    public async Task A_rate_limited_answer_under_v1_gets_the_problem_body_and_keeps_its_retry_after()
    {
        using var started = app.CreateClient();
        var pipeline = new ApplicationBuilder(app.Services);
        pipeline.UseV1Problems();
        pipeline.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "30";
            return Task.CompletedTask;
        });
        await using var scope = app.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = "POST";
        context.Request.Path = "/v1/auth/login";
        context.Response.Body = new MemoryStream();

        await pipeline.Build()(context);

        Assert.Equal((429, "30", "application/problem+json"), (context.Response.StatusCode, context.Response.Headers.RetryAfter.ToString(), context.Response.ContentType));
        context.Response.Body.Position = 0;
        var problem = await JsonDocument.ParseAsync(context.Response.Body, cancellationToken: Ct);
        Assert.Equal("TOO_MANY_REQUESTS", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal("요청이 너무 많습니다. 잠시 후 다시 시도하세요.", problem.RootElement.GetProperty("detail").GetString());
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

    [Fact]
    public async Task A_failed_sign_in_is_a_401_problem_with_a_code_and_a_korean_detail()
    {
        var student = await app.SignUpAsync();

        var response = await app.CreateClient().PostAsJsonAsync("/v1/auth/login", new { email = student.Email, password = "wrong-password1" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("code").GetString()));
        Assert.Matches("[가-힣]", problem.GetProperty("detail").GetString());
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
