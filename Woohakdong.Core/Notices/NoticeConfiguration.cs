using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core.Notices;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> notice)
    {
        notice.Property(n => n.Title).HasMaxLength(NoticeRules.TitleMaxLength).IsRequired();
        notice.Property(n => n.Body).HasMaxLength(NoticeRules.BodyMaxLength).IsRequired();
        notice.HasIndex(n => new { n.ClubId, n.Audience, n.Pinned, n.CreatedAt });
        notice.HasOne<Club>().WithMany().HasForeignKey(n => n.ClubId).OnDelete(DeleteBehavior.Cascade);
        notice.HasOne<AppUser>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.Restrict);
        notice.HasMany(n => n.Images).WithOne().HasForeignKey(i => i.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoticeRevisionConfiguration : IEntityTypeConfiguration<NoticeRevision>
{
    public void Configure(EntityTypeBuilder<NoticeRevision> revision)
    {
        revision.Property(r => r.Title).HasMaxLength(NoticeRules.TitleMaxLength).IsRequired();
        revision.Property(r => r.Body).HasMaxLength(NoticeRules.BodyMaxLength).IsRequired();
        revision.HasIndex(r => new { r.NoticeId, r.ReplacedAt });
        revision.HasOne<Notice>().WithMany().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoticeReadConfiguration : IEntityTypeConfiguration<NoticeRead>
{
    public void Configure(EntityTypeBuilder<NoticeRead> read)
    {
        // The key is what makes a second read of the same notice by the same user a no-op, however many race.
        read.HasKey(r => new { r.NoticeId, r.UserId });
        read.HasOne<Notice>().WithMany().HasForeignKey(r => r.NoticeId).OnDelete(DeleteBehavior.Cascade);
        read.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoticeImageConfiguration : IEntityTypeConfiguration<NoticeImage>
{
    public void Configure(EntityTypeBuilder<NoticeImage> image)
    {
        image.Property(i => i.Key).HasMaxLength(200);
        image.HasIndex(i => i.Key).IsUnique();
        image.HasIndex(i => i.NoticeId);
        image.HasOne<IssuedUpload>().WithMany().HasForeignKey(i => i.Key).HasPrincipalKey(u => u.Key).OnDelete(DeleteBehavior.NoAction);
    }
}
