using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Woohakdong.Core.Accounts;
using Woohakdong.Core.Clubs;
using Woohakdong.Core.Data;

namespace Woohakdong.Core.Calendar;

/// <summary>
/// A user's secret iCalendar address: one club's calendar (<see cref="ClubId"/>) or, without a club, 내 일정. Only the
/// token's hash is kept (<see cref="FeedTokens"/>), so a copy of the database cannot be used to read anyone's calendar.
/// A revoked feed stays as a record and answers nothing.
/// </summary>
public sealed class CalendarFeed : IAuditable
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public long? ClubId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> feed)
    {
        feed.Property(f => f.TokenHash).HasMaxLength(FeedTokens.HashLength).IsRequired();
        feed.HasIndex(f => f.TokenHash).IsUnique();
        feed.HasIndex(f => f.UserId);
        feed.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        feed.HasOne<Club>().WithMany().HasForeignKey(f => f.ClubId).OnDelete(DeleteBehavior.Cascade);
    }
}
