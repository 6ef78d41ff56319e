using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Woohakdong.Bench;

// Item images through the presigned-PUT flow against one running instance (bench/item-uploads.sh starts it, once per
// store): an officer asks for 10 upload URLs, PUTs the 10 images straight to the URLs, registers the item with the keys;
// five times (50 images). Every byte the client writes is counted per destination: the app's own endpoints, and the
// store (with LocalDisk the store is the app's /objects endpoint, counted apart). Then the time to issue 10 URLs.
// Arguments: <baseUrl> <storeName> <images> <bytesPerImage>
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var (baseUrl, storeName, imageCount, imageBytes) = (new Uri(args[0]), args[1], int.Parse(args[2]), int.Parse(args[3]));
const int PerItem = 10;
const int UrlRounds = 200;

using var setup = new WoohakdongApi(baseUrl, 4);
var officer = await setup.SignUpAsync($"officer-{storeName}@items.bench", "bench-password-1", 0);
var clubId = await setup.CreateClubAsync(officer, $"bench-items-{storeName}", 10);

var appBytes = new SentBytes();
var storeBytes = new SentBytes();
using var app = new WoohakdongApi(baseUrl, 4, appBytes);
using var store = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = PerItem, ConnectCallback = storeBytes.ConnectAsync });
var images = Enumerable.Range(0, imageCount).Select(_ => FakePng(imageBytes)).ToList();
long uploaded = images.Sum(image => (long)image.Length);

var flow = Stopwatch.StartNew();
var itemIds = new List<long>();
foreach (var batch in images.Chunk(PerItem))
{
    var urls = await app.RequestImageUrlsAsync(officer, clubId, batch.Length);
    await Task.WhenAll(batch.Zip(urls, (image, url) => PutAsync(url, image)));
    itemIds.Add(await app.RegisterItemAsync(officer, clubId, $"벤치 물품 {itemIds.Count + 1}", urls.Select(url => url.Key).ToList()));
}
var flowSeconds = flow.Elapsed.TotalSeconds;
var (appTotal, storeTotal) = (appBytes.Total, storeBytes.Total);

// Not counted: 10-URL requests, one after another, after a warm-up of 20.
for (var i = 0; i < 20; i++) await setup.RequestImageUrlsAsync(officer, clubId, PerItem);
var latencies = new double[UrlRounds];
for (var i = 0; i < UrlRounds; i++)
{
    var clock = Stopwatch.StartNew();
    await setup.RequestImageUrlsAsync(officer, clubId, PerItem);
    latencies[i] = clock.Elapsed.TotalMilliseconds;
}
Array.Sort(latencies);

Console.WriteLine($"store {storeName}: {imageCount} images, {uploaded:N0} image bytes, {itemIds.Count} items registered in {flowSeconds:F2} s");
Console.WriteLine($"  bytes written to the store{(storeName == "LocalDisk" ? " (the app's /objects endpoint)" : "")}: {storeTotal:N0}");
Console.WriteLine($"  bytes written to the app's own endpoints (URL requests + registrations): {appTotal:N0}");
Console.WriteLine($"  ratio app bytes / image bytes: {100.0 * appTotal / uploaded:F4} % (goal <= 1 %)");
Console.WriteLine($"  issuing 10 URLs, {UrlRounds} requests one after another: p50 {Percentile(0.50):F2} ms, p95 {Percentile(0.95):F2} ms, " +
                  $"max {latencies[^1]:F2} ms, mean {latencies.Average():F2} ms");
return appTotal * 100 <= uploaded ? 0 : 1;

async Task PutAsync(PresignedUpload url, byte[] image)
{
    // LocalDisk hands out app-relative URLs (/objects/...), as a browser resolves them against the page.
    using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(baseUrl, url.Url)) { Content = new ByteArrayContent(image) };
    foreach (var (name, value) in url.Headers)
        if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content.Headers.TryAddWithoutValidation(name, value);
    using var response = await store.SendAsync(request);
    if (response.StatusCode != HttpStatusCode.OK)
        throw new InvalidOperationException($"PUT {url.Key} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
}

double Percentile(double p) => latencies[(int)Math.Ceiling(p * latencies.Length) - 1];

// PNG's signature then random bytes: the server checks the first bytes, never decodes the image.
static byte[] FakePng(int size)
{
    var bytes = RandomNumberGenerator.GetBytes(size);
    ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    signature.CopyTo(bytes);
    return bytes;
}
