using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Api;

/// <summary>
/// Every /v1 route the app maps, asked wrongly (no, forged or real token; empty, wrong-typed or form bodies; ids beyond
/// long; a method it does not take): no answer is a 500, and every 4xx is a problem with a <c>code</c> and a <c>detail</c>.
/// </summary>
public sealed class V1ProblemSweepTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Ask(string Caller, string Method, string Path, Func<HttpContent?> Body);

    [Fact]
    public async Task Every_v1_refusal_is_a_problem_with_a_code_and_never_a_500()
    {
        var student = await app.SignUpAsync();
        var club = await student.CreateClubAsync($"sweep-{Guid.NewGuid():N}"[..20]);
        var callers = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = app.CreateClient(),
            ["forged"] = Forged(app.CreateClient()),
            ["signed-in"] = student.Client,
        };
        var failures = new List<string>();
        var asked = 0;

        foreach (var ask in Asks(club.Id))
        {
            using var request = new HttpRequestMessage(new HttpMethod(ask.Method), ask.Path) { Content = ask.Body() };
            using var response = await callers[ask.Caller].SendAsync(request, Ct);
            asked++;
            if (await FailureAsync(response) is { } failure) failures.Add($"{ask.Caller} {ask.Method} {ask.Path}: {failure}");
        }

        Assert.True(asked > 200, $"only {asked} requests");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private IEnumerable<Ask> Asks(long clubId)
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (e.RoutePattern, method)))
            .ToList();
        Assert.True(routes.Count >= 25, $"only {routes.Count} /v1 routes found");
        foreach (var (pattern, method) in routes)
        {
            var known = PathOf(pattern, clubId.ToString());
            foreach (var caller in new[] { "anonymous", "forged", "signed-in" })
                yield return new Ask(caller, method, known, Json("{}"));
            yield return new Ask("signed-in", method, known, () => null);
            yield return new Ask("signed-in", method, known, Json("""{"name": 1, "fee": "x", "recruiting": "yes", "email": 7}"""));
            yield return new Ask("signed-in", method, known, Json("null"));
            yield return new Ask("signed-in", method, known, () => new FormUrlEncodedContent(new Dictionary<string, string> { ["a"] = "b" }));
            yield return new Ask("signed-in", method, known, () => new StringContent("not json", Encoding.UTF8, "text/plain"));
            yield return new Ask("signed-in", method, PathOf(pattern, "9223372036854775808"), Json("{}"));
            yield return new Ask("signed-in", method, PathOf(pattern, "-1"), Json("{}"));
            yield return new Ask("signed-in", method == "PATCH" ? "TRACE" : "PATCH", known, Json("{}"));
        }
    }

    /// <summary>The route with every parameter set to <paramref name="id"/>, and a malformed query for good measure.</summary>
    private static string PathOf(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern, string id)
    {
        var path = string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => id,
            _ => "",
        }))));
        return $"/{path}?query=%00&category=x&status=-1&userId=x&code=y&count=abc&itemId=abc";
    }

    private static Func<HttpContent?> Json(string text) => () => new StringContent(text, Encoding.UTF8, "application/json");

    private static HttpClient Forged(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "forged-token");
        return client;
    }

    private static async Task<string?> FailureAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return $"answered {status}";
        if (status < 400) return null;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"{status} with content type '{response.Content.Headers.ContentType}'";
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var hasCode = problem.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String;
        var hasDetail = problem.TryGetProperty("detail", out var detail) && !string.IsNullOrWhiteSpace(detail.GetString());
        return hasCode && hasDetail ? null : $"{status} problem without code or detail: {problem}";
    }
}
