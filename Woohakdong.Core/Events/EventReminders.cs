using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Data;
using Woohakdong.Core.Notifications;

namespace Woohakdong.Core.Events;

/// <summary>
/// One pass of the day-before reminders (<see cref="EventReminderSchedule"/>): each due event is claimed once, by a
/// conditional update of its <see cref="ClubEvent.RemindersSentAt"/> in the same transaction as the reminders to the
/// sign-ups confirmed at that moment. So of several instances one reminds, and a rolled-back pass leaves it to the next.
/// Claimed per event, not per sign-up: one row written however many attend, and a sign-up made after the claim (less than
/// a day ahead) is not reminded of what it just chose.
/// </summary>
public sealed class EventReminders(IDbContextFactory<AppDbContext> dbFactory, NotificationOutbox outbox, TimeProvider time)
{
    /// <summary>Returns how many reminders this pass recorded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        List<long> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            due = await db.Events.Where(EventReminderSchedule.Due(time.GetUtcNow())).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var eventId in due) sent += await RemindAsync(eventId, ct);
        return sent;
    }

    private async Task<int> RemindAsync(long eventId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Asked again here: another instance may have claimed it, or an officer cancelled or moved it, since the list was read.
        var claimed = await db.Events.Where(e => e.Id == eventId).Where(EventReminderSchedule.Due(now))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.RemindersSentAt, now), ct);
        if (claimed == 0) return 0;
        var reminders = await EventDrafts.ToSignupsAsync(db, eventId, confirmedOnly: true, EventDrafts.Reminder, ct);
        outbox.Record(db, reminders);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return reminders.Count;
    }
}
