using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Woohakdong.Core.Joining;

internal sealed class JoinGroupConfiguration : IEntityTypeConfiguration<JoinGroup>
{
    public void Configure(EntityTypeBuilder<JoinGroup> group)
    {
        // The last line of defence against an oversell: even a statement that bypassed the guarded update fails.
        group.ToTable("JoinGroups", table => table.HasCheckConstraint(
            "CK_JoinGroups_SeatsTaken", "\"SeatsTaken\" >= 0 AND \"SeatsTaken\" <= \"SeatLimit\""));
        group.Property(g => g.Policy).HasConversion<string>().HasMaxLength(16).HasDefaultValue(JoinPolicy.FirstCome);
        group.Property(g => g.TermKey).HasMaxLength(6).IsRequired();
        group.HasIndex(g => new { g.ClubId, g.TermKey }).IsUnique();
        group.HasOne(g => g.Club).WithMany().HasForeignKey(g => g.ClubId).OnDelete(DeleteBehavior.Cascade);
    }
}
