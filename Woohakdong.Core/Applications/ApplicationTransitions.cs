using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Applications;

/// <summary>
/// The one list of allowed application moves, and the move itself: a conditional update from the status the caller saw,
/// so of two officers deciding at once exactly one moves it, with its history row added for the caller's save.
/// </summary>
public static class ApplicationTransitions
{
    private static readonly Dictionary<ApplicationStatus, ApplicationStatus[]> Allowed = new()
    {
        [ApplicationStatus.Submitted] = [ApplicationStatus.Interview, ApplicationStatus.Approved, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn],
        [ApplicationStatus.Interview] = [ApplicationStatus.Approved, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn],
        // Paid: the student pays (JOINED) or the deadline passes (EXPIRED). Free groups pass through on the spot.
        [ApplicationStatus.Approved] = [ApplicationStatus.Joined, ApplicationStatus.Expired],
        [ApplicationStatus.Rejected] = [],
        [ApplicationStatus.Withdrawn] = [],
        [ApplicationStatus.Expired] = [],
        [ApplicationStatus.Joined] = [],
    };

    public static bool IsAllowed(ApplicationStatus from, ApplicationStatus to) => Allowed[from].Contains(to);

    /// <summary>Before an approval the student may still take the application back.</summary>
    public static bool CanWithdraw(ApplicationStatus status) => IsAllowed(status, ApplicationStatus.Withdrawn);

    public static bool IsFinal(ApplicationStatus status) => Allowed[status].Length == 0;

    /// <summary>
    /// Moves <paramref name="applicationId"/> from <paramref name="from"/> to <paramref name="to"/> if nobody moved it first;
    /// the history row is added to <paramref name="db"/> for the caller's SaveChanges (in the same transaction).
    /// <paramref name="message"/>, when given, becomes the applicant's message.
    /// </summary>
    public static async Task<bool> TryMoveAsync(
        AppDbContext db, long applicationId, ApplicationStatus from, ApplicationStatus to, Guid? actor, string? message,
        DateTimeOffset now, CancellationToken ct, DateTimeOffset? payBy = null)
    {
        if (!IsAllowed(from, to)) return false;
        var moved = await db.Applications
            .Where(a => a.Id == applicationId && a.Status == from)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Status, to)
                .SetProperty(a => a.Message, a => message ?? a.Message)
                .SetProperty(a => a.PayBy, a => payBy ?? a.PayBy)
                .SetProperty(a => a.UpdatedAt, now)
                .SetProperty(a => a.UpdatedBy, actor), ct);
        if (moved != 1) return false;
        db.ApplicationHistory.Add(new ApplicationHistory
        {
            ApplicationId = applicationId, From = from, To = to, ActorId = actor, Message = message, At = now,
        });
        return true;
    }
}
