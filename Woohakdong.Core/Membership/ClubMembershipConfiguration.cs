using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Woohakdong.Core.Joining;

namespace Woohakdong.Core.Membership;

internal sealed class ClubMembershipConfiguration : IEntityTypeConfiguration<ClubMembership>
{
    public void Configure(EntityTypeBuilder<ClubMembership> membership)
    {
        membership.ToTable("ClubMemberships");
        membership.Property(m => m.TermKey).HasMaxLength(6).IsRequired();
        membership.HasIndex(m => new { m.ClubId, m.TermKey, m.UserId }).IsUnique();
        membership.HasIndex(m => new { m.UserId, m.TermKey });
        membership.HasOne(m => m.Club).WithMany().HasForeignKey(m => m.ClubId).OnDelete(DeleteBehavior.Cascade);
        membership.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        membership.HasOne<JoinGroup>().WithMany().HasForeignKey(m => m.JoinGroupId).OnDelete(DeleteBehavior.SetNull);
        membership.Ignore(m => m.Term);
    }
}
