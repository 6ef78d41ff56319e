using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Clubs;

namespace Woohakdong.Core.Storage;

internal sealed class IssuedUploadConfiguration : IEntityTypeConfiguration<IssuedUpload>
{
    public void Configure(EntityTypeBuilder<IssuedUpload> upload)
    {
        upload.Property(u => u.Key).HasMaxLength(200);
        upload.Property(u => u.UploadKey).HasMaxLength(200);
        upload.Property(u => u.ContentType).HasMaxLength(50);
        upload.HasIndex(u => u.Key).IsUnique();
        upload.HasIndex(u => u.UploadKey).IsUnique();
        upload.HasIndex(u => u.IssuedAt);
        // Counting a user's outstanding URLs per club.
        upload.HasIndex(u => new { u.UserId, u.ClubId, u.ExpiresAt });
        upload.HasIndex(u => u.LoanId);
        upload.HasOne<Club>().WithMany().HasForeignKey(u => u.ClubId).OnDelete(DeleteBehavior.Cascade);
        upload.HasOne<AppUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
