using Woohakdong.Core.Common;
using Woohakdong.Core.Events;

namespace Woohakdong.Tests.Events;

public sealed class EventRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 15, 19, 0, 0, KoreanTime.Offset);

    private static EventInput Valid() => new("정기 모임", "이번 달 정기 모임입니다.\n간식 있어요.", "학생회관 301호", Start, Start.AddHours(2),
        Capacity: 20, Fee: 5_000, EventAudience.Members, Start.AddDays(-7), Start.AddHours(-1), Start.AddDays(-1));

    private static void Refused(string code, string field, EventInput input)
    {
        var error = Assert.Throws<AppException>(() => EventRules.Validate(input));
        Assert.Equal((ErrorKind.Validation, code, field), (error.Kind, error.Code, error.Field));
    }

    [Fact]
    public void A_valid_event_is_accepted_with_its_text_normalized()
    {
        var valid = EventRules.Validate(Valid() with { Title = "  정기 모임 ", Description = "줄 하나\r\n줄 둘" });

        Assert.Equal(("정기 모임", "줄 하나\n줄 둘"), (valid.Title, valid.Description));
    }

    [Fact]
    public void The_end_must_come_after_the_start() =>
        Refused(ErrorCodes.EventTimesInvalid, "endsAt", Valid() with { EndsAt = Start });

    [Fact]
    public void The_window_lies_before_the_start_and_closes_after_it_opens()
    {
        Refused(ErrorCodes.SignupWindowInvalid, "signupOpensAt", Valid() with { SignupOpensAt = Start });
        Refused(ErrorCodes.SignupWindowInvalid, "signupClosesAt", Valid() with { SignupClosesAt = Start.AddMinutes(1) });
        Refused(ErrorCodes.SignupWindowInvalid, "signupClosesAt", Valid() with { SignupOpensAt = Start.AddDays(-2), SignupClosesAt = Start.AddDays(-3) });
        Refused(ErrorCodes.CancelDeadlineInvalid, "cancelDeadline", Valid() with { CancelDeadline = Start.AddMinutes(1) });
    }

    [Fact]
    public void Control_characters_are_refused_as_elsewhere()
    {
        Refused(ErrorCodes.TextControlCharacter, "title", Valid() with { Title = "모임\u0007" });
        Refused(ErrorCodes.TextControlCharacter, "place", Valid() with { Place = "301호\n302호" });
        Refused(ErrorCodes.TextControlCharacter, "description", Valid() with { Description = "\u202Egnp.exe" });
    }

    [Fact]
    public void Title_capacity_and_fee_are_bounded()
    {
        Refused(ErrorCodes.EventTitleRequired, "title", Valid() with { Title = "  " });
        Refused(ErrorCodes.EventTitleTooLong, "title", Valid() with { Title = new string('가', EventRules.TitleMaxLength + 1) });
        Refused(ErrorCodes.CapacityInvalid, "capacity", Valid() with { Capacity = 0 });
        Refused(ErrorCodes.FeeNegative, "fee", Valid() with { Fee = -1 });
    }

    [Fact]
    public void A_capacity_never_goes_below_the_seats_taken()
    {
        Assert.True(EventRules.CanSetCapacity(5, 5));
        Assert.False(EventRules.CanSetCapacity(4, 5));
        Assert.True(EventRules.CanSetCapacity(null, 5000));
    }

    [Fact]
    public void Sign_ups_are_open_only_when_published_inside_the_window_and_before_the_start()
    {
        var clubEvent = new ClubEvent { Status = EventStatus.Published, StartsAt = Start, SignupOpensAt = Start.AddDays(-7), SignupClosesAt = Start.AddHours(-1) };

        Assert.False(EventRules.IsOpen(clubEvent, Start.AddDays(-8)));
        Assert.True(EventRules.IsOpen(clubEvent, Start.AddDays(-1)));
        Assert.False(EventRules.IsOpen(clubEvent, Start.AddMinutes(-30)));
        Assert.False(EventRules.IsOpen(new ClubEvent { Status = EventStatus.Published, StartsAt = Start }, Start.AddMinutes(1)));
        Assert.False(EventRules.IsOpen(new ClubEvent { Status = EventStatus.Draft, StartsAt = Start }, Start.AddDays(-1)));
    }

    [Fact]
    public void A_cancellation_is_refunded_until_the_deadline_in_kst()
    {
        var deadline = new DateTimeOffset(2026, 5, 14, 23, 59, 0, KoreanTime.Offset);
        var clubEvent = new ClubEvent { StartsAt = Start, CancelDeadline = deadline };

        Assert.True(EventRules.RefundsCancellation(clubEvent, deadline.AddMinutes(-1)));
        Assert.False(EventRules.RefundsCancellation(clubEvent, deadline));
        // 14:59 UTC is 23:59 KST: the same instant, whatever offset it was written with.
        Assert.False(EventRules.RefundsCancellation(clubEvent, new DateTimeOffset(2026, 5, 14, 14, 59, 0, TimeSpan.Zero)));
        Assert.True(EventRules.RefundsCancellation(new ClubEvent { StartsAt = Start }, Start.AddMinutes(-1)));
    }

    [Fact]
    public void An_event_is_booked_in_the_term_of_its_start_in_kst() =>
        // 2026-02-28 16:00 UTC is 2026-03-01 01:00 KST: the spring term.
        Assert.Equal("2026-1", EventRules.TermKeyOf(new DateTimeOffset(2026, 2, 28, 16, 0, 0, TimeSpan.Zero)));
}
