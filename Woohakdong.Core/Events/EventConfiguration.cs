using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Core.Events;

internal sealed class ClubEventConfiguration : IEntityTypeConfiguration<ClubEvent>
{
    public void Configure(EntityTypeBuilder<ClubEvent> clubEvent)
    {
        clubEvent.HasBaseType<SeatPool>();
        clubEvent.Metadata.SetDiscriminatorValue(PoolKind.Event);
        clubEvent.Property(e => e.Title).HasMaxLength(EventRules.TitleMaxLength);
        clubEvent.Property(e => e.Description).HasMaxLength(EventRules.DescriptionMaxLength);
        clubEvent.Property(e => e.Place).HasMaxLength(EventRules.PlaceMaxLength);
        clubEvent.Property(e => e.Audience).HasConversion<string>().HasMaxLength(8);
        clubEvent.Property(e => e.Status).HasConversion<string>().HasMaxLength(10);
        clubEvent.HasIndex(e => new { e.ClubId, e.StartsAt });
    }
}

internal sealed class EventSignupConfiguration : IEntityTypeConfiguration<EventSignup>
{
    public void Configure(EntityTypeBuilder<EventSignup> signup)
    {
        signup.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        signup.Property(s => s.TicketCode).HasMaxLength(TicketCodes.Length).IsRequired();
        signup.HasIndex(s => s.TicketCode).IsUnique();
        // One live sign-up per student and event, even when the same student clicks on two instances at once.
        signup.HasIndex(s => new { s.EventId, s.UserId }).IsUnique().HasFilter($"\"Status\" <> '{nameof(SignupStatus.Cancelled)}'");
        signup.HasIndex(s => s.UserId);
        signup.HasIndex(s => s.HoldId);
        signup.HasOne<ClubEvent>().WithMany().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        signup.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        signup.HasOne<SeatHold>().WithMany().HasForeignKey(s => s.HoldId).OnDelete(DeleteBehavior.SetNull);
    }
}
