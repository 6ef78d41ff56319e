using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Woohakdong.Core.Common;
using Woohakdong.Core.Items;

namespace Woohakdong.Web.Endpoints;

/// <summary>A club's items and loans under /v1; refusals are problem+json with a stable <c>code</c>.</summary>
public static class ItemsApi
{
    /// <summary>Every field is required, on POST and PUT alike (<see cref="RequiredFields"/>).</summary>
    public sealed record ItemRequest(
        [property: Required] string? Name, [property: Required] ItemCategory? Category, [property: Required] string? Description,
        [property: Required] string? Location, [property: Required] int? MaxLoanDays, [property: Required] string[]? ImageKeys)
    {
        public ItemInput ToInput() => new(Name!, Category!.Value, Description!, Location!, MaxLoanDays!.Value, ImageKeys!);
    }

    public sealed record ReturnRequest(string? ImageKey);

    public static void MapItemsApi(this RouteGroupBuilder v1)
    {
        var items = v1.MapGroup("/clubs/{clubId:long}/items").WithTags("Items").RequireAuthorization();
        items.MapPost("/", Register);
        items.MapGet("/", List);
        items.MapGet("/{itemId:long}", Get);
        items.MapPut("/{itemId:long}", Update);
        items.MapDelete("/{itemId:long}", Delete);
        items.MapPost("/{itemId:long}/borrow", Borrow);
        items.MapPost("/{itemId:long}/return", Return);
    }

    private static async Task<Created<ItemDetail>> Register(long clubId, ItemRequest request, RegisterItem register, CancellationToken ct)
    {
        var item = await register.RegisterAsync(clubId, request.ToInput(), ct);
        return TypedResults.Created($"/v1/clubs/{clubId}/items/{item.Id}", item);
    }

    /// <summary><c>category</c> and <c>status</c> take the JSON names (BOOK, ON_LOAN, …); <c>q</c> is a part of the name.</summary>
    private static async Task<Ok<IReadOnlyList<ItemSummary>>> List(
        long clubId, string? category, string? status, string? q, ItemQueries queries, CancellationToken ct)
    {
        var query = new ItemQuery(EnumNames.ParseOrNull<ItemCategory>(category, "category"), EnumNames.ParseOrNull<ItemStatus>(status, "status"), q);
        return TypedResults.Ok(await queries.ListAsync(clubId, query, ct));
    }

    private static async Task<Ok<ItemDetail>> Get(long clubId, long itemId, ItemQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.GetAsync(clubId, itemId, ct));

    private static async Task<Ok<ItemDetail>> Update(long clubId, long itemId, ItemRequest request, EditItem edit, CancellationToken ct) =>
        TypedResults.Ok(await edit.UpdateAsync(clubId, itemId, request.ToInput(), ct));

    private static async Task<NoContent> Delete(long clubId, long itemId, DeleteItem delete, CancellationToken ct)
    {
        await delete.DeleteAsync(clubId, itemId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Created<LoanView>> Borrow(long clubId, long itemId, BorrowItem borrow, CancellationToken ct)
    {
        var loan = await borrow.BorrowAsync(clubId, itemId, ct);
        return TypedResults.Created($"/v1/clubs/{clubId}/items/{itemId}", loan);
    }

    private static async Task<Ok<LoanView>> Return(long clubId, long itemId, ReturnRequest? request, ReturnItem returns, CancellationToken ct) =>
        TypedResults.Ok(await returns.ReturnAsync(clubId, itemId, request?.ImageKey, ct));
}
