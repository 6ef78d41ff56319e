using Woohakdong.Core.Ledger;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Storage;
using Woohakdong.Tests.Clubs.Pages;

namespace Woohakdong.Tests.Ledger.Pages;

/// <summary>
/// A club with a president, a 총무, an 임원 and a member, and a ledger written straight to the database: last term's
/// income carried over, this term's grant, a snack expense with a receipt and its reversal.
/// </summary>
public abstract class LedgerPageTest : CorePageTest
{
    protected const string Club = "photo";
    protected long ClubId { get; private set; }
    protected Guid Secretary { get; private set; }
    protected Guid Officer { get; private set; }
    protected Guid Member { get; private set; }
    protected long Grant { get; private set; }
    protected long Snacks { get; private set; }
    protected long SnacksReversal { get; private set; }

    protected async Task ArrangeAsync(bool openToMembers = false)
    {
        var president = await AddUserAsync("김회장");
        ClubId = await AddClubAsync(Club, president);
        Secretary = await AddUserAsync("정총무");
        await AddMemberAsync(ClubId, Secretary, ClubRole.Secretary);
        Officer = await AddUserAsync("한임원");
        await AddMemberAsync(ClubId, Officer, ClubRole.Officer);
        Member = await AddUserAsync("박회원");
        await AddMemberAsync(ClubId, Member, ClubRole.Member);
        await ChangeDatabaseAsync(async db =>
        {
            var club = await db.Clubs.FindAsync(ClubId);
            club!.LedgerOpenToMembers = openToMembers;
        });

        var term = Term.Current(TimeProvider.System);
        await AddEntryAsync(term.Previous, term.Previous.StartsOn.AddDays(3), LedgerKind.Income, LedgerCategory.OtherIncome, 50_000, "지난 학기 지원금");
        Grant = await AddEntryAsync(term, term.StartsOn, LedgerKind.Income, LedgerCategory.OtherIncome, 100_000, "학생회 지원금");
        Snacks = await AddEntryAsync(term, term.StartsOn.AddDays(1), LedgerKind.Expense, LedgerCategory.Food, 30_000, "신입 환영회 간식", receipt: true);
        SnacksReversal = await AddEntryAsync(term, term.StartsOn.AddDays(2), LedgerKind.Income, LedgerCategory.Food, 30_000, "두 번 입력", reverses: Snacks);
    }

    private async Task<long> AddEntryAsync(
        Term term, DateOnly date, LedgerKind kind, LedgerCategory category, long amount, string memo, bool receipt = false, long? reverses = null)
    {
        var entry = new LedgerEntry
        {
            ClubId = ClubId, TermKey = term.Key, Date = date, Kind = kind, Category = category, Amount = amount, Memo = memo,
            Source = LedgerSource.Manual, ReversesId = reverses, RecordedBy = Secretary, RecordedAt = DateTimeOffset.UtcNow,
        };
        await ChangeDatabaseAsync(db =>
        {
            if (receipt)
            {
                var key = $"clubs/{ClubId}/images/{Guid.NewGuid():N}.png";
                db.IssuedUploads.Add(new IssuedUpload
                {
                    Key = key, UploadKey = $"clubs/{ClubId}/uploads/{Guid.NewGuid():N}", ClubId = ClubId, UserId = Secretary,
                    ContentType = "image/png", IssuedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
                    VerifiedAt = DateTimeOffset.UtcNow,
                });
                entry.Receipts.Add(new LedgerReceipt { Key = key });
            }
            db.LedgerEntries.Add(entry);
            return Task.CompletedTask;
        });
        return entry.Id;
    }
}
