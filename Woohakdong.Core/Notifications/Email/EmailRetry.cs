namespace Woohakdong.Core.Notifications.Email;

/// <summary>When a mail whose attempt failed is tried again, or that it is not.</summary>
public static class EmailRetry
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(6);

    /// <summary>
    /// The wait after failed attempt number <paramref name="attempts"/> (1 for the first): the base delay, five times
    /// longer for each further attempt, at most six hours; null when no attempt is left or the refusal is permanent.
    /// </summary>
    public static TimeSpan? WaitAfter(int attempts, bool permanent, MailOptions options)
    {
        if (permanent || attempts >= options.MaxAttempts) return null;
        var wait = options.RetryBaseDelay.TotalSeconds * Math.Pow(5, Math.Max(0, attempts - 1));
        return wait >= LongestWait.TotalSeconds ? LongestWait : TimeSpan.FromSeconds(wait);
    }
}
