using System.Net;
using System.Net.Http.Json;
using Woohakdong.Core.Common;
using Woohakdong.Core.Payments;
using Woohakdong.Tests.Api;
using Woohakdong.Tests.Infrastructure;
using Woohakdong.Tests.Notifications;

namespace Woohakdong.Tests.Notices;

public enum RecordsEndpoint
{
    ListMembers,
    ChangeRole,
    RemoveMember,
    HandOver,
    ListPayments,
    Refund,
    ListNotices,
    PostNotice,
    GetNotice,
    EditNotice,
    DeleteNotice,
    ReadNotice,
    NoticeRevisions,
}

/// <summary>The app with one cast for a whole test class: refusals change nothing, and allowed calls act on rows made for them.</summary>
public sealed class CastApp : AppFactoryBase
{
    private readonly Lazy<Task<ApiCast>> cast;

    public CastApp() : base(Core.Data.DatabaseProvider.Sqlite, seedDemo: false) => cast = new(this.SeedApiCastAsync);

    public Task<ApiCast> CastAsync() => cast.Value;
}

/// <summary>Who may call each roster and notice endpoint: every role, a student, another club's officer, anonymous.</summary>
public sealed class RecordsApiAuthorizationTests(CastApp app) : IClassFixture<CastApp>, IAsyncLifetime
{
    private static readonly Caller[] Callers =
        [Caller.Anonymous, Caller.Student, Caller.OfficerOfAnotherClub, Caller.Member, Caller.Officer, Caller.Secretary, Caller.VicePresident, Caller.President];
    private static readonly Caller[] Officers = [Caller.Officer, Caller.Secretary, Caller.VicePresident, Caller.President];
    private ApiCast cast = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => cast = await app.CastAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static IEnumerable<Caller> AllowedFor(RecordsEndpoint endpoint) => endpoint switch
    {
        RecordsEndpoint.ChangeRole or RecordsEndpoint.RemoveMember or RecordsEndpoint.HandOver => [Caller.President],
        RecordsEndpoint.Refund => [Caller.Secretary, Caller.VicePresident, Caller.President],
        RecordsEndpoint.ListNotices => Callers,
        RecordsEndpoint.GetNotice or RecordsEndpoint.ReadNotice => [Caller.Member, .. Officers],
        _ => Officers,
    };

    public static TheoryData<RecordsEndpoint, Caller> Refused()
    {
        var rows = new TheoryData<RecordsEndpoint, Caller>();
        foreach (var endpoint in Enum.GetValues<RecordsEndpoint>())
            foreach (var caller in Callers.Except(AllowedFor(endpoint)))
                rows.Add(endpoint, caller);
        return rows;
    }

    public static TheoryData<RecordsEndpoint, Caller> Allowed()
    {
        var rows = new TheoryData<RecordsEndpoint, Caller>();
        foreach (var endpoint in Enum.GetValues<RecordsEndpoint>())
            foreach (var caller in AllowedFor(endpoint))
                rows.Add(endpoint, caller);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Callers_without_the_role_are_refused(RecordsEndpoint endpoint, Caller caller)
    {
        using var response = await CallAsync(endpoint, caller, cast);

        if (caller == Caller.Anonymous) await response.IsProblemAsync(HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        else await response.IsProblemAsync(HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task Callers_with_the_role_are_allowed(RecordsEndpoint endpoint, Caller caller)
    {
        // A handover changes who is president: it gets a club of its own.
        var on = endpoint == RecordsEndpoint.HandOver ? await app.SeedApiCastAsync() : cast;

        using var response = await CallAsync(endpoint, caller, on);

        switch (endpoint)
        {
            case RecordsEndpoint.Refund:
                // Past the role check: the pending order made for it is not refundable.
                await response.IsProblemAsync(HttpStatusCode.Conflict, ErrorCodes.OrderNotRefundable);
                break;
            case RecordsEndpoint.PostNotice:
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                break;
            case RecordsEndpoint.ChangeRole or RecordsEndpoint.RemoveMember or RecordsEndpoint.HandOver
                or RecordsEndpoint.DeleteNotice or RecordsEndpoint.ReadNotice:
                Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
                break;
            default:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                break;
        }
    }

    private async Task<HttpResponseMessage> CallAsync(RecordsEndpoint endpoint, Caller caller, ApiCast on)
    {
        var client = on[caller];
        var club = $"/v1/clubs/{on.ClubId}";
        return endpoint switch
        {
            RecordsEndpoint.ListMembers => await client.GetAsync($"{club}/members", Ct),
            RecordsEndpoint.ChangeRole => await client.PutAsJsonAsync($"{club}/members/{await app.AddMemberAsync(on.ClubId)}/role", new { role = "OFFICER" }, Ct),
            RecordsEndpoint.RemoveMember => await client.DeleteAsync($"{club}/members/{await app.AddMemberAsync(on.ClubId)}", Ct),
            RecordsEndpoint.HandOver => await client.PostAsJsonAsync($"{club}/handover", new { memberId = on.MembershipIds[Caller.Member] }, Ct),
            RecordsEndpoint.ListPayments => await client.GetAsync($"{club}/payments?status=COMPLETED", Ct),
            RecordsEndpoint.Refund => await client.PostAsJsonAsync($"/v1/orders/{await PendingOrderAsync(on)}/refund", new { reason = "탈퇴" }, Ct),
            RecordsEndpoint.ListNotices => await client.GetAsync($"{club}/notices", Ct),
            RecordsEndpoint.PostNotice => await client.PostAsJsonAsync($"{club}/notices", new { title = "새 공지", body = "내용", audience = "MEMBERS" }, Ct),
            RecordsEndpoint.GetNotice => await client.GetAsync($"/v1/notices/{await NewNoticeAsync(on)}", Ct),
            RecordsEndpoint.EditNotice => await client.PutAsJsonAsync($"/v1/notices/{await NewNoticeAsync(on)}",
                new { title = "고친 공지", body = "내용", audience = "MEMBERS", pinned = true }, Ct),
            RecordsEndpoint.DeleteNotice => await client.DeleteAsync($"/v1/notices/{await NewNoticeAsync(on)}", Ct),
            RecordsEndpoint.ReadNotice => await client.PostAsync($"/v1/notices/{await NewNoticeAsync(on)}/read", null, Ct),
            RecordsEndpoint.NoticeRevisions => await client.GetAsync($"/v1/notices/{await NewNoticeAsync(on)}/revisions", Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };
    }

    private static Task<long> NewNoticeAsync(ApiCast on) => on[Caller.Officer].PostNoticeAsync(on.ClubId);

    private async Task<long> PendingOrderAsync(ApiCast on)
    {
        // One hold per student and group: each order has a student of its own.
        var student = await app.SignUpAsync();
        return await app.AddOrderAsync(on.ClubId, await app.Services.UserIdAsync(student.Email), OrderStatus.Pending);
    }
}
