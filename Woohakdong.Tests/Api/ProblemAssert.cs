using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Woohakdong.Tests.Api;

public static class ProblemAssert
{
    /// <summary>Asserts a problem answer with this status, code, a Korean-or-other detail and, when given, the field at fault.</summary>
    public static async Task<JsonElement> IsProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code, string? field = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        if (field is not null) Assert.Equal(field, problem.GetProperty("field").GetString());
        return problem;
    }
}
