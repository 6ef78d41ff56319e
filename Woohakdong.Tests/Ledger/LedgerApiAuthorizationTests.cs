using System.Net;
using System.Net.Http.Json;
using Woohakdong.Core.Common;
using Woohakdong.Tests.Api;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Notices;

namespace Woohakdong.Tests.Ledger;

public enum LedgerEndpoint
{
    Book,
    RecordEntry,
    ReverseEntry,
    Settings,
}

/// <summary>Who may call each ledger endpoint of a club that keeps its ledger for officers (the default).</summary>
public sealed class LedgerApiAuthorizationTests(CastApp app) : IClassFixture<CastApp>, IAsyncLifetime
{
    private static readonly Caller[] Callers =
        [Caller.Anonymous, Caller.Student, Caller.OfficerOfAnotherClub, Caller.Member, Caller.Officer, Caller.Secretary, Caller.VicePresident, Caller.President];
    private ApiCast cast = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => cast = await app.CastAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static IEnumerable<Caller> AllowedFor(LedgerEndpoint endpoint) => endpoint switch
    {
        LedgerEndpoint.Book => [Caller.Officer, Caller.Secretary, Caller.VicePresident, Caller.President],
        _ => [Caller.Secretary, Caller.VicePresident, Caller.President],
    };

    public static TheoryData<LedgerEndpoint, Caller> Refused()
    {
        var rows = new TheoryData<LedgerEndpoint, Caller>();
        foreach (var endpoint in Enum.GetValues<LedgerEndpoint>())
            foreach (var caller in Callers.Except(AllowedFor(endpoint)))
                rows.Add(endpoint, caller);
        return rows;
    }

    public static TheoryData<LedgerEndpoint, Caller> Allowed()
    {
        var rows = new TheoryData<LedgerEndpoint, Caller>();
        foreach (var endpoint in Enum.GetValues<LedgerEndpoint>())
            foreach (var caller in AllowedFor(endpoint))
                rows.Add(endpoint, caller);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Callers_without_the_role_are_refused(LedgerEndpoint endpoint, Caller caller)
    {
        using var response = await CallAsync(endpoint, caller);

        if (caller == Caller.Anonymous) await response.IsProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        else await response.IsProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task Callers_with_the_role_are_allowed(LedgerEndpoint endpoint, Caller caller)
    {
        using var response = await CallAsync(endpoint, caller);

        Assert.Equal(endpoint switch
        {
            LedgerEndpoint.Book => HttpStatusCode.OK,
            LedgerEndpoint.Settings => HttpStatusCode.NoContent,
            _ => HttpStatusCode.Created,
        }, response.StatusCode);
    }

    private async Task<HttpResponseMessage> CallAsync(LedgerEndpoint endpoint, Caller caller)
    {
        var client = cast[caller];
        var ledger = $"/v1/clubs/{cast.ClubId}/ledger";
        return endpoint switch
        {
            LedgerEndpoint.Book => await client.GetAsync(ledger, Ct),
            LedgerEndpoint.RecordEntry => await client.PostEntryAsync(cast.ClubId),
            LedgerEndpoint.ReverseEntry => await client.PostAsJsonAsync(
                $"{ledger}/entries/{await cast[Caller.President].RecordEntryAsync(cast.ClubId)}/reverse", new { memo = "잘못 기록" }, Ct),
            // Closed again: the matrix reads a ledger kept for officers.
            LedgerEndpoint.Settings => await client.PutAsJsonAsync($"{ledger}/settings", new { openToMembers = false }, Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };
    }
}
