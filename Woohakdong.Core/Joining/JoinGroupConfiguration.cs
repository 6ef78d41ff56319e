using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Joining;

internal sealed class JoinGroupConfiguration : IEntityTypeConfiguration<JoinGroup>
{
    public void Configure(EntityTypeBuilder<JoinGroup> group)
    {
        group.HasBaseType<SeatPool>();
        group.Metadata.SetDiscriminatorValue(PoolKind.Join);
        group.Property(g => g.Policy).HasConversion<string>().HasMaxLength(16).HasDefaultValue(JoinPolicy.FirstCome);
        // One recruitment per club and term; other kinds of pool may share a term.
        group.HasIndex(g => new { g.ClubId, g.TermKey }).IsUnique().HasFilter("\"Kind\" = 'Join'");
    }
}
