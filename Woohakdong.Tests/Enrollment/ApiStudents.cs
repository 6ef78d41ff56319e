using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Woohakdong.Tests.Infrastructure;

namespace Woohakdong.Tests.Enrollment;

/// <summary>Students signed up through the /v1 API, each with a bearer-token client.</summary>
public static class ApiStudents
{
    private const string Password = "woohak2026";

    public static async Task<HttpClient> SignUpAsync(AppFactoryBase app, bool completeProfile = true)
    {
        var ct = TestContext.Current.CancellationToken;
        var email = $"s{Guid.NewGuid():N}@test.kr";
        var client = app.CreateClient();
        (await client.PostAsJsonAsync("/v1/auth/register", new { email, password = Password }, ct)).EnsureSuccessStatusCode();
        var login = await client.PostAsJsonAsync("/v1/auth/login", new { email, password = Password }, ct);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (completeProfile)
        {
            var profile = new { name = "김우학", school = "우학대학교", major = "경영학과", studentNumber = "20261234", phone = "01012345678" };
            (await client.PutAsJsonAsync("/v1/me/profile", profile, ct)).EnsureSuccessStatusCode();
        }
        return client;
    }

    /// <summary>A club created by <paramref name="president"/>; returns its id.</summary>
    public static async Task<long> CreateClubAsync(HttpClient president, int seatLimit, long fee = 0)
    {
        var ct = TestContext.Current.CancellationToken;
        var englishName = $"club-{Guid.NewGuid():N}"[..20];
        var response = await president.PostAsJsonAsync(
            "/v1/clubs", new { name = "우학 밴드", englishName, description = "", room = "", chatLink = "", fee, seatLimit }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetInt64();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
}
