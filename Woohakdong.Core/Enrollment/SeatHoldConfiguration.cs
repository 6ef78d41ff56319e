using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Woohakdong.Core.Accounts;

namespace Woohakdong.Core.Enrollment;

internal sealed class SeatHoldConfiguration : IEntityTypeConfiguration<SeatHold>
{
    public void Configure(EntityTypeBuilder<SeatHold> hold)
    {
        hold.HasOne<SeatPool>().WithMany().HasForeignKey(h => h.PoolId).OnDelete(DeleteBehavior.Cascade);
        hold.HasOne<AppUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
        // One live hold per student and pool, even when the same student clicks on two instances at once.
        hold.HasIndex(h => new { h.PoolId, h.UserId }).IsUnique().HasFilter($"\"State\" = {(int)HoldState.Held}");
        hold.HasIndex(h => new { h.State, h.ExpiresAt });
    }
}
