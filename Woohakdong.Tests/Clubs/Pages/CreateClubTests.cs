using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Web.Components.Pages.Clubs;

namespace Woohakdong.Tests.Clubs.Pages;

public sealed class CreateClubTests : CorePageTest
{
    private async Task<IRenderedComponent<CreateClub>> RenderSignedInAsync()
    {
        SignIn(await AddUserAsync("김회장"));
        return Render<CreateClub>();
    }

    private static async Task FillAsync(
        IRenderedComponent<CreateClub> page, string name = "우학동 사진부", string englishName = "photo", string fee = "10000",
        string seatLimit = "30")
    {
        await EnterAsync(page, "club-name", name);
        await EnterAsync(page, "club-english-name", englishName);
        await EnterAsync(page, "club-description", "매주 출사를 나가는 사진 동아리입니다.");
        await EnterAsync(page, "club-room", "학생회관 304호");
        await EnterAsync(page, "club-chat-link", "https://open.kakao.com/o/photo");
        await EnterAsync(page, "club-fee", fee);
        await EnterAsync(page, "club-seat-limit", seatLimit);
    }

    /// <summary>Types into a field the way its input listens: on change, or on every keystroke for an immediate field.</summary>
    private static Task EnterAsync(IRenderedComponent<CreateClub> page, string inputId, string value)
    {
        var input = page.Find($"#{inputId}");
        return input.HasAttribute("blazor:onchange")
            ? input.ChangeAsync(new ChangeEventArgs { Value = value })
            : input.InputAsync(new ChangeEventArgs { Value = value });
    }

    private static string ErrorUnder(IRenderedComponent<CreateClub> page, string inputId) =>
        page.Find($"#{inputId}").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";

    private Task<int> ClubCountAsync() => QueryAsync(db => db.Clubs.CountAsync());

    [Fact]
    public async Task Empty_name_shows_its_Korean_message_and_creates_nothing()
    {
        var page = await RenderSignedInAsync();
        await FillAsync(page, name: "   ");

        await page.Find("form").SubmitAsync();

        Assert.Equal("동아리 이름을 입력하세요.", ErrorUnder(page, "club-name"));
        Assert.Equal(0, await ClubCountAsync());
    }

    [Fact]
    public async Task Duplicate_english_name_is_refused_by_the_server_and_shown_under_its_field()
    {
        await AddClubAsync("photo", await AddUserAsync("다른 회장"));
        var page = await RenderSignedInAsync();
        await FillAsync(page, englishName: "Photo");

        await page.Find("form").SubmitAsync();

        Assert.Equal("이미 사용 중인 영문 이름입니다.", ErrorUnder(page, "club-english-name"));
        Assert.Equal(1, await ClubCountAsync());
    }

    [Fact]
    public async Task Negative_fee_shows_its_Korean_message_and_creates_nothing()
    {
        var page = await RenderSignedInAsync();
        await FillAsync(page, fee: "-1");

        await page.Find("form").SubmitAsync();

        Assert.Equal("회비는 0원 이상이어야 합니다.", ErrorUnder(page, "club-fee"));
        Assert.Equal(0, await ClubCountAsync());
    }

    [Fact]
    public async Task Seat_limit_of_zero_shows_its_Korean_message_and_creates_nothing()
    {
        var page = await RenderSignedInAsync();
        await FillAsync(page, seatLimit: "0");

        await page.Find("form").SubmitAsync();

        Assert.Equal("정원은 1명 이상 10,000명 이하여야 합니다.", ErrorUnder(page, "club-seat-limit"));
        Assert.Equal(0, await ClubCountAsync());
    }

    [Fact]
    public async Task Every_problem_is_shown_at_once_under_its_own_field()
    {
        var page = await RenderSignedInAsync();
        await FillAsync(page, name: "", englishName: "!", fee: "-5", seatLimit: "0");

        await page.Find("form").SubmitAsync();

        Assert.NotEmpty(ErrorUnder(page, "club-name"));
        Assert.Equal("영문 이름은 영문 소문자, 숫자, 하이픈(-)으로 3~40자여야 합니다.", ErrorUnder(page, "club-english-name"));
        Assert.NotEmpty(ErrorUnder(page, "club-fee"));
        Assert.NotEmpty(ErrorUnder(page, "club-seat-limit"));
        Assert.Empty(ErrorUnder(page, "club-room"));
    }

    [Fact]
    public async Task Valid_form_creates_the_club_and_opens_its_dashboard()
    {
        var page = await RenderSignedInAsync();
        await FillAsync(page, englishName: "Photo-Club");

        await page.Find("form").SubmitAsync();

        var club = await QueryAsync(db => db.Clubs.SingleAsync());
        Assert.Equal(("우학동 사진부", "photo-club", 10_000L, 30), (club.Name, club.EnglishName, club.Fee, club.SeatLimit));
        Assert.EndsWith("/clubs/photo-club/admin", Services.GetRequiredService<NavigationManager>().Uri);
    }
}
