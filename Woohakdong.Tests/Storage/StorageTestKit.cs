using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Data;
using Woohakdong.Core.Storage;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Storage;

/// <summary>Steps shared by the storage tests: ask for URLs over /v1, PUT bytes as a browser would, verify as a user.</summary>
public static class StorageTestKit
{
    public static readonly byte[] Png = TestImages.Png();

    public sealed record IssuedUrl(string Key, string Url, Dictionary<string, string> Headers, DateTimeOffset ExpiresAt);

    public static async Task<IssuedUrl[]> RequestUrlsAsync(this ApiAccounts.SignedIn caller, long clubId, int count, string contentType)
    {
        var ct = TestContext.Current.CancellationToken;
        return (await caller.Client.GetFromJsonAsync<IssuedUrl[]>(
            $"/v1/utils/images/urls?clubId={clubId}&imageCount={count}&contentType={Uri.EscapeDataString(contentType)}", ct))!;
    }

    /// <summary>A PUT with exactly this content type (ByteArrayContent adds no charset, unlike StringContent).</summary>
    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string url, byte[] bytes, string contentType) =>
        client.PutAsync(url, new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } },
            TestContext.Current.CancellationToken);

    /// <summary>Runs <see cref="UploadVerifier"/> in a scope acting as <paramref name="caller"/>.</summary>
    public static async Task<IReadOnlyList<VerifiedImage>> VerifyAsync(this AppFactoryBase app, ApiAccounts.SignedIn caller, long clubId, params string[] keys)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Services.CreateAsyncScope();
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct))
        {
            var userId = await db.Users.Where(u => u.Email == caller.Email).Select(u => u.Id).SingleAsync(ct);
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString())], "test");
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(identity));
        }
        return await scope.ServiceProvider.GetRequiredService<UploadVerifier>().VerifyAsync(clubId, keys, ct);
    }

    public static IObjectStorage Storage(this AppFactoryBase app) => app.Services.GetRequiredService<IObjectStorage>();

    /// <summary>Changes the signature's last character: every store must then refuse the URL.</summary>
    public static string TamperSignature(string url) => url[..^1] + (url[^1] == '0' ? '1' : '0');
}
