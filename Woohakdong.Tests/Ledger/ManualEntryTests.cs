using Microsoft.EntityFrameworkCore;
using Woohakdong.Core.Common;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Membership;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Payments;

namespace Woohakdong.Tests.Ledger;

/// <summary>Manual entries by 총무 and above, their reversals, and who may read the ledger.</summary>
public abstract class ManualEntryTests(PaymentFixture fixture)
{
    private readonly SeatHarness harness = fixture.Harness;
    private readonly LedgerSteps steps = new(fixture.Harness, fixture.Gateway);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Manual_entries_are_refused_for_an_officer_and_allowed_for_a_secretary()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5);
        var officer = await steps.AddAsync(club, ClubRole.Officer);
        var secretary = await steps.AddAsync(club, ClubRole.Secretary);

        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => steps.RecordAsync(officer, club, 12_000));
        var entry = await steps.RecordAsync(secretary, club, 12_000, memo: "  엠티 간식  ");

        Assert.Equal((LedgerSource.Manual, LedgerKind.Expense, 12_000L, -12_000L, "엠티 간식"), (entry.Source, entry.Kind, entry.Amount, entry.SignedAmount, entry.Memo));
        Assert.StartsWith("학생", entry.RecordedByName);
        Assert.Equal(harness.Time.GetUtcNow(), entry.RecordedAt);
        var book = await steps.BookAsync(officer, club);
        Assert.Equal((0L, 12_000L, -12_000L), (book.Income, book.Expense, book.Balance));
        Assert.False(book.CanWrite);
        Assert.True((await steps.BookAsync(secretary, club)).CanWrite);
    }

    [Fact]
    public async Task A_reversal_nets_to_zero_and_is_itself_not_reversible()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5);
        var wrong = await steps.RecordAsync(club.President, club, 50_000, LedgerKind.Income, LedgerCategory.OtherIncome, memo: "후원금");
        var kept = await steps.RecordAsync(club.President, club, 8_000, LedgerKind.Expense, LedgerCategory.Venue);

        var reversal = await steps.ReverseAsync(club.President, club, wrong.EntryId, "금액 잘못 입력");

        Assert.Equal((LedgerKind.Expense, 50_000L, wrong.EntryId, LedgerCategory.OtherIncome), (reversal.Kind, reversal.Amount, reversal.Reverses, reversal.Category));
        var book = await steps.BookAsync(club.President, club);
        Assert.Equal(0, book.Entries.Where(e => e.EntryId == wrong.EntryId || e.Reverses == wrong.EntryId).Sum(e => e.SignedAmount));
        Assert.Equal((0L, 8_000L, -8_000L), (book.Income, book.Expense, book.Balance));
        Assert.Equal(reversal.EntryId, book.Entries.Single(e => e.EntryId == wrong.EntryId).ReversedBy);
        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.LedgerReversalNotReversible, () => steps.ReverseAsync(club.President, club, reversal.EntryId));
        await Refusal.ThrowsAsync(ErrorKind.Conflict, ErrorCodes.LedgerEntryAlreadyReversed, () => steps.ReverseAsync(club.President, club, wrong.EntryId));
        await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.LedgerMemoRequired, () => steps.ReverseAsync(club.President, club, kept.EntryId, " "));
    }

    [Fact]
    public async Task Reversing_twice_at_once_reverses_once_and_the_other_gets_a_stable_conflict()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5);
        var secretary = await steps.AddAsync(club, ClubRole.Secretary);
        for (var round = 0; round < 5; round++)
        {
            var entry = await steps.RecordAsync(club.President, club, 10_000);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = new[] { club.President, secretary }.Select(caller => Task.Run(async () =>
            {
                await start.Task;
                try
                {
                    await steps.ReverseAsync(caller, club, entry.EntryId);
                    return "REVERSED";
                }
                catch (AppException refusal)
                {
                    return refusal.Code;
                }
            }, Ct)).ToArray();
            start.SetResult();

            Assert.Equal([ErrorCodes.LedgerEntryAlreadyReversed, "REVERSED"], (await Task.WhenAll(attempts)).Order());
            await using var db = await harness.DbAsync();
            Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.ReversesId == entry.EntryId, Ct));
        }
    }

    [Fact]
    public async Task Members_read_the_ledger_only_when_the_club_opens_it()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5);
        var member = await steps.AddAsync(club, ClubRole.Member);
        var officer = await steps.AddAsync(club, ClubRole.Officer);
        var student = await harness.CreateStudentAsync();
        var other = await harness.CreateClubAsync(seatLimit: 5);
        await steps.RecordAsync(club.President, club, 5_000);

        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => steps.BookAsync(member, club));
        Assert.Single((await steps.BookAsync(officer, club)).Entries);
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => steps.SetOpenAsync(officer, club, true));

        await steps.SetOpenAsync(club.President, club, true);

        var seen = await steps.BookAsync(member, club);
        Assert.Equal((1, true, false), (seen.Entries.Count, seen.OpenToMembers, seen.CanWrite));
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => steps.BookAsync(student, club));
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => steps.BookAsync(other.President, club));
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => steps.RecordAsync(member, club, 1_000));

        await steps.SetOpenAsync(club.President, club, false);
        await Refusal.ThrowsAsync(ErrorKind.Forbidden, ErrorCodes.Forbidden, () => steps.BookAsync(member, club));
    }

    [Theory]
    [InlineData(0L, 0, LedgerKind.Expense, LedgerCategory.Food, ErrorCodes.LedgerAmountInvalid)]
    [InlineData(-5_000L, 0, LedgerKind.Expense, LedgerCategory.Food, ErrorCodes.LedgerAmountInvalid)]
    [InlineData(100_000_001L, 0, LedgerKind.Expense, LedgerCategory.Food, ErrorCodes.LedgerAmountInvalid)]
    [InlineData(long.MaxValue, 0, LedgerKind.Expense, LedgerCategory.Food, ErrorCodes.LedgerAmountInvalid)]
    [InlineData(1_000L, 8, LedgerKind.Expense, LedgerCategory.Food, ErrorCodes.LedgerDateInFuture)]
    [InlineData(1_000L, 3 * 365, LedgerKind.Expense, LedgerCategory.Food, ErrorCodes.LedgerDateInFuture)]
    [InlineData(1_000L, -400, LedgerKind.Expense, LedgerCategory.Food, ErrorCodes.LedgerDateBeforeClub)]
    [InlineData(1_000L, 0, LedgerKind.Income, LedgerCategory.MembershipFee, ErrorCodes.LedgerCategoryInvalid)]
    [InlineData(1_000L, 0, LedgerKind.Expense, LedgerCategory.OtherIncome, ErrorCodes.LedgerCategoryInvalid)]
    [InlineData(1_000L, 0, LedgerKind.Expense, (LedgerCategory)99, ErrorCodes.LedgerCategoryInvalid)]
    [InlineData(1_000L, 0, (LedgerKind)7, LedgerCategory.Food, ErrorCodes.LedgerKindInvalid)]
    public async Task Bad_entries_are_refused_with_their_code(long amount, int daysFromToday, LedgerKind kind, LedgerCategory category, string code)
    {
        var club = await harness.CreateClubAsync(seatLimit: 5);

        await Refusal.ThrowsAsync(ErrorKind.Validation, code,
            () => steps.RecordAsync(club.President, club, amount, kind, category, harness.Time.Today().AddDays(daysFromToday)));
    }

    [Theory]
    [InlineData("간식\u0000", ErrorCodes.TextControlCharacter)]
    [InlineData("줄\n바꿈", ErrorCodes.TextControlCharacter)]
    [InlineData("\u202Egnp.exe", ErrorCodes.TextControlCharacter)]
    public async Task Memos_with_control_characters_are_refused(string memo, string code)
    {
        var club = await harness.CreateClubAsync(seatLimit: 5);

        await Refusal.ThrowsAsync(ErrorKind.Validation, code, () => steps.RecordAsync(club.President, club, 1_000, memo: memo));
    }

    [Fact]
    public async Task Long_memos_too_many_receipts_and_foreign_receipt_keys_are_refused()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5);
        var input = new LedgerEntryInput(harness.Time.Today(), LedgerKind.Expense, LedgerCategory.Food, 1_000, "간식");
        Task Record(LedgerEntryInput given) =>
            harness.As<RecordEntry, LedgerEntryView>(club.President, record => record.RecordAsync(club.ClubId, given, Ct));

        await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.LedgerMemoTooLong, () => Record(input with { Memo = new string('가', 201) }));
        await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.LedgerTooManyReceipts,
            () => Record(input with { ReceiptKeys = [.. Enumerable.Range(0, 6).Select(i => $"clubs/{club.ClubId}/uploads/{i}")] }));
        var refusal = await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.ImageNotIssued,
            () => Record(input with { ReceiptKeys = ["clubs/999999/uploads/x.png"] }));
        Assert.Equal("clubs/999999/uploads/x.png", refusal.Field);
    }

    [Fact]
    public async Task An_unknown_entry_or_another_clubs_entry_is_not_found()
    {
        var club = await harness.CreateClubAsync(seatLimit: 5);
        var other = await harness.CreateClubAsync(seatLimit: 5);
        var theirs = await steps.RecordAsync(other.President, other, 1_000);

        await Refusal.ThrowsAsync(ErrorKind.NotFound, ErrorCodes.LedgerEntryNotFound, () => steps.ReverseAsync(club.President, club, theirs.EntryId));
        await Refusal.ThrowsAsync(ErrorKind.NotFound, ErrorCodes.LedgerEntryNotFound, () => steps.ReverseAsync(club.President, club, 987_654));
    }
}

public sealed class SqliteManualEntryTests(SqlitePaymentFixture fixture) : ManualEntryTests(fixture), IClassFixture<SqlitePaymentFixture>;

public sealed class PostgresManualEntryTests(PostgresPaymentFixture fixture) : ManualEntryTests(fixture), IClassFixture<PostgresPaymentFixture>;
