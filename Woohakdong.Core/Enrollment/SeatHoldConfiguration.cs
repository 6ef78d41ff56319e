using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Joining;

namespace Woohakdong.Core.Enrollment;

internal sealed class SeatHoldConfiguration : IEntityTypeConfiguration<SeatHold>
{
    public void Configure(EntityTypeBuilder<SeatHold> hold)
    {
        hold.HasOne<JoinGroup>().WithMany().HasForeignKey(h => h.GroupId).OnDelete(DeleteBehavior.Cascade);
        hold.HasOne<AppUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
        // One live hold per student and group, even when the same student clicks on two instances at once.
        hold.HasIndex(h => new { h.GroupId, h.UserId }).IsUnique().HasFilter($"\"State\" = {(int)HoldState.Held}");
        hold.HasIndex(h => new { h.State, h.ExpiresAt });
    }
}
