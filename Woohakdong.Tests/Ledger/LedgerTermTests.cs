using Microsoft.Extensions.DependencyInjection;
using Woohakdong.Core.Common;
using Woohakdong.Core.Data;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Enrollment;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Payments;

namespace Woohakdong.Tests.Ledger;

/// <summary>Sums per term with the balance carried over; each test has its own harness, since it moves the clock a term on.</summary>
public abstract class LedgerTermTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Each_term_sums_its_entries_and_carries_its_balance_into_the_next()
    {
        var gateway = new FakePaymentGateway();
        await using var harness = await SeatHarness.StartAsync(provider, services => services.AddSingleton<IPaymentGateway>(gateway));
        var steps = new LedgerSteps(harness, gateway);
        var club = await harness.CreateClubAsync(seatLimit: 5, fee: 20_000);
        await steps.CompletedOrderAsync(club);
        await steps.RecordAsync(club.President, club, 100_000, LedgerKind.Income, LedgerCategory.OtherIncome, memo: "학교 지원금");
        var venue = await steps.RecordAsync(club.President, club, 30_000, LedgerKind.Expense, LedgerCategory.Venue, memo: "MT 숙소");

        harness.Time.Advance(TimeSpan.FromDays(160));
        Assert.Equal("2026-2", Core.Membership.Term.Current(harness.Time).Key);
        await steps.RecordAsync(club.President, club, 10_000, LedgerKind.Expense, LedgerCategory.Equipment, memo: "삼각대");

        var spring = await steps.BookAsync(club.President, club, "2026-1");
        Assert.Equal((0L, 120_000L, 30_000L, 90_000L, 3), (spring.CarriedOver, spring.Income, spring.Expense, spring.Balance, spring.Entries.Count));
        var fall = await steps.BookAsync(club.President, club);
        Assert.Equal(("2026-2", 90_000L, 0L, 10_000L, 80_000L), (fall.TermKey, fall.CarriedOver, fall.Income, fall.Expense, fall.Balance));

        // A spring mistake found in the fall is corrected in spring's books, dated the day it was found.
        var reversal = await steps.ReverseAsync(club.President, club, venue.EntryId, "영수증 중복");
        Assert.Equal(("2026-1", harness.Time.Today()), (reversal.TermKey, reversal.Date));
        spring = await steps.BookAsync(club.President, club, "2026-1");
        Assert.Equal((120_000L, 0L, 120_000L), (spring.Income, spring.Expense, spring.Balance));
        fall = await steps.BookAsync(club.President, club, "2026-2");
        Assert.Equal((120_000L, 110_000L), (fall.CarriedOver, fall.Balance));

        await Refusal.ThrowsAsync(ErrorKind.NotFound, ErrorCodes.TermNotFound, () => steps.BookAsync(club.President, club, "2025-2"));
        await Refusal.ThrowsAsync(ErrorKind.NotFound, ErrorCodes.TermNotFound, () => steps.BookAsync(club.President, club, "2027-1"));
        await Refusal.ThrowsAsync(ErrorKind.Validation, ErrorCodes.InvalidInput, () => steps.BookAsync(club.President, club, "2026-3"));
    }
}

public sealed class SqliteLedgerTermTests() : LedgerTermTests(DatabaseProvider.Sqlite);

public sealed class PostgresLedgerTermTests() : LedgerTermTests(DatabaseProvider.Postgres);
