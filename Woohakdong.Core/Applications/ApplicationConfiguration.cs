using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Joining;

namespace Woohakdong.Core.Applications;

internal sealed class FormQuestionConfiguration : IEntityTypeConfiguration<FormQuestion>
{
    public void Configure(EntityTypeBuilder<FormQuestion> question)
    {
        question.ToTable("FormQuestions");
        question.Property(q => q.Type).HasConversion<string>().HasMaxLength(16);
        question.Property(q => q.Title).HasMaxLength(FormRules.TitleMaxLength).IsRequired();
        question.Property(q => q.Description).HasMaxLength(FormRules.DescriptionMaxLength).IsRequired();
        question.HasIndex(q => new { q.GroupId, q.Position });
        question.HasOne<JoinGroup>().WithMany().HasForeignKey(q => q.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JoinApplicationConfiguration : IEntityTypeConfiguration<JoinApplication>
{
    /// <summary>The statuses of a live application: a student has at most one of these per group.</summary>
    internal static readonly ApplicationStatus[] Live =
        [ApplicationStatus.Submitted, ApplicationStatus.Interview, ApplicationStatus.Approved, ApplicationStatus.Joined];

    public void Configure(EntityTypeBuilder<JoinApplication> application)
    {
        application.ToTable("Applications");
        application.Property(a => a.Message).HasMaxLength(AnswerRules.MessageMaxLength);
        application.Property(a => a.Memo).HasMaxLength(AnswerRules.MemoMaxLength).IsRequired();
        // Two submits at once on two instances still leave one live application.
        application.HasIndex(a => new { a.GroupId, a.UserId }).IsUnique()
            .HasFilter($"\"Status\" IN ({string.Join(", ", Live.Select(s => (int)s))})");
        application.HasIndex(a => new { a.GroupId, a.Status });
        application.HasIndex(a => new { a.UserId });
        application.HasIndex(a => new { a.OfficersToldAt });
        application.HasOne<JoinGroup>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
        application.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        application.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApplicationAnswerConfiguration : IEntityTypeConfiguration<ApplicationAnswer>
{
    public void Configure(EntityTypeBuilder<ApplicationAnswer> answer)
    {
        answer.ToTable("ApplicationAnswers");
        answer.Property(a => a.Text).HasMaxLength(AnswerRules.LongTextMaxLength).IsRequired();
        answer.HasIndex(a => new { a.ApplicationId, a.QuestionId }).IsUnique();
        // A question with answers is never deleted (FormRules); Restrict makes that the database's rule too.
        answer.HasOne<FormQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationHistoryConfiguration : IEntityTypeConfiguration<ApplicationHistory>
{
    public void Configure(EntityTypeBuilder<ApplicationHistory> history)
    {
        history.ToTable("ApplicationHistory");
        history.Property(h => h.Message).HasMaxLength(AnswerRules.MessageMaxLength);
        history.HasIndex(h => h.ApplicationId);
        history.HasOne<JoinApplication>().WithMany().HasForeignKey(h => h.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
