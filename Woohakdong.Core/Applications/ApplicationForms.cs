using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Joining;
using Woohakdong.Core.Membership;

namespace Woohakdong.Core.Applications;

/// <summary>Reading a group's application form (anyone, while it is open; officers always) and saving it (임원 and above).</summary>
public sealed class ApplicationForms(IDbContextFactory<AppDbContext> dbFactory, ICurrentUser currentUser, ClubAccess access, TimeProvider time)
{
    public async Task<FormView> GetAsync(long groupId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await FindGroupAsync(db, groupId, ct);
        if (!Recruitment.IsOpen(group, time.GetUtcNow()) && !RolePolicy.CanEditClub(await access.RoleAsync(group.ClubId, ct)))
            throw AppException.Conflict(ErrorCodes.NotRecruiting);
        return await ViewAsync(db, group, ct);
    }

    public async Task<FormView> SaveAsync(long groupId, FormInput input, CancellationToken ct = default)
    {
        Recruitment.ValidatePeriod(input.OpensAt, input.ClosesAt);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await FindGroupAsync(db, groupId, ct);
        await access.RequireAsync(group.ClubId, RolePolicy.CanEditClub, ct);
        var existing = await db.FormQuestions.Where(q => q.GroupId == groupId).ToListAsync(ct);
        var plan = FormRules.Plan(existing, await AnsweredAsync(db, groupId, ct), input.Questions);
        var now = time.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.FormQuestions.RemoveRange(existing.Where(q => plan.Deleted.Contains(q.Id)));
            for (var i = 0; i < plan.Questions.Count; i++)
            {
                var q = plan.Questions[i];
                var question = q.Id is { } id ? existing.Single(e => e.Id == id) : db.FormQuestions.Add(new FormQuestion { GroupId = groupId }).Entity;
                (question.Position, question.Type, question.Title, question.Description, question.Required, question.Options) =
                    (i, q.Type, q.Title!, q.Description!, q.Required, [.. q.Options!]);
            }
            await db.JoinGroups.Where(g => g.Id == groupId).ExecuteUpdateAsync(set => set
                .SetProperty(g => g.Policy, input.Policy)
                .SetProperty(g => g.OpensAt, input.OpensAt)
                .SetProperty(g => g.ClosesAt, input.ClosesAt)
                .SetProperty(g => g.UpdatedAt, now)
                .SetProperty(g => g.UpdatedBy, currentUser.UserId), ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A question deleted here was answered a moment ago (the answers' foreign key refused it), or another officer saved first.
                throw AppException.Conflict(ErrorCodes.Concurrency);
            }
            await transaction.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        return await ViewAsync(db, await FindGroupAsync(db, groupId, ct), ct);
    }

    internal static async Task<JoinGroup> FindGroupAsync(AppDbContext db, long groupId, CancellationToken ct) =>
        await db.JoinGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, ct)
        ?? throw AppException.NotFound(ErrorCodes.GroupNotFound);

    internal static Task<List<FormQuestion>> QuestionsAsync(AppDbContext db, long groupId, CancellationToken ct) =>
        db.FormQuestions.AsNoTracking().Where(q => q.GroupId == groupId).OrderBy(q => q.Position).ToListAsync(ct);

    private async Task<FormView> ViewAsync(AppDbContext db, JoinGroup group, CancellationToken ct)
    {
        var answered = await AnsweredAsync(db, group.Id, ct);
        var questions = (await QuestionsAsync(db, group.Id, ct))
            .Select(q => new QuestionView(q.Id, q.Type, q.Title, q.Description, q.Required, q.Options, answered.Contains(q.Id))).ToList();
        return new FormView(group.Id, group.ClubId, group.Policy, group.OpensAt, group.ClosesAt, Recruitment.IsOpen(group, time.GetUtcNow()),
            group.Amount, questions);
    }

    private static async Task<IReadOnlySet<long>> AnsweredAsync(AppDbContext db, long groupId, CancellationToken ct) =>
        (await db.ApplicationAnswers.Where(a => db.FormQuestions.Any(q => q.Id == a.QuestionId && q.GroupId == groupId))
            .Select(a => a.QuestionId).Distinct().ToListAsync(ct)).ToHashSet();
}
