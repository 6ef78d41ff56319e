using Woohakdong.Core.Notifications.Email;

namespace Woohakdong.Tests.Notifications.Email;

public sealed class EmailRetryTests
{
    private static readonly MailOptions Options = new() { MaxAttempts = 6, RetryBaseDelay = TimeSpan.FromMinutes(1) };

    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 300)]
    [InlineData(3, 1_500)]
    [InlineData(4, 7_500)]
    [InlineData(5, 21_600)] // 37,500 s would be past the six-hour cap
    public void Each_failed_attempt_waits_five_times_longer_up_to_six_hours(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), EmailRetry.WaitAfter(attempts, permanent: false, Options));

    [Fact]
    public void After_the_last_attempt_a_mail_is_not_tried_again() =>
        Assert.Null(EmailRetry.WaitAfter(6, permanent: false, Options));

    [Fact]
    public void A_permanent_refusal_is_not_tried_again() =>
        Assert.Null(EmailRetry.WaitAfter(1, permanent: true, Options));
}
