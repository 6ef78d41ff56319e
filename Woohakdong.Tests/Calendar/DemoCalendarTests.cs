using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Notices;
using Woohakdong.Web.Hosting;

namespace Woohakdong.Tests.Calendar;

/// <summary>The demo club's calendar is not empty on the first start: events this month and next, one cancelled.</summary>
public sealed class DemoCalendarTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_club_has_events_this_month_and_next_and_the_student_signed_up_for_one()
    {
        long clubId;
        await using (var db = await app.DbAsync()) clubId = await db.Clubs.Where(c => c.EnglishName == DemoData.ClubEnglishName).Select(c => c.Id).SingleAsync(Ct);
        var president = await app.SignInAsync(DemoData.PresidentEmail);
        var today = TimeProvider.System.Today();
        var next = today.AddMonths(1);

        var thisMonth = await president.Client.GetFromJsonAsync<JsonElement>($"/v1/clubs/{clubId}/calendar?month={today:yyyy-MM}", Ct);
        var nextMonth = await president.Client.GetFromJsonAsync<JsonElement>($"/v1/clubs/{clubId}/calendar?month={next:yyyy-MM}", Ct);

        static string?[] Titles(JsonElement month) => [.. month.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("title").GetString())];
        Assert.Contains(thisMonth.GetProperty("events").EnumerateArray(),
            e => (e.GetProperty("title").GetString(), e.GetProperty("status").GetString()) == ("야간 출사", "CANCELLED"));
        Assert.Contains("사진부 정기 전시회", Titles(nextMonth));
        Assert.Contains("학기말 뒤풀이", Titles(nextMonth));
        var student = await app.SignInAsync(DemoData.StudentEmail);
        var mine = await student.Client.GetFromJsonAsync<JsonElement>($"/v1/me/calendar?from={next:yyyy-MM}-01&to={next:yyyy-MM}-28", Ct);
        var exhibition = Assert.Single(mine.EnumerateArray(), e => e.GetProperty("title").GetString() == "사진부 정기 전시회");
        Assert.True(exhibition.GetProperty("signedUp").GetBoolean());
    }
}
