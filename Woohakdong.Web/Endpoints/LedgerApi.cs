using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Woohakdong.Core.Common;
using Woohakdong.Core.Ledger;

namespace Woohakdong.Web.Endpoints;

/// <summary>The club's ledger (회계 장부) under /v1, over the dashboard's services, so every check is theirs.</summary>
public static class LedgerApi
{
    /// <summary><c>date</c> is a KST day (2026-03-05); <c>kind</c> INCOME or EXPENSE; <c>category</c> FOOD, VENUE, EQUIPMENT, EVENT, OTHER_INCOME or OTHER; <c>receiptKeys</c> upload keys from <c>/v1/utils/images/urls</c>.</summary>
    public sealed record EntryRequest(
        [property: Required] DateOnly? Date, [property: Required] string? Kind, [property: Required] string? Category,
        [property: Required] long? Amount, string? Memo, IReadOnlyList<string>? ReceiptKeys)
    {
        public LedgerEntryInput ToInput() => new(
            Date!.Value, EnumNames.Parse<LedgerKind>(Kind, "kind", ErrorCodes.LedgerKindInvalid),
            EnumNames.Parse<LedgerCategory>(Category, "category", ErrorCodes.LedgerCategoryInvalid), Amount!.Value, Memo, ReceiptKeys);
    }

    public sealed record ReverseRequest([property: Required] string? Memo);

    public sealed record SettingsRequest([property: Required] bool? OpenToMembers);

    public sealed record EntryResponse(
        long EntryId, DateOnly Date, LedgerKind Kind, LedgerCategory Category, long Amount, long SignedAmount, string Memo,
        LedgerSource Source, long? OrderId, long? Reverses, long? ReversedBy, string? RecordedBy, DateTimeOffset RecordedAt,
        IReadOnlyList<string> ReceiptUrls)
    {
        public static EntryResponse Of(LedgerEntryView e) => new(
            e.EntryId, e.Date, e.Kind, e.Category, e.Amount, e.SignedAmount, e.Memo, e.Source, e.OrderId, e.Reverses, e.ReversedBy,
            e.RecordedByName, e.RecordedAt, e.ReceiptUrls);
    }

    public sealed record BookResponse(
        string Term, IReadOnlyList<EntryResponse> Entries, long CarriedOver, long Income, long Expense, long Balance, bool OpenToMembers);

    public static void MapLedgerApi(this RouteGroupBuilder v1)
    {
        var ledger = v1.MapGroup("/clubs/{clubId:long}/ledger").WithTags("Ledger").RequireAuthorization();
        ledger.MapGet("/", Book);
        ledger.MapPost("/entries", Record);
        ledger.MapPost("/entries/{entryId:long}/reverse", Reverse);
        ledger.MapPut("/settings", Settings);
    }

    /// <summary><c>term</c> is a key (2026-1; the current term when empty); a term the club never had is TERM_NOT_FOUND.</summary>
    private static async Task<Ok<BookResponse>> Book(long clubId, string? term, LedgerBook book, CancellationToken ct)
    {
        var view = await book.GetAsync(clubId, term, ct);
        return TypedResults.Ok(new BookResponse(
            view.TermKey, [.. view.Entries.Select(EntryResponse.Of)], view.CarriedOver, view.Income, view.Expense, view.Balance, view.OpenToMembers));
    }

    private static async Task<Created<EntryResponse>> Record(long clubId, EntryRequest request, RecordEntry record, CancellationToken ct)
    {
        var entry = await record.RecordAsync(clubId, request.ToInput(), ct);
        return TypedResults.Created($"/v1/clubs/{clubId}/ledger?term={entry.TermKey}", EntryResponse.Of(entry));
    }

    private static async Task<Created<EntryResponse>> Reverse(
        long clubId, long entryId, ReverseRequest request, ReverseEntry reverse, CancellationToken ct)
    {
        var entry = await reverse.ReverseAsync(clubId, entryId, request.Memo, ct);
        return TypedResults.Created($"/v1/clubs/{clubId}/ledger?term={entry.TermKey}", EntryResponse.Of(entry));
    }

    private static async Task<NoContent> Settings(long clubId, SettingsRequest request, LedgerSettings settings, CancellationToken ct)
    {
        await settings.SetOpenToMembersAsync(clubId, request.OpenToMembers!.Value, ct);
        return TypedResults.NoContent();
    }
}
