using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Payments;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core.Ledger;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> entry)
    {
        entry.ToTable("LedgerEntries");
        entry.Property(e => e.TermKey).HasMaxLength(6).IsRequired();
        entry.Property(e => e.Memo).HasMaxLength(LedgerRules.MemoMax).IsRequired();
        entry.Ignore(e => e.Signed);
        entry.HasIndex(e => new { e.ClubId, e.TermKey, e.Date });
        // Once per move: one income per order, one refund per order, one reversal per entry, whoever races.
        entry.HasIndex(e => e.OrderId, "IX_LedgerEntries_OrderId_Order").IsUnique()
            .HasFilter($"\"Source\" = {(int)LedgerSource.Order}");
        entry.HasIndex(e => e.OrderId, "IX_LedgerEntries_OrderId_Refund").IsUnique()
            .HasFilter($"\"Source\" = {(int)LedgerSource.Refund}");
        entry.HasIndex(e => e.ReversesId).IsUnique().HasFilter("\"ReversesId\" IS NOT NULL");
        // Money records outlive whatever they point at.
        entry.HasOne<Club>().WithMany().HasForeignKey(e => e.ClubId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<JoinOrder>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<LedgerEntry>().WithMany().HasForeignKey(e => e.ReversesId).OnDelete(DeleteBehavior.Restrict);
        entry.HasOne<AppUser>().WithMany().HasForeignKey(e => e.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        entry.HasMany(e => e.Receipts).WithOne().HasForeignKey(r => r.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LedgerReceiptConfiguration : IEntityTypeConfiguration<LedgerReceipt>
{
    public void Configure(EntityTypeBuilder<LedgerReceipt> receipt)
    {
        receipt.Property(r => r.Key).HasMaxLength(200).IsRequired();
        receipt.HasIndex(r => r.EntryId);
        receipt.HasIndex(r => r.Key).IsUnique();
        receipt.HasOne<IssuedUpload>().WithMany().HasForeignKey(r => r.Key).HasPrincipalKey(u => u.Key).OnDelete(DeleteBehavior.NoAction);
    }
}
