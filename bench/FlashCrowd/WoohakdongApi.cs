using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Woohakdong.Bench;

/// <summary>The few /v1 calls the benchmark makes against one instance. Connections are capped per instance.</summary>
public sealed class WoohakdongApi(Uri baseAddress, int maxConnections) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = maxConnections,
        AllowAutoRedirect = false,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public Uri BaseAddress => baseAddress;

    public async Task<string> SignUpAsync(string email, string password, int number)
    {
        await Expect(await http.PostAsJsonAsync("/v1/auth/register", new { email, password }), HttpStatusCode.OK);
        var login = await Expect(await http.PostAsJsonAsync("/v1/auth/login", new { email, password }), HttpStatusCode.OK);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        var profile = new
        {
            name = $"학생{number}", school = "우학대학교", major = "컴퓨터공학과",
            studentNumber = $"2026{number:D5}", phone = $"010-{1000 + number / 10000}-{number % 10000:D4}",
        };
        await Expect(await Send(HttpMethod.Put, "/v1/me/profile", token, profile), HttpStatusCode.OK);
        return token;
    }

    /// <summary>A free club with its current recruitment open; returns the join group's id.</summary>
    public async Task<long> OpenFreeClubAsync(string token, string englishName, int seats)
    {
        var club = new { name = $"벤치 {englishName}", englishName, description = "", room = "", chatLink = "", fee = 0, seatLimit = seats };
        var created = await Expect(await Send(HttpMethod.Post, "/v1/clubs", token, club), HttpStatusCode.Created);
        var clubId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var join = await Expect(await http.GetAsync($"/v1/clubs/{clubId}/join"), HttpStatusCode.OK);
        var groupId = (await join.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groupId").GetInt64();
        await Expect(await Send(HttpMethod.Put, $"/v1/groups/{groupId}", token, new { recruiting = true, seatLimit = seats, amount = 0 }),
            HttpStatusCode.OK);
        return groupId;
    }

    /// <summary>One join request: the HTTP status and, for a refusal, its problem <c>code</c>.</summary>
    public async Task<(int Status, string Code)> JoinAsync(long groupId, string token)
    {
        using var response = await Send(HttpMethod.Post, $"/v1/groups/{groupId}/joins", token, new { });
        var status = (int)response.StatusCode;
        if (status == 201) return (status, "ADMITTED");
        var body = await response.Content.ReadAsStringAsync();
        try
        {
            return (status, JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code) ? code.GetString() ?? "" : "");
        }
        catch (JsonException)
        {
            return (status, "");
        }
    }

    /// <summary>Any GET; the status is all the rate probe needs.</summary>
    public async Task<int> GetStatusAsync(string path)
    {
        using var response = await http.GetAsync(path);
        await response.Content.LoadIntoBufferAsync();
        return (int)response.StatusCode;
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> Expect(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode == expected) return response;
        var body = await response.Content.ReadAsStringAsync();
        throw new InvalidOperationException(
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
    }

    public void Dispose() => http.Dispose();
}
