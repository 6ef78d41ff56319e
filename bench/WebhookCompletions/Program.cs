using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using StandardWebhooks;
using Woohakdong.Bench;

// Webhook completions against one running instance (bench/webhook-completions.sh starts it): setup (not timed): a
// president, a paid club, 2N + W students each with an order paid in the sandbox without its webhook. Warm-up (not
// timed): W orders' webhooks once each, ten times each for a quarter of them, until Completed, so that the timed phases
// see an instance (and a load generator) past its JIT tiering and with its database pool grown, as a running server is.
// Then, timed from the first webhook sent until the database shows the orders Completed: (1) N orders' webhooks once
// each; (2) the other N orders' webhooks ten times each, shuffled, so that duplicates race the first completion of their
// order. V1 webhooks carry imp_uid and merchant_uid, as PortOne's do. In V2 mode (the instance runs PortOne:Version=V2)
// the orders are paid in the V2 sandbox and each webhook is V2's Transaction.Paid, signed per Standard Webhooks with the
// sandbox's secret right before its phase (not timed) and each copy with its own webhook-id, as separate deliveries are:
// a repeated id is a replay, which the app refuses. The exactly-once check of the database is the script's.
// The machine is shared, so each phase also reports the CPU time the app and its PostgreSQL backends spent on it: the
// cost per completion, which other processes' load does not change.
// Arguments: <baseUrl> <orders per phase> <warm-up orders> <concurrency> <resultFile> <database connection string> <app pid>
//            <v1|v2> [<V2 webhook secret, whsec_…>]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var (baseUrl, orders, warmUp, concurrency, resultFile, database, appPid, version) =
    (args[0], int.Parse(args[1]), int.Parse(args[2]), int.Parse(args[3]), args[4], args[5], int.Parse(args[6]), args[7]);
var signer = version == "v2" ? new StandardWebhook(args[8]) : null;
// BENCH_STORM=0 leaves the duplicate storm out: half the setup, for repeated runs of the first phase alone.
var phases = Environment.GetEnvironmentVariable("BENCH_STORM") == "0" ? 1 : 2;
using var api = new WoohakdongApi(new Uri(baseUrl), concurrency);
const string Password = "bench-password-1";
const long Fee = 10_000;

var setup = Stopwatch.StartNew();
var president = await api.SignUpAsync($"{version}-president@webhook.bench", Password, 0);
var groupId = await api.OpenClubAsync(president, $"bench-webhook-{version}", phases * orders + warmUp, Fee);
var webhooks = new Webhook[phases * orders + warmUp];
await Parallel.ForEachAsync(Enumerable.Range(0, webhooks.Length), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
{
    var token = await api.SignUpAsync($"{version}-student{i}@webhook.bench", Password, i + 1);
    var merchantUid = $"whb_{i}_{Guid.NewGuid():N}"[..30];
    await api.StartPaidJoinAsync(groupId, token, merchantUid);
    if (signer is null)
    {
        webhooks[i] = new Webhook(merchantUid, await api.PayInSandboxAsync(merchantUid, Fee), null);
        return;
    }
    var (transactionId, storeId) = await api.PayInV2SandboxAsync(merchantUid);
    webhooks[i] = new Webhook(merchantUid, transactionId, storeId);
});
await File.WriteAllTextAsync(resultFile, $"group_id={groupId}\n");
Console.WriteLine($"{version} setup: {webhooks.Length} paid orders (webhooks held back) in {setup.Elapsed.TotalSeconds:F0} s");

await using var db = new NpgsqlConnection(database);
await db.OpenAsync();
var warm = webhooks[(phases * orders)..];
var warmStorm = warm.Take(warmUp / 4).SelectMany(w => Enumerable.Repeat(w, 10)).Concat(warm.Skip(warmUp / 4)).OrderBy(_ => Random.Shared.Next()).ToArray();
var warming = await RunAsync(warmStorm, completedBefore: 0);
Console.WriteLine($"{version} warm-up (not counted): {warmUp} orders, {warmStorm.Length} webhooks (non-200: {warming.Errors}); all Completed after {warming.Completed:F2} s");
// The runtime recompiles hot methods with full optimization in the background shortly after their 30th call.
await Task.Delay(TimeSpan.FromSeconds(3));
Console.WriteLine($"{version} load average before the timed phases: {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])}");
var once = await RunAsync(webhooks[..orders], completedBefore: warmUp);
Console.WriteLine($"{version} once: {orders} webhooks answered in {once.Answered:F2} s (non-200: {once.Errors}); all {orders} orders Completed after {once.Completed:F2} s = {orders / once.Completed:F0} verified completions/s; {once.Cpu}");
if (phases == 1) return warming.Errors + once.Errors == 0 ? 0 : 1;
var storm = webhooks[orders..(2 * orders)].SelectMany(w => Enumerable.Repeat(w, 10)).OrderBy(_ => Random.Shared.Next()).ToArray();
var raced = await RunAsync(storm, completedBefore: warmUp + orders);
Console.WriteLine($"{version} 10x duplicate storm racing the first completion: {storm.Length} webhooks answered in {raced.Answered:F2} s = {storm.Length / raced.Answered:F0} webhooks/s (non-200: {raced.Errors}); all {orders} orders Completed after {raced.Completed:F2} s = {orders / raced.Completed:F0} verified completions/s; {raced.Cpu}");
return warming.Errors + once.Errors + raced.Errors == 0 ? 0 : 1;

