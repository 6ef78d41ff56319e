using Woohakdong.Core.Common;
using Woohakdong.Web.Components.Pages.Events;

namespace Woohakdong.Tests.Events.Pages;

/// <summary>The event form reads the browser's datetime-local text as KST, with or without the seconds Blazor adds.</summary>
public sealed class EventFormTests
{
    [Theory]
    [InlineData("2026-12-10T19:00")]
    [InlineData("2026-12-10T19:00:00")]
    [InlineData("2026-12-10T19:00:00.000")]
    public void A_start_as_the_browser_sends_it_is_read_in_kst(string startsAt)
    {
        var form = new EventForm { Title = "정기 산행", Place = "우이역", StartsAt = startsAt, EndsAt = "2026-12-10T23:00" };

        var input = form.ToInput();

        Assert.Equal(new DateTimeOffset(2026, 12, 10, 19, 0, 0, KoreanTime.Offset), input.StartsAt);
        Assert.Equal(TimeSpan.FromHours(4), input.EndsAt - input.StartsAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-12-10 19:00")]
    [InlineData("내일 저녁")]
    public void An_unreadable_start_is_refused_as_invalid_times(string startsAt)
    {
        var form = new EventForm { Title = "정기 산행", Place = "우이역", StartsAt = startsAt, EndsAt = "2026-12-10T23:00" };

        var refusal = Assert.Throws<AppException>(() => form.ToInput());

        Assert.Equal(ErrorCodes.EventTimesInvalid, refusal.Code);
    }
}
