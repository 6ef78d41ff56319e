using System.Net;
using Woohakdong.Core.Common;
using Woohakdong.Tests.Api;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Notices;

namespace Woohakdong.Tests.Exports;

/// <summary>Every export refused to the wrong roles: officers for the roster and applications, 총무 and above for money, on both routes.</summary>
public sealed class ExportsApiAuthorizationTests(CastApp app) : IClassFixture<CastApp>, IAsyncLifetime
{
    private static readonly Caller[] Callers =
        [Caller.Anonymous, Caller.Student, Caller.OfficerOfAnotherClub, Caller.Member, Caller.Officer, Caller.Secretary, Caller.VicePresident, Caller.President];
    private static readonly string[] Exports = ["roster", "applications", "payments", "ledger"];
    private static readonly string[] Routes = ["/v1/clubs/{0}/exports/{1}", "/exports/clubs/{0}/{1}"];
    private ApiCast cast = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => cast = await app.CastAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static IEnumerable<Caller> AllowedFor(string export) => export is "roster" or "applications"
        ? [Caller.Officer, Caller.Secretary, Caller.VicePresident, Caller.President]
        : [Caller.Secretary, Caller.VicePresident, Caller.President];

    public static TheoryData<string, string, Caller, bool> Matrix()
    {
        var rows = new TheoryData<string, string, Caller, bool>();
        foreach (var route in Routes)
            foreach (var export in Exports)
                foreach (var caller in Callers)
                    rows.Add(route, export, caller, AllowedFor(export).Contains(caller));
        return rows;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_export_answers_only_the_roles_allowed_it(string route, string export, Caller caller, bool allowed)
    {
        foreach (var format in new[] { "xlsx", "csv" })
        {
            using var response = await cast[caller].GetAsync(string.Format(route, cast.ClubId, export) + $"?format={format}", Ct);

            if (allowed) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The dashboard's route is a browser's: a visitor not signed in is sent to the login page.
            else if (caller == Caller.Anonymous && route.StartsWith("/exports", StringComparison.Ordinal))
                Assert.Contains("login", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.OrdinalIgnoreCase);
            else if (caller == Caller.Anonymous) await response.IsProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
            else await response.IsProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        }
    }
}
