using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Woohakdong.Bench;

/// <summary>
/// The few /v1 calls the benchmarks make against one instance. Connections are capped per instance; when a
/// <see cref="SentBytes"/> is given, every byte written on this client's connections is counted into it. A request times
/// out after <paramref name="timeout"/> (60 s unless given), the wait for a connection included.
/// </summary>
public sealed class WoohakdongApi(Uri baseAddress, int maxConnections, SentBytes? sentBytes = null, TimeSpan? timeout = null) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = maxConnections,
        AllowAutoRedirect = false,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        ConnectCallback = sentBytes is null ? null : sentBytes.ConnectAsync,
    })
    {
        BaseAddress = baseAddress,
        Timeout = timeout ?? TimeSpan.FromSeconds(60),
    };

    public Uri BaseAddress => baseAddress;

    /// <summary>A new account with account <paramref name="number"/>'s complete profile, logged in; returns its bearer token.</summary>
    public async Task<string> SignUpAsync(string email, string password, int number)
    {
        await Expect(await http.PostAsJsonAsync("/v1/auth/register", new { email, password }), HttpStatusCode.OK);
        var token = await LogInAsync(email, password);
        await Expect(await Send(HttpMethod.Put, "/v1/me/profile", token, Profile.Of(number)), HttpStatusCode.OK);
        return token;
    }

    /// <summary>Signs an existing account in; returns its bearer token.</summary>
    public async Task<string> LogInAsync(string email, string password)
    {
        var login = await Expect(await http.PostAsJsonAsync("/v1/auth/login", new { email, password }), HttpStatusCode.OK);
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public async Task<long> CreateClubAsync(string token, string englishName, int seats, long fee = 0)
    {
        var club = new { name = $"벤치 {englishName}", englishName, description = "", room = "", chatLink = "", fee, seatLimit = seats };
        var created = await Expect(await Send(HttpMethod.Post, "/v1/clubs", token, club), HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>A club with its current recruitment open (free unless <paramref name="fee"/> is set); returns the join group's id.</summary>
    public async Task<long> OpenClubAsync(string token, string englishName, int seats, long fee = 0)
    {
        var clubId = await CreateClubAsync(token, englishName, seats, fee);
        var join = await Expect(await http.GetAsync($"/v1/clubs/{clubId}/join"), HttpStatusCode.OK);
        var groupId = (await join.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("groupId").GetInt64();
        await Expect(await Send(HttpMethod.Put, $"/v1/groups/{groupId}", token, new { recruiting = true, seatLimit = seats, amount = fee }),
            HttpStatusCode.OK);
        return groupId;
    }

    /// <summary>A paid join's order, created through /v1 with the caller's merchant_uid.</summary>
    public async Task StartPaidJoinAsync(long groupId, string token, string merchantUid) =>
        await Expect(await Send(HttpMethod.Post, $"/v1/groups/{groupId}/joins", token, new { merchantUid }), HttpStatusCode.Created);

    /// <summary>The sandbox's buyer pays the order without sending the webhook; returns the payment's imp_uid.</summary>
    public async Task<string> PayInSandboxAsync(string merchantUid, long amount)
    {
        var response = await Expect(await http.PostAsJsonAsync("/sandbox/portone/buyer/pay",
            new { merchant_uid = merchantUid, amount, outcome = "paid", webhook = "false" }), HttpStatusCode.OK);
        var paid = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (paid.GetProperty("code").GetInt32() != 0) throw new InvalidOperationException($"buyer/pay refused: {paid}");
        return paid.GetProperty("response").GetProperty("imp_uid").GetString()!;
    }

    /// <summary>The V2 sandbox's buyer pays the pre-registered amount without the webhook; returns the payment's transactionId and storeId.</summary>
    public async Task<(string TransactionId, string StoreId)> PayInV2SandboxAsync(string paymentId)
    {
        var response = await Expect(await http.PostAsJsonAsync("/sandbox/portone/v2/control/pay",
            new { paymentId, outcome = "paid", webhook = false }), HttpStatusCode.OK);
        var paid = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (paid.GetProperty("transactionId").GetString()!, paid.GetProperty("storeId").GetString()!);
    }

    /// <summary>A signed V2 webhook: the raw body and its Standard Webhooks headers, nothing else; returns the HTTP status.</summary>
    public async Task<int> SendSignedWebhookAsync(string body, IReadOnlyDictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/portone/v2")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await http.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>PortOne's webhook for a payment, as PortOne sends it; returns the HTTP status.</summary>
    public async Task<int> SendWebhookAsync(string impUid, string merchantUid)
    {
        using var response = await http.PostAsJsonAsync("/webhooks/portone", new { imp_uid = impUid, merchant_uid = merchantUid, status = "paid" });
        return (int)response.StatusCode;
    }

    /// <summary>
    /// A published free event of the club, open to anyone signed in, starting in a week (its sign-ups open until then);
    /// returns its id.
    /// </summary>
    public async Task<long> CreateEventAsync(string token, long clubId, string title, int capacity)
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(7);
        var clubEvent = new { title, startsAt, endsAt = startsAt.AddHours(2), capacity, audience = "ANYONE", status = "PUBLISHED" };
        var created = await Expect(await Send(HttpMethod.Post, $"/v1/clubs/{clubId}/events", token, clubEvent), HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetInt64();
    }

    /// <summary>
    /// One request for a seat (a join, an event's sign-up) at <paramref name="path"/>: the HTTP status and, for a 201, the
    /// <c>status</c> its body names (ADMITTED when it names none, as a join's); for a refusal, its problem <c>code</c>.
    /// </summary>
    public async Task<(int Status, string Code)> TakeSeatAsync(string path, string token)
    {
        using var response = await Send(HttpMethod.Post, path, token, new { });
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var named = status == 201 ? "status" : "code";
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty(named, out var value)) return (status, value.GetString() ?? "");
        }
        catch (JsonException)
        {
        }
        return (status, status == 201 ? "ADMITTED" : "");
    }

    /// <summary>Any GET; the status is all the rate probe needs.</summary>
    public async Task<int> GetStatusAsync(string path)
    {
        using var response = await http.GetAsync(path);
        await response.Content.LoadIntoBufferAsync();
        return (int)response.StatusCode;
    }

    /// <summary>Presigned PUT URLs for <paramref name="count"/> PNG images of the club (the seed's endpoint).</summary>
    public async Task<IReadOnlyList<PresignedUpload>> RequestImageUrlsAsync(string token, long clubId, int count)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/utils/images/urls?clubId={clubId}&imageCount={count}&contentType=image/png");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await Expect(await http.SendAsync(request), HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<List<PresignedUpload>>(JsonSerializerOptions.Web))!;
    }

    /// <summary>Registers an item with already uploaded images; returns its id.</summary>
    public async Task<long> RegisterItemAsync(string token, long clubId, string name, IReadOnlyList<string> imageKeys)
    {
        var item = new { name, category = "DIGITAL", description = "벤치마크 물품", location = "동아리방", maxLoanDays = 7, imageKeys };
        var created = await Expect(await Send(HttpMethod.Post, $"/v1/clubs/{clubId}/items", token, item), HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }

    internal static async Task<HttpResponseMessage> Expect(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode == expected) return response;
        var body = await response.Content.ReadAsStringAsync();
        throw new InvalidOperationException(
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
    }

    public void Dispose() => http.Dispose();
}

/// <summary>What <c>PUT /v1/me/profile</c> takes: a complete profile.</summary>
public sealed record Profile(string Name, string School, string Major, string StudentNumber, string Phone)
{
    /// <summary>Account <paramref name="number"/>'s profile, distinct from every other number's.</summary>
    public static Profile Of(int number) =>
        new($"학생{number}", "우학대학교", "컴퓨터공학과", $"2026{number:D5}", $"010-{1000 + number / 10000}-{number % 10000:D4}");
}

public sealed record PresignedUpload(string Key, string Url, Dictionary<string, string> Headers, DateTimeOffset ExpiresAt);
