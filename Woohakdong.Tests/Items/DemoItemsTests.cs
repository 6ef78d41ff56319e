using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Data;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Storage;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Items;

/// <summary>The embedded default's demo club lends equipment from the first start, with images in the local store.</summary>
public sealed class DemoItemsTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record ItemRow(long Id, string Name, string Category, string Status, string? ThumbnailUrl);

    [Fact]
    public async Task The_demo_club_has_three_items_the_tripod_overdue_whose_thumbnails_are_real_pngs()
    {
        var president = await app.SignInAsync(DemoData.PresidentEmail);
        long clubId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
            clubId = await db.Clubs.Where(c => c.EnglishName == DemoData.ClubEnglishName).Select(c => c.Id).SingleAsync(Ct);

        var items = await president.Client.GetFromJsonAsync<ItemRow[]>($"/v1/clubs/{clubId}/items", Ct);

        // The tripod is out past its due day, so the overview has an overdue loan to show (DemoOverview).
        Assert.Equal([("BOOK", "AVAILABLE"), ("DIGITAL", "AVAILABLE"), ("ETC", "OVERDUE")], items!.Select(i => (i.Category, i.Status)).Order());
        foreach (var item in items!)
        {
            using var image = await app.CreateClient().GetAsync(item.ThumbnailUrl, Ct);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
            Assert.Equal(StorageTestKit.Png[..8], (await image.Content.ReadAsByteArrayAsync(Ct))[..8]);
        }
    }
}
