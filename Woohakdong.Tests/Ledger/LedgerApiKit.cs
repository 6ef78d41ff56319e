using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Woohakdong.Tests.Ledger;

public static class LedgerApiKit
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> PostEntryAsync(
        this HttpClient client, long clubId, long amount = 12_000, string kind = "EXPENSE", string category = "FOOD", string? date = null,
        string memo = "간식", string[]? receiptKeys = null) =>
        client.PostAsJsonAsync($"/v1/clubs/{clubId}/ledger/entries", new
        {
            date = date ?? DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).ToString("yyyy-MM-dd"), kind, category, amount, memo, receiptKeys,
        }, Ct);

    /// <summary>A new manual entry: its id.</summary>
    public static async Task<long> RecordEntryAsync(this HttpClient secretary, long clubId, long amount = 12_000)
    {
        using var response = await secretary.PostEntryAsync(clubId, amount);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("entryId").GetInt64();
    }
}
