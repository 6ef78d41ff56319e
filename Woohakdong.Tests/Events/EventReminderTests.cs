using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Common;
using Woohakdong.Core.Events;
using Woohakdong.Core.Notifications;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Notifications;

namespace Woohakdong.Tests.Events;

/// <summary>The day-before reminders: at 09:00 KST, once per confirmed sign-up however many instances run the pass.</summary>
public abstract class EventReminderTests(SeatFixture fixture)
{
    private readonly SeatHarness harness = fixture.Harness;
    private readonly EventSteps steps = new(fixture.Harness);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Confirmed_sign_ups_are_reminded_at_nine_KST_the_day_before_not_a_minute_earlier_and_once_across_two_instances()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var clubEvent = await steps.CreateAsync(club, steps.Input());
        var (first, second, gone) = (await harness.CreateStudentAsync(), await harness.CreateStudentAsync(), await harness.CreateStudentAsync());
        foreach (var student in new[] { first, second, gone }) await steps.SignUpAsync(student, clubEvent.EventId);
        await steps.CancelMineAsync(gone, clubEvent.EventId);
        var nineTheDayBefore = new DateTimeOffset(DateOnly.FromDateTime(clubEvent.StartsAt.DateTime).AddDays(-1), new TimeOnly(9, 0), KoreanTime.Offset);

        harness.Time.SetUtcNow(nineTheDayBefore.AddMinutes(-1).ToUniversalTime());
        await PassAsync();
        Assert.Empty(await RemindersAsync(first));

        harness.Time.SetUtcNow(nineTheDayBefore.ToUniversalTime());
        await Task.WhenAll(Task.Run(PassAsync, Ct), Task.Run(PassAsync, Ct));
        await PassAsync();

        foreach (var student in new[] { first, second })
        {
            var reminder = Assert.Single(await RemindersAsync(student));
            Assert.Equal($"/events/{clubEvent.EventId}", reminder.Link);
            Assert.Equal($"신청한 「정기 모임」 행사가 다가옵니다. 일시 {Kst(clubEvent.StartsAt)} ~ {Kst(clubEvent.EndsAt)}, 장소 학생회관 301호. 출석 QR 코드는 내 티켓에서 볼 수 있습니다.",
                harness.Services.GetRequiredService<NotificationRenderer>().Render(reminder, Languages.Korean).Body);
        }
        Assert.Empty(await RemindersAsync(gone));
    }

    [Fact]
    public async Task An_event_made_less_than_a_day_ahead_is_reminded_on_the_next_pass_and_a_cancelled_one_never()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var soon = harness.Time.GetUtcNow().AddHours(5);
        var input = steps.Input() with { StartsAt = soon, EndsAt = soon.AddHours(2), SignupClosesAt = null, CancelDeadline = null };
        var (kept, cancelled) = (await steps.CreateAsync(club, input), await steps.CreateAsync(club, input));
        var (student, other) = (await harness.CreateStudentAsync(), await harness.CreateStudentAsync());
        await steps.SignUpAsync(student, kept.EventId);
        await steps.SignUpAsync(other, cancelled.EventId);
        await harness.As<EventService, EventView>(club.President, events => events.CancelAsync(cancelled.EventId, Ct));

        await PassAsync();
        await PassAsync();

        Assert.Single(await RemindersAsync(student));
        Assert.Empty(await RemindersAsync(other));
    }

    [Fact]
    public async Task An_event_moved_to_a_later_day_after_its_reminder_is_reminded_again_the_day_before_its_new_start()
    {
        var club = await harness.CreateClubAsync(seatLimit: 50);
        var input = steps.Input();
        var clubEvent = await steps.CreateAsync(club, input);
        var student = await harness.CreateStudentAsync();
        await steps.SignUpAsync(student, clubEvent.EventId);
        harness.Time.SetUtcNow(EventReminderSchedule.RemindAt(clubEvent.StartsAt).ToUniversalTime());
        await PassAsync();

        var week = TimeSpan.FromDays(7);
        var moved = input with { StartsAt = input.StartsAt + week, EndsAt = input.EndsAt + week, SignupClosesAt = input.SignupClosesAt + week };
        await harness.As<EventService, EventView>(club.President, events => events.UpdateAsync(clubEvent.EventId, moved, Ct));
        await PassAsync();
        Assert.Single(await RemindersAsync(student));
        harness.Time.SetUtcNow(EventReminderSchedule.RemindAt(moved.StartsAt).ToUniversalTime());
        await PassAsync();

        Assert.Equal(2, (await RemindersAsync(student)).Count);
    }

    private async Task PassAsync()
    {
        await using var scope = harness.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EventReminders>().RunOnceAsync(Ct);
    }

    private Task<List<Notification>> RemindersAsync(Guid student) => Recorded.NotificationsAsync(harness.DbAsync, student, NotificationKind.EventReminder);

    private static string Kst(DateTimeOffset at) => at.ToKst().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class SqliteEventReminderTests(SqliteSeatFixture fixture) : EventReminderTests(fixture), IClassFixture<SqliteSeatFixture>;

public sealed class PostgresEventReminderTests(PostgresSeatFixture fixture) : EventReminderTests(fixture), IClassFixture<PostgresSeatFixture>;
