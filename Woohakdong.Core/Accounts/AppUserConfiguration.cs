using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Woohakdong.Core.Accounts;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(ProfileRules.NameMax);
        user.Property(u => u.School).HasMaxLength(ProfileRules.SchoolMax);
        user.Property(u => u.Major).HasMaxLength(ProfileRules.MajorMax);
        user.Property(u => u.StudentNumber).HasMaxLength(ProfileRules.StudentNumberMax);
        user.Property(u => u.Phone).HasMaxLength(ProfileRules.PhoneMax);
        user.Property(u => u.Language).HasMaxLength(2).HasDefaultValue("ko");
        user.Ignore(u => u.HasCompleteProfile);
    }
}
