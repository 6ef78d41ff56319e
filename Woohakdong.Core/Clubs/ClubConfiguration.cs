using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Woohakdong.Core.Clubs;

internal sealed class ClubConfiguration : IEntityTypeConfiguration<Club>
{
    public void Configure(EntityTypeBuilder<Club> club)
    {
        club.Property(c => c.Name).HasMaxLength(ClubRules.NameMax).IsRequired();
        club.Property(c => c.EnglishName).HasMaxLength(ClubRules.EnglishNameMax).IsRequired();
        club.HasIndex(c => c.EnglishName).IsUnique();
        club.Property(c => c.Description).HasMaxLength(ClubRules.DescriptionMax);
        club.Property(c => c.Room).HasMaxLength(ClubRules.RoomMax);
        club.Property(c => c.ChatLink).HasMaxLength(ClubRules.ChatLinkMax);
    }
}
