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

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<WaitlistEntry> entry)
    {
        entry.Property(w => w.Status).HasConversion<string>().HasMaxLength(8);
        // One live place per student and event, even when the same student clicks on two instances at once.
        entry.HasIndex(w => new { w.EventId, w.UserId }).IsUnique()
            .HasFilter($"\"Status\" IN ('{nameof(WaitlistStatus.Waiting)}', '{nameof(WaitlistStatus.Offered)}')");
        // The line: the first waiting entry by id, and a position as the count of those before it.
        entry.HasIndex(w => new { w.EventId, w.Status, w.Id });
        entry.HasIndex(w => w.UserId);
        entry.HasIndex(w => w.HoldId);
        entry.HasOne<ClubEvent>().WithMany().HasForeignKey(w => w.EventId).OnDelete(DeleteBehavior.Cascade);
        entry.HasOne<AppUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
        entry.HasOne<SeatHold>().WithMany().HasForeignKey(w => w.HoldId).OnDelete(DeleteBehavior.SetNull);
    }
}
