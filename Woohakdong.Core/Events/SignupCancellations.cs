using Microsoft.EntityFrameworkCore;

namespace Woohakdong.Core.Events;

/// <summary>The one guarded move of sign-ups to CANCELLED: only those the caller's query still finds move, once.</summary>
internal static class SignupCancellations
{
    /// <summary>How many of <paramref name="signups"/> this call cancelled.</summary>
    public static Task<int> CancelAsync(IQueryable<EventSignup> signups, DateTimeOffset now, CancellationToken ct) =>
        signups.ExecuteUpdateAsync(set => set.SetProperty(s => s.Status, SignupStatus.Cancelled)
            .SetProperty(s => s.CancelledAt, now).SetProperty(s => s.UpdatedAt, now), ct);
}
