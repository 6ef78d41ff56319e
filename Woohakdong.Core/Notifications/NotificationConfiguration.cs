using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Woohakdong.Core.Accounts;

namespace Woohakdong.Core.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        notification.Property(n => n.EmailStatus).HasConversion<string>().HasMaxLength(20);
        notification.Property(n => n.Parameters).HasMaxLength(4000);
        notification.Property(n => n.Link).HasMaxLength(2000);
        notification.Property(n => n.EmailTo).HasMaxLength(256);
        notification.Property(n => n.EmailError).HasMaxLength(500);
        notification.HasOne<AppUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        // The inbox (newest first, unread count) and the e-mail worker's claim.
        notification.HasIndex(n => new { n.RecipientId, n.InInbox, n.ReadAt });
        notification.HasIndex(n => new { n.EmailStatus, n.EmailDueAt });
        notification.HasIndex(n => n.EmailClaimToken);
    }
}

internal sealed class EmailOptOutConfiguration : IEntityTypeConfiguration<EmailOptOut>
{
    public void Configure(EntityTypeBuilder<EmailOptOut> optOut)
    {
        optOut.HasKey(o => new { o.UserId, o.Kind });
        optOut.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        optOut.HasOne<AppUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
