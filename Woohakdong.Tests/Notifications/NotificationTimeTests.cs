using System.Globalization;
using Woohakdong.Web.Components.Pages.Notifications;

namespace Woohakdong.Tests.Notifications;

public sealed class NotificationTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 5, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("ko-KR", 3, "3분 전")]
    [InlineData("ko-KR", 120, "2시간 전")]
    [InlineData("ko-KR", 60 * 24 * 3, "3일 전")]
    [InlineData("en-US", 3, "3 minutes ago")]
    [InlineData("en-US", 120, "2 hours ago")]
    public void A_notification_says_how_long_ago_it_came_in_the_page_language(string culture, int minutesAgo, string expected)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);

        Assert.Equal(expected, NotificationTime.Relative(Now.AddMinutes(-minutesAgo), Now));
    }

    [Fact]
    public void A_clock_a_little_behind_the_database_never_says_from_now()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("ko-KR");

        Assert.Equal(NotificationTime.Relative(Now, Now), NotificationTime.Relative(Now.AddSeconds(5), Now));
    }

    [Fact]
    public void The_exact_time_is_in_KST()
    {
        Assert.Equal("2026-03-02 14:30", NotificationTime.Exact(Now));
    }
}
