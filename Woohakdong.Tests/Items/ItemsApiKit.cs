using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Data;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Storage;

namespace Woohakdong.Tests.Items;

/// <summary>Steps of the item flow over /v1 as an API client or browser takes them: upload straight to storage, then submit keys.</summary>
public static class ItemsApiKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Asks for one URL and PUTs <paramref name="bytes"/> to it; returns the key whatever the store answered.</summary>
    public static async Task<string> UploadAsync(this StorageApp app, ApiAccounts.SignedIn caller, long clubId, byte[] bytes, string type = "image/png") =>
        (await app.UploadToUrlAsync(caller, clubId, bytes, type)).Key;

    /// <summary>Like <see cref="UploadAsync"/>, returning the URL too, to PUT to it again.</summary>
    public static async Task<StorageTestKit.IssuedUrl> UploadToUrlAsync(this StorageApp app, ApiAccounts.SignedIn caller, long clubId, byte[] bytes, string type = "image/png")
    {
        var url = (await caller.RequestUrlsAsync(clubId, 1, type)).Single();
        using var put = await app.ObjectClient.PutAsync(url.Url, bytes, type);
        return url;
    }

    public static Task<HttpResponseMessage> RegisterAsync(this ApiAccounts.SignedIn caller, long clubId, params string[] imageKeys) =>
        caller.Client.PostAsJsonAsync($"/v1/clubs/{clubId}/items",
            new { name = "캠핑 텐트", category = "SPORT", description = "4인용", location = "동아리방", maxLoanDays = 7, imageKeys }, Ct);

    /// <summary>Asserts a 400 problem with this code naming <paramref name="key"/>.</summary>
    public static async Task AssertRefusedNamingAsync(this HttpResponseMessage response, string code, string key)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((code, key), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
    }

    /// <summary>The club's item rows and how many image rows point at the copies of the uploads <paramref name="uploadKeys"/>.</summary>
    public static async Task<(int Items, int Images)> RowsAsync(this StorageApp app, long clubId, params string[] uploadKeys)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        return (await db.Items.CountAsync(i => i.ClubId == clubId, Ct),
            await db.ItemImages.CountAsync(i => db.IssuedUploads.Any(u => u.Key == i.Key && uploadKeys.Contains(u.UploadKey)), Ct));
    }
}
