using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Woohakdong.Core.Enrollment;

internal sealed class SeatPoolConfiguration : IEntityTypeConfiguration<SeatPool>
{
    public void Configure(EntityTypeBuilder<SeatPool> pool)
    {
        // The last line of defence against an oversell: even a statement that bypassed the guarded update fails.
        pool.ToTable("SeatPools", table =>
        {
            table.HasCheckConstraint("CK_SeatPools_SeatsTaken", "\"SeatsTaken\" >= 0 AND \"SeatsTaken\" <= \"SeatLimit\"");
            table.HasCheckConstraint("CK_SeatPools_Waitlisted", "\"Waitlisted\" >= 0");
        });
        pool.HasDiscriminator(p => p.Kind);
        pool.Property(p => p.Kind).HasConversion<string>().HasMaxLength(8);
        pool.Property(p => p.TermKey).HasMaxLength(6).IsRequired();
        pool.HasOne(p => p.Club).WithMany().HasForeignKey(p => p.ClubId).OnDelete(DeleteBehavior.Cascade);
    }
}
