using Woohakdong.Core.Enrollment;

namespace Woohakdong.Tests.Enrollment;

public sealed class SoldOutGroupsTests
{
    [Fact]
    public void A_full_mark_sticks_until_a_seat_is_freed()
    {
        var soldOut = new SoldOutGroups();

        soldOut.MarkFull(7, soldOut.Observe(7));
        var markedFull = soldOut.IsFull(7);
        soldOut.Clear(7);

        Assert.True(markedFull);
        Assert.False(soldOut.IsFull(7));
    }

    [Fact]
    public void A_full_answer_older_than_a_freed_seat_does_not_mark_the_group()
    {
        var soldOut = new SoldOutGroups();
        var seenBeforeAsking = soldOut.Observe(7);

        soldOut.Clear(7);
        soldOut.MarkFull(7, seenBeforeAsking);

        Assert.False(soldOut.IsFull(7));
    }

    [Fact]
    public void Callers_waiting_when_the_group_fills_are_told_and_a_fill_undone_by_a_freed_seat_tells_nobody()
    {
        var soldOut = new SoldOutGroups();
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
}
