using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Applications;

/// <summary>내 지원서 for a student; a group's review queue and one application for its officers.</summary>
public sealed class ApplicationQueries(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, ClubAccess access, TimeProvider time)
{
    public async Task<IReadOnlyList<MyApplicationView>> MineAsync(CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Applications.AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.JoinGroups, a => a.GroupId, g => g.Id, (a, g) => new { Application = a, Group = g })
            .Join(db.Clubs, x => x.Group.ClubId, c => c.Id, (x, c) => new { x.Application, x.Group, c.Name, c.EnglishName })
            .OrderByDescending(x => x.Application.Id).ToListAsync(ct);
        var answers = await AnswersAsync(db, [.. rows.Select(r => r.Application.Id)], ct);
        var groupIds = rows.Select(r => r.Group.Id).ToArray();
        var orders = await db.JoinOrders.AsNoTracking().Where(o => o.UserId == userId && groupIds.Contains(o.PoolId))
            .GroupBy(o => o.PoolId).Select(g => new { GroupId = g.Key, OrderId = g.Max(o => o.Id) }).ToDictionaryAsync(o => o.GroupId, o => o.OrderId, ct);
        var now = time.GetUtcNow();
        return [.. rows.Select(r => new MyApplicationView(
            r.Application.Id, r.Group.Id, r.Group.ClubId, r.Name, r.EnglishName, r.Application.Status, r.Application.Message,
            r.Group.Amount > 0 && r.Application.Status is ApplicationStatus.Approved or ApplicationStatus.Joined
                ? new PaymentDue(orders.TryGetValue(r.Group.Id, out var orderId) ? orderId : null, r.Group.Amount, r.Application.PayBy)
                : null,
            answers.GetValueOrDefault(r.Application.Id, []), r.Application.SubmittedAt,
            r.Application.Status == ApplicationStatus.Submitted && Recruitment.IsOpen(r.Group, now)))];
    }

    /// <summary>The group's applications, oldest first, optionally of one status and with a name containing <paramref name="search"/>.</summary>
    public async Task<IReadOnlyList<ApplicationView>> QueueAsync(
        long groupId, ApplicationStatus? status = null, string? search = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await ApplicationForms.FindGroupAsync(db, groupId, ct);
        await access.RequireAsync(group.ClubId, RolePolicy.CanEditClub, ct);
        var query = db.Applications.AsNoTracking().Where(a => a.GroupId == groupId);
        if (status is { } only) query = query.Where(a => a.Status == only);
        var rows = query.Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { Application = a, User = u });
        var term = TextRules.SearchTerm(search);
        if (term.Length > 0) rows = rows.Where(x => x.User.DisplayName.ToLower().Contains(term));
        var found = await rows.OrderBy(x => x.Application.Id).ToListAsync(ct);
        var answers = await AnswersAsync(db, [.. found.Select(f => f.Application.Id)], ct);
        return [.. found.Select(f => View(f.Application, f.User, answers.GetValueOrDefault(f.Application.Id, []), officer: true))];
    }

    /// <summary>One application, for its applicant (without the officers' memo) or its club's officers.</summary>
    public async Task<ApplicationView> GetAsync(long applicationId, CancellationToken ct = default)
    {
        var userId = currentUser.RequireUserId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { Application = a, User = u }).SingleOrDefaultAsync(ct)
            ?? throw AppException.NotFound(ErrorCodes.ApplicationNotFound);
        var officer = RolePolicy.CanEditClub(await access.RoleAsync(found.Application.ClubId, ct));
        if (!officer && found.Application.UserId != userId) throw AppException.NotFound(ErrorCodes.ApplicationNotFound);
        var answers = await AnswersAsync(db, [applicationId], ct);
        return View(found.Application, found.User, answers.GetValueOrDefault(applicationId, []), officer);
    }

    private static ApplicationView View(JoinApplication a, Accounts.AppUser u, IReadOnlyList<AnswerView> answers, bool officer) =>
        new(a.Id, a.GroupId, a.Status, new ApplicantView(u.DisplayName, u.StudentNumber, u.Major, u.Phone, u.Email ?? ""),
            answers, a.SubmittedAt, a.Message, officer ? a.Memo : null);

    private static async Task<Dictionary<long, IReadOnlyList<AnswerView>>> AnswersAsync(AppDbContext db, long[] applicationIds, CancellationToken ct)
    {
        var rows = await db.ApplicationAnswers.AsNoTracking().Where(a => applicationIds.Contains(a.ApplicationId))
            .Join(db.FormQuestions, a => a.QuestionId, q => q.Id, (a, q) => new { Answer = a, q.Title, q.Position })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Answer.ApplicationId).ToDictionary(g => g.Key, g => (IReadOnlyList<AnswerView>)[.. g
            .OrderBy(r => r.Position).Select(r => new AnswerView(r.Answer.QuestionId, r.Title, r.Answer.Text, r.Answer.Choices))]);
    }
}
