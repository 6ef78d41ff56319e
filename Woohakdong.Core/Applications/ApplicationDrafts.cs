using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Core.Applications;

/// <summary>The notifications of applying, in the shape <see cref="NotificationRenderer"/> formats (<c>amount</c>, <c>…At</c>).</summary>
public static class ApplicationDrafts
{
    /// <summary>The officers' review queue (Web's dashboard tab) and the student's 내 지원서.</summary>
    public static string QueuePath(string clubPath) => $"/clubs/{clubPath}/admin?tab=applications";

    public const string MinePath = "/me/applications";

    public static NotificationDraft Received(Guid officer, string club, string clubPath, int count) =>
        new(officer, NotificationKind.ApplicationsReceived,
            Values(("club", club), ("count", count.ToString(CultureInfo.InvariantCulture))), QueuePath(clubPath));

    public static NotificationDraft Decided(Guid applicant, string club, ApplicationStatus status, string? message) =>
        new(applicant, status switch
        {
            ApplicationStatus.Interview => NotificationKind.ApplicationInterview,
            ApplicationStatus.Rejected => NotificationKind.ApplicationRejected,
            _ => NotificationKind.ApplicationApproved,
        }, Values(("club", club), ("message", message ?? "")), MinePath);

    public static NotificationDraft PaymentDue(Guid applicant, string club, long amount, DateTimeOffset dueAt) =>
        new(applicant, NotificationKind.ApplicationPaymentDue,
            Values(("club", club), ("amount", amount.ToString(CultureInfo.InvariantCulture)), ("dueAt", Time(dueAt))), MinePath);

    public static NotificationDraft Expired(Guid applicant, string club, DateTimeOffset dueAt) =>
        new(applicant, NotificationKind.ApplicationExpired, Values(("club", club), ("dueAt", Time(dueAt))), MinePath);

    public static NotificationDraft ApplicantExpired(Guid officer, string club, string clubPath, string applicant, DateTimeOffset dueAt) =>
        new(officer, NotificationKind.ApplicantExpired,
            Values(("club", club), ("applicant", applicant), ("dueAt", Time(dueAt))), QueuePath(clubPath));

    /// <summary>The club's officers (임원 and above) of the group's term: whom the queue's news goes to.</summary>
    public static Task<List<Guid>> OfficersAsync(AppDbContext db, long clubId, string termKey, CancellationToken ct) =>
        db.Memberships.Where(m => m.ClubId == clubId && m.TermKey == termKey && m.Role >= RolePolicy.Admin)
            .Select(m => m.UserId).ToListAsync(ct);

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Values(params (string Key, string Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);
}
