using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Woohakdong.Core.Common;
using Woohakdong.Tests.Api;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Notices;

namespace Woohakdong.Tests.Ledger;

/// <summary>What the ledger endpoints answer, and their stable codes for the bad input.</summary>
public sealed class LedgerApiTests(CastApp app) : IClassFixture<CastApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_secretary_records_and_reverses_and_a_member_reads_once_the_ledger_is_open()
    {
        var cast = await app.SeedApiCastAsync();
        var ledger = $"/v1/clubs/{cast.ClubId}/ledger";
        var secretary = cast[Caller.Secretary];
        using var created = await secretary.PostEntryAsync(cast.ClubId, 45_000, "INCOME", "OTHER_INCOME", memo: "학교 지원금");
        var entry = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("INCOME", "OTHER_INCOME", 45_000L, "MANUAL"), (entry.GetProperty("kind").GetString(), entry.GetProperty("category").GetString(),
            entry.GetProperty("amount").GetInt64(), entry.GetProperty("source").GetString()));
        var mistake = await secretary.RecordEntryAsync(cast.ClubId, 9_000);
        using var reversed = await secretary.PostAsJsonAsync($"{ledger}/entries/{mistake}/reverse", new { memo = "중복" }, Ct);
        Assert.Equal(mistake, (await reversed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("reverses").GetInt64());

        using (var closed = await cast[Caller.Member].GetAsync(ledger, Ct)) await closed.IsProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        using (var open = await secretary.PutAsJsonAsync($"{ledger}/settings", new { openToMembers = true }, Ct)) Assert.Equal(HttpStatusCode.NoContent, open.StatusCode);
        var book = await cast[Caller.Member].GetFromJsonAsync<JsonElement>(ledger, Ct);

        Assert.Equal((45_000L, 0L, 45_000L, true), (book.GetProperty("income").GetInt64(), book.GetProperty("expense").GetInt64(),
            book.GetProperty("balance").GetInt64(), book.GetProperty("openToMembers").GetBoolean()));
        var entries = book.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal(JsonValueKind.Array, e.GetProperty("receiptUrls").ValueKind));
        using var again = await cast[Caller.President].PostAsJsonAsync($"{ledger}/entries/{mistake}/reverse", new { memo = "중복" }, Ct);
        await again.IsProblemAsync(HttpStatusCode.Conflict, ErrorCodes.LedgerEntryAlreadyReversed);
    }

    [Theory]
    [InlineData("""{"date":"{today}","kind":"EXPENSE","category":"FOOD","amount":0}""", ErrorCodes.LedgerAmountInvalid, "amount")]
    [InlineData("""{"date":"{today}","kind":"EXPENSE","category":"FOOD","amount":-1000}""", ErrorCodes.LedgerAmountInvalid, "amount")]
    [InlineData("""{"date":"{today}","kind":"EXPENSE","category":"FOOD","amount":9223372036854775808}""", ErrorCodes.InvalidInput, "amount")]
    [InlineData("""{"date":"{today}","kind":"EXPENSE","category":"FOOD","amount":1.5}""", ErrorCodes.InvalidInput, "amount")]
    [InlineData("""{"date":"{years-ahead}","kind":"EXPENSE","category":"FOOD","amount":1000}""", ErrorCodes.LedgerDateInFuture, "date")]
    [InlineData("""{"date":"1999-03-05","kind":"EXPENSE","category":"FOOD","amount":1000}""", ErrorCodes.LedgerDateBeforeClub, "date")]
    [InlineData("""{"date":"2026-02-30","kind":"EXPENSE","category":"FOOD","amount":1000}""", ErrorCodes.InvalidInput, "date")]
    [InlineData("""{"date":"{today}","kind":"GIFT","category":"FOOD","amount":1000}""", ErrorCodes.LedgerKindInvalid, "kind")]
    [InlineData("""{"date":"{today}","kind":"INCOME","category":"MEMBERSHIP_FEE","amount":1000}""", ErrorCodes.LedgerCategoryInvalid, "category")]
    [InlineData("""{"date":"{today}","kind":"EXPENSE","category":"FOOD","amount":1000,"memo":"a\u0007b"}""", ErrorCodes.TextControlCharacter, "memo")]
    [InlineData("""{"kind":"EXPENSE","category":"FOOD","amount":1000}""", ErrorCodes.FieldRequired, "date")]
    public async Task Bad_entries_are_refused_with_their_code(string body, string code, string field)
    {
        var cast = await app.CastAsync();

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9));
        body = body.Replace("{today}", today.ToString("yyyy-MM-dd")).Replace("{years-ahead}", today.AddYears(3).ToString("yyyy-MM-dd"));

        using var response = await cast[Caller.President].PostAsync(
            $"/v1/clubs/{cast.ClubId}/ledger/entries", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        await response.IsProblemAsync(HttpStatusCode.BadRequest, code, field);
    }

    [Theory]
    [InlineData("?term=1999-1", HttpStatusCode.NotFound, ErrorCodes.TermNotFound)]
    [InlineData("?term=2099-2", HttpStatusCode.NotFound, ErrorCodes.TermNotFound)]
    [InlineData("?term=2026-3", HttpStatusCode.BadRequest, ErrorCodes.InvalidInput)]
    public async Task A_term_the_club_never_had_is_refused(string query, HttpStatusCode status, string code)
    {
        var cast = await app.CastAsync();

        using var response = await cast[Caller.President].GetAsync($"/v1/clubs/{cast.ClubId}/ledger{query}", Ct);

        await response.IsProblemAsync(status, code);
    }

    [Fact]
    public async Task Reversing_a_reversal_or_a_missing_entry_is_refused()
    {
        var cast = await app.CastAsync();
        var ledger = $"/v1/clubs/{cast.ClubId}/ledger";
        var president = cast[Caller.President];
        var entry = await president.RecordEntryAsync(cast.ClubId);
        using var first = await president.PostAsJsonAsync($"{ledger}/entries/{entry}/reverse", new { memo = "취소" }, Ct);
        var reversal = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("entryId").GetInt64();

        using var ofReversal = await president.PostAsJsonAsync($"{ledger}/entries/{reversal}/reverse", new { memo = "취소" }, Ct);
        using var missing = await president.PostAsJsonAsync($"{ledger}/entries/987654321/reverse", new { memo = "취소" }, Ct);
        using var noMemo = await president.PostAsJsonAsync($"{ledger}/entries/{entry}/reverse", new { memo = "" }, Ct);

        await ofReversal.IsProblemAsync(HttpStatusCode.Conflict, ErrorCodes.LedgerReversalNotReversible);
        await missing.IsProblemAsync(HttpStatusCode.NotFound, ErrorCodes.LedgerEntryNotFound);
        await noMemo.IsProblemAsync(HttpStatusCode.BadRequest, ErrorCodes.LedgerMemoRequired, "memo");
    }
}