// Sends the webhooks, concurrency at a time, and watches the database until every order of the phase is Completed.
async Task<(double Answered, double Completed, int Errors, string Cpu)> RunAsync(IReadOnlyList<Webhook> webhooksOfPhase, int completedBefore)
{
    var errors = 0;
    var orderCount = webhooksOfPhase.Select(w => w.MerchantUid).Distinct().Count();
    var batch = webhooksOfPhase.Select(Outgoing).ToList();
    var (appBefore, backendsBefore, ownBefore) = (CpuSeconds(appPid), await BackendCpuAsync(), Environment.CpuUsage.TotalTime.TotalSeconds);
    var expected = completedBefore + orderCount;
    var clock = Stopwatch.StartNew();
    var sending = Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (send, _) =>
    {
        if (await send() != 200) Interlocked.Increment(ref errors);
    });
    var answered = sending.ContinueWith(_ => clock.Elapsed.TotalSeconds, TaskScheduler.Default);
    await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"JoinOrders\" WHERE \"PoolId\" = {groupId} AND \"Status\" = 2", db);
    while ((long)(await count.ExecuteScalarAsync())! < expected)
    {
        if (clock.Elapsed > TimeSpan.FromMinutes(3)) throw new TimeoutException($"orders still not Completed after {clock.Elapsed}");
        await Task.Delay(10);
    }
    var completed = clock.Elapsed.TotalSeconds;
    await sending;
    var (app, backends, own) = (CpuSeconds(appPid) - appBefore, Sum(await BackendCpuAsync(), backendsBefore), Environment.CpuUsage.TotalTime.TotalSeconds - ownBefore);
    var cpu = $"CPU: app {app:F2} s + PostgreSQL {backends:F2} s = {(app + backends) * 1000 / orderCount:F1} ms per completion (load generator {own:F2} s)";
    return (await answered, completed, errors, cpu);
}

// The request for one webhook, signed now (V2) so that the timed phase only sends.
Func<Task<int>> Outgoing(Webhook webhook)
{
    if (signer is null) return () => api.SendWebhookAsync(webhook.ImpUid, webhook.MerchantUid);
    var (id, now) = ($"msg_{Guid.NewGuid():N}", DateTimeOffset.UtcNow);
    var body = JsonSerializer.Serialize(new
    {
        type = "Transaction.Paid",
        timestamp = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
        data = new { paymentId = webhook.MerchantUid, storeId = webhook.StoreId, transactionId = webhook.ImpUid },
    });
    var headers = new Dictionary<string, string>
    {
        ["webhook-id"] = id,
        ["webhook-timestamp"] = now.ToUnixTimeSeconds().ToString(),
        ["webhook-signature"] = signer.Sign(id, now, body),
    };
    return () => api.SendSignedWebhookAsync(body, headers);
}

// utime + stime of a process, in seconds (clock ticks of 1/100 s).
static double CpuSeconds(int pid)
{
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
}

// The CPU time of each PostgreSQL backend serving the bench database (the app's pool and this program's connection).
async Task<Dictionary<int, double>> BackendCpuAsync()
{
    await using var query = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = current_database()", db);
    var cpu = new Dictionary<int, double>();
    await using var reader = await query.ExecuteReaderAsync();
    while (await reader.ReadAsync())
        if (File.Exists($"/proc/{reader.GetInt32(0)}/stat")) cpu[reader.GetInt32(0)] = CpuSeconds(reader.GetInt32(0));
    return cpu;
}

static double Sum(Dictionary<int, double> after, Dictionary<int, double> before) =>
    after.Sum(backend => backend.Value - before.GetValueOrDefault(backend.Key));

/// <summary>An order's payment: V1's imp_uid, or V2's transactionId with its storeId (V2's paymentId is the merchant_uid).</summary>
internal sealed record Webhook(string MerchantUid, string ImpUid, string? StoreId);
