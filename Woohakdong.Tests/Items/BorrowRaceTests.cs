using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Items;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Enrollment;

namespace Woohakdong.Tests.Items;

/// <summary>Two requests on one item at the same moment, each in its own scope as a request would be.</summary>
public abstract class BorrowRaceTests(SeatFixture fixture)
{
    private const int Rounds = 20;
    private readonly SeatHarness harness = fixture.Harness;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_members_borrowing_the_same_item_at_once_make_exactly_one_loan_every_time()
    {
        var club = await harness.CreateClubAsync(seatLimit: 10);
        var first = await MemberAsync(club.ClubId);
        var second = await MemberAsync(club.ClubId);

        for (var round = 0; round < Rounds; round++)
        {
            var itemId = await ItemSeeds.AddItemAsync(harness.DbAsync, club.ClubId, club.President, $"우산 {round}");
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = new[] { first, second }
                .Select(member => Attempt(start, () => harness.As<BorrowItem, LoanView>(member, borrow => borrow.BorrowAsync(club.ClubId, itemId, Ct)), "BORROWED"))
                .ToArray();
            start.SetResult();
            var outcomes = await Task.WhenAll(attempts);

            Assert.Equal(["BORROWED", ErrorCodes.ItemOnLoan], outcomes.Order());
            await using var db = await harness.DbAsync();
            Assert.Equal(1, await db.ItemLoans.CountAsync(l => l.ItemId == itemId, Ct));
        }
    }

    /// <summary>Whichever goes first, the other sees it: never a loan open on a deleted item.</summary>
    [Fact]
    public async Task Deleting_an_item_while_a_member_borrows_it_never_leaves_a_loan_on_a_deleted_item()
    {
        var club = await harness.CreateClubAsync(seatLimit: 10);
        var member = await MemberAsync(club.ClubId);

        for (var round = 0; round < Rounds; round++)
        {
            var itemId = await ItemSeeds.AddItemAsync(harness.DbAsync, club.ClubId, club.President, $"텐트 {round}");
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var borrow = Attempt(start, () => harness.As<BorrowItem, LoanView>(member, items => items.BorrowAsync(club.ClubId, itemId, Ct)), "BORROWED");
            var delete = Attempt(start, () => harness.As<DeleteItem, bool>(club.President, async items =>
            {
                await items.DeleteAsync(club.ClubId, itemId, Ct);
                return true;
            }), "DELETED");
            start.SetResult();
            var outcome = (await borrow, await delete);

            await using var db = await harness.DbAsync();
            var deleted = await db.Items.Where(i => i.Id == itemId).Select(i => i.DeletedAt != null).SingleAsync(Ct);
            var loans = await db.ItemLoans.CountAsync(l => l.ItemId == itemId, Ct);
            if (deleted) Assert.Equal((ErrorCodes.ItemNotFound, "DELETED", 0), (outcome.Item1, outcome.Item2, loans));
            else Assert.Equal(("BORROWED", ErrorCodes.ItemOnLoanNotDeletable, 1), (outcome.Item1, outcome.Item2, loans));
        }
    }

    private static Task<string> Attempt<T>(TaskCompletionSource start, Func<Task<T>> act, string success) => Task.Run(async () =>
    {
        await start.Task;
        try
        {
            await act();
            return success;
        }
        catch (AppException refusal)
        {
            return refusal.Code;
        }
    }, Ct);

    [Fact]
    public async Task The_database_itself_refuses_a_second_open_loan_of_an_item()
    {
        var club = await harness.CreateClubAsync(seatLimit: 10);
        var member = await MemberAsync(club.ClubId);
        var itemId = await ItemSeeds.AddItemAsync(harness.DbAsync, club.ClubId, club.President);
        await using var db = await harness.DbAsync();
        db.ItemLoans.Add(new ItemLoan { ItemId = itemId, BorrowerId = member, BorrowedAt = DateTimeOffset.UtcNow, DueOn = new DateOnly(2026, 4, 8) });
        await db.SaveChangesAsync(Ct);

        db.ItemLoans.Add(new ItemLoan { ItemId = itemId, BorrowerId = club.President, BorrowedAt = DateTimeOffset.UtcNow, DueOn = new DateOnly(2026, 4, 8) });
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        Assert.True(error.IsUniqueViolation());
    }

    private async Task<Guid> MemberAsync(long clubId)
    {
        var student = await harness.CreateStudentAsync();
        await using var db = await harness.DbAsync();
        db.Memberships.Add(new ClubMembership { ClubId = clubId, UserId = student, Role = ClubRole.Member, TermKey = Term.Current(harness.Time).Key });
        await db.SaveChangesAsync(Ct);
        return student;
    }
}

public sealed class SqliteBorrowRaceTests(SqliteSeatFixture fixture) : BorrowRaceTests(fixture), IClassFixture<SqliteSeatFixture>;

public sealed class PostgresBorrowRaceTests(PostgresSeatFixture fixture) : BorrowRaceTests(fixture), IClassFixture<PostgresSeatFixture>;
