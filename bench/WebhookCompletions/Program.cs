using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

// Webhook completions against one running instance (bench/webhook-completions.sh starts it): setup (not timed): a
// president, a paid club, N students each with an order paid in the sandbox without its webhook; then every webhook
// once (timed), then every webhook ten times at once (timed). The database check is the script's.
// Arguments: <baseUrl> <orders> <concurrency> <resultFile>
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var (baseUrl, orders, concurrency, resultFile) = (args[0], int.Parse(args[1]), int.Parse(args[2]), args[3]);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
const string Password = "bench-password-1";
const long Fee = 10_000;

var setup = Stopwatch.StartNew();
var president = await SignUpAsync("president@webhook.bench", 0);
var club = await Expect(await Send(HttpMethod.Post, "/v1/clubs", president,
    new { name = "벤치 웹훅", englishName = "bench-webhook", description = "", room = "", chatLink = "", fee = Fee, seatLimit = orders }), 201);
var clubId = club.GetProperty("id").GetInt64();
var groupId = (await Expect(await http.GetAsync($"/v1/clubs/{clubId}/join"), 200)).GetProperty("groupId").GetInt64();
await Expect(await Send(HttpMethod.Put, $"/v1/groups/{groupId}", president, new { recruiting = true, seatLimit = orders, amount = Fee }), 200);
var merchantUids = new string[orders];
await Parallel.ForEachAsync(Enumerable.Range(0, orders), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
{
    var token = await SignUpAsync($"student{i}@webhook.bench", i + 1);
    var merchantUid = $"whb_{i}_{Guid.NewGuid():N}"[..30];
    await Expect(await Send(HttpMethod.Post, $"/v1/groups/{groupId}/joins", token, new { merchantUid }), 201);
    var paid = await Expect(await http.PostAsJsonAsync("/sandbox/portone/buyer/pay",
        new { merchant_uid = merchantUid, amount = Fee, outcome = "paid", webhook = "false" }), 200);
    if (paid.GetProperty("code").GetInt32() != 0) throw new InvalidOperationException($"buyer/pay refused: {paid}");
    merchantUids[i] = merchantUid;
});
Console.WriteLine($"setup: {orders} paid orders (webhooks held back) in {setup.Elapsed.TotalSeconds:F0} s");

var (onceSeconds, onceErrors) = await StormAsync(merchantUids);
var storm = merchantUids.SelectMany(uid => Enumerable.Repeat(uid, 10)).OrderBy(_ => Random.Shared.Next()).ToArray();
Console.WriteLine($"once: {orders} webhooks in {onceSeconds:F2} s = {orders / onceSeconds:F0} completions/s, non-200: {onceErrors}");
var (stormSeconds, stormErrors) = await StormAsync(storm);
Console.WriteLine($"10x duplicate storm: {storm.Length} webhooks in {stormSeconds:F2} s = {storm.Length / stormSeconds:F0} webhooks/s, non-200: {stormErrors}");
// The storm's orders are already completed: each webhook re-fetches and finds nothing to do, so it measures the duplicate path.
await File.WriteAllTextAsync(resultFile, $"group_id={groupId}\n");
return onceErrors + stormErrors == 0 ? 0 : 1;

async Task<(double Seconds, int Errors)> StormAsync(IReadOnlyList<string> uids)
{
    var errors = 0;
    var clock = Stopwatch.StartNew();
    await Parallel.ForEachAsync(uids, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (uid, _) =>
    {
        using var response = await http.PostAsJsonAsync("/webhooks/portone", new { merchant_uid = uid, status = "paid" });
        if ((int)response.StatusCode != 200) Interlocked.Increment(ref errors);
    });
    return (clock.Elapsed.TotalSeconds, errors);
}

async Task<string> SignUpAsync(string email, int number)
{
    await Expect(await http.PostAsJsonAsync("/v1/auth/register", new { email, password = Password }), 200);
    var token = (await Expect(await http.PostAsJsonAsync("/v1/auth/login", new { email, password = Password }), 200)).GetProperty("accessToken").GetString()!;
    var profile = new { name = $"학생{number}", school = "우학대학교", major = "컴퓨터공학과", studentNumber = $"2026{number:D5}", phone = $"010-1{number / 1000:D3}-{number % 1000:D4}" };
    await Expect(await Send(HttpMethod.Put, "/v1/me/profile", token, profile), 200);
    return token;
}

Task<HttpResponseMessage> Send(HttpMethod method, string path, string token, object body)
{
    var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    return http.SendAsync(request);
}

static async Task<JsonElement> Expect(HttpResponseMessage response, int status)
{
    var body = await response.Content.ReadAsStringAsync();
    if ((int)response.StatusCode != status)
        throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
    return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
}
