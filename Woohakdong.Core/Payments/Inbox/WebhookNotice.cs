using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Woohakdong.Core.Payments.Inbox;

/// <summary>
/// A webhook PortOne delivered, kept until its order was settled: its two lookup keys only, never trusted further.
/// A worker claims it until <see cref="ClaimedUntil"/>; a claim that passes unfinished (a crash, a gateway error) lets
/// any instance take it again.
/// </summary>
public sealed class WebhookNotice
{
    public long Id { get; set; }
    public string? ImpUid { get; set; }
    public string? MerchantUid { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public Guid? ClaimToken { get; set; }
    public int Attempts { get; set; }
}

internal sealed class WebhookNoticeConfiguration : IEntityTypeConfiguration<WebhookNotice>
{
    public void Configure(EntityTypeBuilder<WebhookNotice> notice)
    {
        notice.Property(n => n.ImpUid).HasMaxLength(PaymentIds.ImpUidMaxLength);
        notice.Property(n => n.MerchantUid).HasMaxLength(MerchantUids.MaxLength);
        notice.HasIndex(n => n.ClaimToken);
    }
}
