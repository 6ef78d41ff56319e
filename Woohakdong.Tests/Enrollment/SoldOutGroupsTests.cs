using Microsoft.Extensions.Time.Testing;
using Woohakdong.Core.Enrollment;

namespace Woohakdong.Tests.Enrollment;

public sealed class SoldOutGroupsTests
{
    [Fact]
    public void A_full_mark_sticks_until_a_seat_is_freed()
    {
        var soldOut = new SoldOutGroups(TimeProvider.System);

        soldOut.MarkFull(7, soldOut.Observe(7));
        var markedFull = soldOut.IsFull(7);
        soldOut.Clear(7);

        Assert.True(markedFull);
        Assert.False(soldOut.IsFull(7));
    }

    [Fact]
    public void A_full_answer_older_than_a_freed_seat_does_not_mark_the_group()
    {
        var soldOut = new SoldOutGroups(TimeProvider.System);
        var seenBeforeAsking = soldOut.Observe(7);

        soldOut.Clear(7);
        soldOut.MarkFull(7, seenBeforeAsking);

        Assert.False(soldOut.IsFull(7));
    }

    [Fact]
    public void Callers_waiting_when_the_group_fills_are_told_and_a_fill_undone_by_a_freed_seat_tells_nobody()
    {
        var soldOut = new SoldOutGroups(TimeProvider.System);
        var waitingBeforeFill = soldOut.WhenFull(7);
        var undone = soldOut.WhenFull(8);
        var seenBeforeAsking = soldOut.Observe(8);

        soldOut.MarkFull(7, soldOut.Observe(7));
        soldOut.Clear(8);
        soldOut.MarkFull(8, seenBeforeAsking);

        Assert.True(waitingBeforeFill.IsCancellationRequested);
        Assert.False(undone.IsCancellationRequested);
        Assert.False(soldOut.WhenFull(7).IsCancellationRequested);
    }

    [Fact]
    public void Another_instances_word_marks_the_pool_full_only_for_the_trust_given_it()
    {
        var time = new FakeTimeProvider();
        var soldOut = new SoldOutGroups(time);
        var waiting = soldOut.WhenFull(7);

        soldOut.MarkFullFor(7, TimeSpan.FromSeconds(2));
        var fullOnTheirWord = soldOut.IsFull(7);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(fullOnTheirWord);
        Assert.True(waiting.IsCancellationRequested);
        Assert.False(soldOut.IsFull(7));
    }

    [Fact]
    public void A_mark_for_good_outlasts_a_later_message_and_a_message_is_undone_by_a_freed_seat()
    {
        var time = new FakeTimeProvider();
        var soldOut = new SoldOutGroups(time);

        soldOut.MarkFull(7, soldOut.Observe(7));
        soldOut.MarkFullFor(7, TimeSpan.FromSeconds(2));
        soldOut.MarkFullFor(8, TimeSpan.FromSeconds(2));
        soldOut.Clear(8);
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(soldOut.IsFull(7));
        Assert.False(soldOut.IsFull(8));
    }
}
