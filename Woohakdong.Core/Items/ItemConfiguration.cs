using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Storage;

namespace Woohakdong.Core.Items;

internal sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
{
    public void Configure(EntityTypeBuilder<Item> item)
    {
        item.Property(i => i.Name).HasMaxLength(ItemRules.NameMaxLength).IsRequired();
        item.Property(i => i.Description).HasMaxLength(ItemRules.DescriptionMaxLength).IsRequired();
        item.Property(i => i.Location).HasMaxLength(ItemRules.LocationMaxLength).IsRequired();
        item.HasIndex(i => new { i.ClubId, i.DeletedAt });
        item.HasOne<Club>().WithMany().HasForeignKey(i => i.ClubId).OnDelete(DeleteBehavior.Cascade);
        item.HasMany(i => i.Images).WithOne().HasForeignKey(image => image.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ItemImageConfiguration : IEntityTypeConfiguration<ItemImage>
{
    public void Configure(EntityTypeBuilder<ItemImage> image)
    {
        image.Property(i => i.Key).HasMaxLength(200);
        // An uploaded object belongs to one item only; the orphan sweep cannot remove the upload row of an attached one.
        image.HasIndex(i => i.Key).IsUnique();
        image.HasOne<IssuedUpload>().WithMany().HasForeignKey(i => i.Key).HasPrincipalKey(u => u.Key).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class ItemLoanConfiguration : IEntityTypeConfiguration<ItemLoan>
{
    public void Configure(EntityTypeBuilder<ItemLoan> loan)
    {
        loan.Property(l => l.ReturnPhotoKey).HasMaxLength(200);
        loan.HasIndex(l => l.ItemId).IsUnique().HasFilter("\"ReturnedAt\" IS NULL").HasDatabaseName("IX_ItemLoans_OpenPerItem");
        loan.HasIndex(l => new { l.ItemId, l.BorrowedAt });
        loan.HasIndex(l => new { l.BorrowerId, l.ReturnedAt });
        // The overdue notices' daily question: which open loans are past their due day.
        loan.HasIndex(l => l.DueOn).HasFilter("\"ReturnedAt\" IS NULL").HasDatabaseName("IX_ItemLoans_OpenByDueOn");
        loan.HasIndex(l => l.ReturnPhotoKey).IsUnique().HasFilter("\"ReturnPhotoKey\" IS NOT NULL");
        loan.HasOne<Item>().WithMany().HasForeignKey(l => l.ItemId).OnDelete(DeleteBehavior.Cascade);
        loan.HasOne<AppUser>().WithMany().HasForeignKey(l => l.BorrowerId).OnDelete(DeleteBehavior.Cascade);
        loan.HasOne<IssuedUpload>().WithMany().HasForeignKey(l => l.ReturnPhotoKey).HasPrincipalKey(u => u.Key)
            .OnDelete(DeleteBehavior.NoAction);
    }
}
