using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Storage;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Notices;

/// <summary>The demo club has notices from the first start: one pinned with a photo, one public.</summary>
public sealed class DemoNoticesTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Members_see_three_notices_pinned_first_with_its_photo_and_everyone_sees_the_public_one()
    {
        var president = await app.SignInAsync(DemoData.PresidentEmail);
        long clubId;
        await using (var db = await app.DbAsync()) clubId = await db.Clubs.Where(c => c.EnglishName == DemoData.ClubEnglishName).Select(c => c.Id).SingleAsync(Ct);

        var notices = await president.Client.GetFromJsonAsync<JsonElement[]>($"/v1/clubs/{clubId}/notices", Ct);
        var everyone = await app.CreateClient().GetFromJsonAsync<JsonElement[]>($"/v1/clubs/{clubId}/notices", Ct);

        Assert.Equal([true, false, false], notices!.Select(n => n.GetProperty("pinned").GetBoolean()));
        var photo = Regex.Match(notices![0].GetProperty("html").GetString()!, "src=\"([^\"]+)\"").Groups[1].Value;
        using var image = await app.CreateClient().GetAsync(WebUtility.HtmlDecode(photo), Ct);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(StorageTestKit.Png[..8], (await image.Content.ReadAsByteArrayAsync(Ct))[..8]);
        Assert.Equal("PUBLIC", Assert.Single(everyone!).GetProperty("audience").GetString());
    }
}
