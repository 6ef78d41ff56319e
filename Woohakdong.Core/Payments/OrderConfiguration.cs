using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Payments;

internal sealed class JoinOrderConfiguration : IEntityTypeConfiguration<JoinOrder>
{
    public void Configure(EntityTypeBuilder<JoinOrder> order)
    {
        order.Property(o => o.MerchantUid).HasMaxLength(MerchantUids.MaxLength).IsRequired();
        order.Property(o => o.ImpUid).HasMaxLength(PaymentIds.ImpUidMaxLength);
        order.Property(o => o.RefundReason).HasMaxLength(40);
        order.HasIndex(o => o.MerchantUid).IsUnique();
        order.HasIndex(o => o.ImpUid);
        order.HasIndex(o => new { o.Status, o.UpdatedAt });
        order.HasIndex(o => o.UserId);
        // One order waits on a hold at a time, even when the student clicks on two instances at once.
        order.HasIndex(o => o.HoldId).IsUnique().HasFilter($"\"Status\" = {(int)OrderStatus.Pending}");
        // The database refuses a second completed order for one student and pool: that payment is refunded instead.
        order.HasIndex(o => new { o.PoolId, o.UserId }).IsUnique().HasFilter($"\"Status\" = {(int)OrderStatus.Completed}");
        // Money records outlive whatever they point at.
        order.HasOne<Club>().WithMany().HasForeignKey(o => o.ClubId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<SeatPool>().WithMany().HasForeignKey(o => o.PoolId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<AppUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<SeatHold>().WithMany().HasForeignKey(o => o.HoldId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrderHistoryConfiguration : IEntityTypeConfiguration<OrderHistory>
{
    public void Configure(EntityTypeBuilder<OrderHistory> history)
    {
        history.ToTable("OrderHistory");
        history.Property(h => h.Detail).HasMaxLength(500);
        history.HasOne<JoinOrder>().WithMany().HasForeignKey(h => h.OrderId).OnDelete(DeleteBehavior.Restrict);
        history.HasIndex(h => new { h.OrderId, h.At });
    }
}

internal sealed class PaymentRefundConfiguration : IEntityTypeConfiguration<PaymentRefund>
{
    public void Configure(EntityTypeBuilder<PaymentRefund> refund)
    {
        refund.Property(r => r.ImpUid).HasMaxLength(PaymentIds.ImpUidMaxLength).IsRequired();
        refund.Property(r => r.Reason).HasMaxLength(40).IsRequired();
        refund.HasOne<JoinOrder>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
        refund.HasIndex(r => r.OrderId);
    }
}
