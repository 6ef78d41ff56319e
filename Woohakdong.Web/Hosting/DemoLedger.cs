using Woohakdong.Core.Common;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Membership;

namespace Woohakdong.Web.Hosting;

/// <summary>
/// The photo club's ledger, typed in as its officers would: last term's grant and exhibition (carried over), this
/// term's grant and expenses with receipt photos, and an entry recorded twice by mistake and reversed. The club keeps
/// it open to its members (투명 장부).
/// </summary>
internal static class DemoLedger
{
    private sealed record Line(DateOnly Date, LedgerKind Kind, LedgerCategory Category, long Amount, string Memo, string? Receipt = null);

    /// <summary>Runs as the club's president (the caller's scope has its current user set).</summary>
    public static async Task AddAsync(IServiceProvider services, long clubId)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var today = time.Today();
        var term = Term.Current(time);
        var lastTerm = term.Previous.StartsOn.AddDays(20);
        var thisTerm = today.AddDays(-5) < term.StartsOn ? term.StartsOn : today.AddDays(-5);
        Line[] lines =
        [
            new(lastTerm, LedgerKind.Income, LedgerCategory.OtherIncome, 200_000, "학교 동아리 지원금"),
            new(lastTerm.AddDays(30), LedgerKind.Expense, LedgerCategory.Venue, 80_000, "정기 사진전 대관"),
            new(thisTerm, LedgerKind.Income, LedgerCategory.OtherIncome, 150_000, "학생회 지원금"),
            new(thisTerm, LedgerKind.Expense, LedgerCategory.Food, 45_000, "신입 환영회 간식", "receipt.png"),
            new(today, LedgerKind.Expense, LedgerCategory.Equipment, 32_000, "흑백 필름 10롤", "receipt.png"),
        ];
        var record = services.GetRequiredService<RecordEntry>();
        foreach (var line in lines)
        {
            var receipt = line.Receipt is null ? null : await DemoUploads.UploadAsync(services, clubId, line.Receipt);
            await record.RecordAsync(clubId, new LedgerEntryInput(line.Date, line.Kind, line.Category, line.Amount, line.Memo,
                receipt is null ? [] : [receipt]));
        }
        var twice = await record.RecordAsync(clubId, new LedgerEntryInput(today, LedgerKind.Expense, LedgerCategory.Food, 45_000, "신입 환영회 간식"));
        await services.GetRequiredService<ReverseEntry>().ReverseAsync(clubId, twice.EntryId, "같은 영수증을 두 번 입력함");
        await services.GetRequiredService<LedgerSettings>().SetOpenToMembersAsync(clubId, true);
    }
}
